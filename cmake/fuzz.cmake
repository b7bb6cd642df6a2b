# libFuzzer harnesses over the core (included from CMakeLists.txt when RAPPORT_FUZZ=ON; use the
# `fuzz` preset: clang-14, build/fuzz). ci/fuzz.sh builds them, writes seeds and runs them.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "RAPPORT_FUZZ needs clang (libFuzzer): configure with `cmake --preset fuzz`")
endif()

set(RAPPORT_FUZZ_SANITIZERS address,undefined)
# Coverage feedback skips nlohmann/json and libstdc++ (their per-byte compares cost 3x the speed).
set(RAPPORT_FUZZ_IGNORE "-fsanitize-coverage-ignorelist=${CMAKE_SOURCE_DIR}/tests/fuzz/coverage_ignorelist.txt")
# ccache does not hash the list's contents: put its hash on the command line.
file(SHA1 "${CMAKE_SOURCE_DIR}/tests/fuzz/coverage_ignorelist.txt" RAPPORT_FUZZ_IGNORE_SHA)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/fuzz/coverage_ignorelist.txt")
list(APPEND RAPPORT_FUZZ_IGNORE "-DRAPPORT_FUZZ_IGNORELIST_SHA=${RAPPORT_FUZZ_IGNORE_SHA}")
# The core gets coverage instrumentation and the sanitizers; the harnesses link libFuzzer itself.
target_compile_options(rapport_core PRIVATE
  -fsanitize=fuzzer-no-link,${RAPPORT_FUZZ_SANITIZERS} ${RAPPORT_FUZZ_IGNORE} -fno-sanitize-recover=all
  -fno-omit-frame-pointer)

set(RAPPORT_FUZZERS scenario_loader progress reply_coder dialogue_restore)
# core/followup.h (the follow-up template renderer) may not exist yet in every checkout.
if(EXISTS "${CMAKE_SOURCE_DIR}/core/followup.h")
  list(APPEND RAPPORT_FUZZERS followup)
endif()

foreach(name ${RAPPORT_FUZZERS})
  add_executable(${name}_fuzz "${CMAKE_SOURCE_DIR}/tests/fuzz/${name}_fuzz.cpp")
  target_link_libraries(${name}_fuzz PRIVATE rapport_core)
  target_compile_definitions(${name}_fuzz PRIVATE RAPPORT_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  target_compile_options(${name}_fuzz PRIVATE
    -fsanitize=fuzzer,${RAPPORT_FUZZ_SANITIZERS} ${RAPPORT_FUZZ_IGNORE} -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
  target_link_options(${name}_fuzz PRIVATE -fsanitize=fuzzer,${RAPPORT_FUZZ_SANITIZERS})
endforeach()

# The seed writer is an ordinary program over the same (instrumented) core.
add_executable(make_seeds "${CMAKE_SOURCE_DIR}/tests/fuzz/make_seeds.cpp")
target_link_libraries(make_seeds PRIVATE rapport_core)
target_compile_options(make_seeds PRIVATE -fsanitize=${RAPPORT_FUZZ_SANITIZERS})
target_link_options(make_seeds PRIVATE -fsanitize=${RAPPORT_FUZZ_SANITIZERS})

# ci/fuzz.sh reads this list to know which fuzzers exist in this build.
file(WRITE "${CMAKE_BINARY_DIR}/fuzzers.txt" "")
foreach(name ${RAPPORT_FUZZERS})
  file(APPEND "${CMAKE_BINARY_DIR}/fuzzers.txt" "${name}\n")
endforeach()
