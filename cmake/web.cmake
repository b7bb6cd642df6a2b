# Web target: build/web/site/ holds index.html (from shell.html), rapport.js, rapport.wasm,
# rapport.data (fonts and library cards, preloaded into Emscripten's in-memory file system) and
# rapport-scenarios.bin (the scenarios, fetched after the first frame's files).
set(SITE_DIR "${CMAKE_BINARY_DIR}/site")
file(GLOB WEB_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*.cpp")
file(GLOB SCENARIO_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/scenarios/*.json")
list(FILTER SCENARIO_FILES EXCLUDE REGEX "schema\\.json$")

# Two apps from the same code: rapport.wasm for learners, and rapport-studio.wasm (?author=1), the
# only one that calls link_studio(), so the authoring studio's code is linked into it alone.
list(FILTER WEB_SOURCES EXCLUDE REGEX "/main\\.cpp$")
add_library(rapport_web_glue STATIC ${WEB_SOURCES} "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_link_libraries(rapport_web_glue PUBLIC rapport_ui)
target_compile_definitions(rapport_web_glue PUBLIC IMGUI_IMPL_OPENGL_ES3)
add_executable(rapport_web "${CMAKE_SOURCE_DIR}/web/main.cpp")
add_executable(rapport_studio_web "${CMAKE_SOURCE_DIR}/web/main.cpp")
target_compile_definitions(rapport_studio_web PRIVATE RAPPORT_STUDIO)
set_target_properties(rapport_web PROPERTIES OUTPUT_NAME rapport)
set_target_properties(rapport_studio_web PROPERTIES OUTPUT_NAME rapport-studio)

# The data package: fonts under /fonts and the library's cards under /cards (the start of each
# scenario, up to what a card shows); the rest of the scenarios is rapport-scenarios.bin, which the
# page fetches after the files the first frame needs and writes into /scenarios (shell.html). Both
# without the whitespace between JSON tokens (cmake/stage_scenarios.py).
set(DATA_STAGE "${CMAKE_BINARY_DIR}/data")
set(SCENARIO_PACK "${SITE_DIR}/rapport-scenarios.bin")
set(STAGED_FILES "")
foreach(f ${SCENARIO_FILES})
  get_filename_component(name "${f}" NAME)
  list(APPEND STAGED_FILES "${DATA_STAGE}/cards/${name}")
endforeach()
add_custom_command(OUTPUT ${STAGED_FILES} "${SCENARIO_PACK}" "${DATA_STAGE}/fonts/regular.ttf" "${DATA_STAGE}/fonts/bold.ttf"
  COMMAND ${CMAKE_COMMAND} -E rm -rf "${DATA_STAGE}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${DATA_STAGE}/cards" "${DATA_STAGE}/fonts" "${SITE_DIR}"
  COMMAND "${RAPPORT_PYTHON}" "${CMAKE_SOURCE_DIR}/cmake/stage_scenarios.py" "${DATA_STAGE}/cards" "${SCENARIO_PACK}"
    ${SCENARIO_FILES}
  COMMAND ${CMAKE_COMMAND} -E copy "${RAPPORT_FONTS_DIR}/regular.ttf" "${RAPPORT_FONTS_DIR}/bold.ttf"
    "${DATA_STAGE}/fonts/"
  DEPENDS ${SCENARIO_FILES} "${CMAKE_SOURCE_DIR}/cmake/stage_scenarios.py" "${RAPPORT_FONTS_DIR}/regular.ttf" "${RAPPORT_FONTS_DIR}/bold.ttf"
  COMMENT "Staging fonts, library cards and scenarios")
add_custom_target(rapport_data DEPENDS ${STAGED_FILES})

foreach(app rapport_web rapport_studio_web)
  target_link_libraries(${app} PRIVATE rapport_web_glue)
  set_target_properties(${app} PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${SITE_DIR}")
  add_dependencies(${app} rapport_data)
  # Both carry the same data package; the site keeps one copy, rapport.data (web/package_site.mjs).
  # emmalloc, Emscripten's small allocator: 3.2 KB less compressed wasm than dlmalloc. (It had been
  # taken out when the studio stopped drawing with it: that was a use-after-free in "Back to
  # editor", found and fixed; dlmalloc only hid it.)
  # No -sFULL_ES3: ImGui's OpenGL3 backend draws from buffer objects, not client-side arrays, so the
  # ES3 emulation was 1.2 KB of compressed JS for nothing. INCOMING_MODULE_JS_API: the glue reads
  # only the Module properties shell.html sets (0.2 KB less). WebGL2 has all the backend uses without
  # extensions, and nothing reads glGetError's tracking: 0.5 KB less.
  target_link_options(${app} PRIVATE
    -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sGL_TRACK_ERRORS=0
    -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0
    "-sINCOMING_MODULE_JS_API=[preRun,canvas,instantiateWasm,getPreloadedPackage,print,printErr,onAbort,onRuntimeInitialized,locateFile]"
    -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web -sEXIT_RUNTIME=0 -sMINIFY_HTML=0 -sMALLOC=emmalloc
    -sEXPORTED_FUNCTIONS=_main,_malloc,_free,_rapport_add_scenario,_rapport_scenarios_arrived,_rapport_notice,_rapport_field_input,_rapport_field_submit,_rapport_page_hidden,_rapport_field_swipe,_rapport_import_progress,_rapport_simulate_error,_rapport_simulate_frame_error,_rapport_hits_json
    -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8,FS
    "--preload-file" "${DATA_STAGE}@/" "--pre-js" "${CMAKE_SOURCE_DIR}/web/page.js")
  set_property(TARGET ${app} APPEND PROPERTY LINK_DEPENDS ${STAGED_FILES} "${DATA_STAGE}/fonts/regular.ttf"
    "${CMAKE_SOURCE_DIR}/web/page.js")
endforeach()

# The rest of the site (web/package_site.mjs): gzip copies of rapport.wasm, .data and .js, a version
# from the contents, and index.html (from shell.html), the service worker and the web app manifest
# naming that version; lms.js, the icon and the embedding example are copied beside them.
find_program(RAPPORT_NODE node REQUIRED)
# Mastery threshold and reporting policy of the SCORM packages (cmake below, and the studio's export).
set(RAPPORT_MASTERY_SCORE 70 CACHE STRING "Score (0-100) the SCORM packages ask the LMS to treat as passed")
set(RAPPORT_LMS_POLICY mastery CACHE STRING "How the SCORM packages report a finished session: mastery or completion (web/lms.js)")
set(SITE_INPUTS "${CMAKE_SOURCE_DIR}/shell.html" "${CMAKE_SOURCE_DIR}/web/lms.js" "${CMAKE_SOURCE_DIR}/web/sw.js"
  "${CMAKE_SOURCE_DIR}/web/manifest.webmanifest" "${CMAKE_SOURCE_DIR}/web/icon.svg"
  "${CMAKE_SOURCE_DIR}/web/embed-example.html" "${CMAKE_SOURCE_DIR}/web/package_site.mjs"
  "${CMAKE_SOURCE_DIR}/web/studio_export.js" "${CMAKE_SOURCE_DIR}/web/scorm/imsmanifest-12.xml.in"
  "${CMAKE_SOURCE_DIR}/web/scorm/imsmanifest-2004.xml.in")
add_custom_command(OUTPUT "${SITE_DIR}/index.html" "${SITE_DIR}/sw.js" "${SITE_DIR}/rapport.wasm.gz"
  COMMAND "${RAPPORT_NODE}" "${CMAKE_SOURCE_DIR}/web/package_site.mjs" "${SITE_DIR}" "${CMAKE_SOURCE_DIR}"
    ${RAPPORT_MASTERY_SCORE} ${RAPPORT_LMS_POLICY}
  COMMAND ${CMAKE_COMMAND} -E touch "${SITE_DIR}/index.html" "${SITE_DIR}/sw.js" "${SITE_DIR}/rapport.wasm.gz"
  DEPENDS rapport_web rapport_studio_web ${SITE_INPUTS}
  COMMENT "Compressing and versioning the site")
add_custom_target(rapport_site ALL DEPENDS "${SITE_DIR}/index.html")

# LMS packages: build/web/rapport-scorm12.zip and rapport-scorm2004.zip, each imsmanifest.xml
# (from web/scorm/) at the root with the whole site beside it. Mastery threshold: 70 of 100.
add_custom_target(scorm_packages ALL
  COMMAND ${CMAKE_COMMAND} -DSITE_DIR=${SITE_DIR} -DTEMPLATE=${CMAKE_SOURCE_DIR}/web/scorm/imsmanifest-12.xml.in
    -DSTAGE_DIR=${CMAKE_BINARY_DIR}/scorm12 -DOUTPUT=${CMAKE_BINARY_DIR}/rapport-scorm12.zip
    -DVERSION=${PROJECT_VERSION} -DMASTERY_SCORE=${RAPPORT_MASTERY_SCORE} -DLMS_POLICY=${RAPPORT_LMS_POLICY} -P ${CMAKE_SOURCE_DIR}/web/scorm/package.cmake
  COMMAND ${CMAKE_COMMAND} -DSITE_DIR=${SITE_DIR} -DTEMPLATE=${CMAKE_SOURCE_DIR}/web/scorm/imsmanifest-2004.xml.in
    -DSTAGE_DIR=${CMAKE_BINARY_DIR}/scorm2004 -DOUTPUT=${CMAKE_BINARY_DIR}/rapport-scorm2004.zip
    -DVERSION=${PROJECT_VERSION} -DMASTERY_SCORE=${RAPPORT_MASTERY_SCORE} -DLMS_POLICY=${RAPPORT_LMS_POLICY} -P ${CMAKE_SOURCE_DIR}/web/scorm/package.cmake
  COMMENT "Packaging the site for SCORM 1.2 and 2004"
  VERBATIM)
add_dependencies(scorm_packages rapport_web rapport_site)
