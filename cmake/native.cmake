# Native targets: the rapport command-line tool, GoogleTest tests and Google Benchmark benches.
find_package(GTest REQUIRED)
find_package(benchmark REQUIRED)
find_package(Threads REQUIRED)

file(GLOB CLI_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/cli/*.cpp")
add_executable(rapport ${CLI_SOURCES})
target_link_libraries(rapport PRIVATE rapport_core)
target_compile_options(rapport PRIVATE -Wall -Wextra)

enable_testing()
file(GLOB TEST_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/core/*.cpp" "${CMAKE_SOURCE_DIR}/tests/ui/*.cpp")
add_executable(rapport_tests ${TEST_SOURCES})
target_link_libraries(rapport_tests PRIVATE rapport_ui GTest::gtest GTest::gtest_main GTest::gmock Threads::Threads)
target_compile_definitions(rapport_tests PRIVATE
  RAPPORT_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
  RAPPORT_FONT_REGULAR="${RAPPORT_FONTS_DIR}/regular.ttf"
  RAPPORT_FONT_BOLD="${RAPPORT_FONTS_DIR}/bold.ttf"
  RAPPORT_CLI="$<TARGET_FILE:rapport>")
add_dependencies(rapport_tests rapport rapport_fonts train_coder)  # the coder test retrains
include(GoogleTest)
gtest_discover_tests(rapport_tests DISCOVERY_TIMEOUT 60 WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")

file(GLOB BENCH_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/bench/*.cpp")
if(BENCH_SOURCES AND NOT RAPPORT_SANITIZE)  # benchmarks mean nothing under the sanitizers
  add_executable(rapport_bench ${BENCH_SOURCES})
  target_link_libraries(rapport_bench PRIVATE rapport_core benchmark::benchmark benchmark::benchmark_main)
  target_compile_definitions(rapport_bench PRIVATE RAPPORT_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
endif()

# Offline tools that produce committed data (e.g. the reply coder's weights).
file(GLOB TOOL_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tools/*.cpp")
foreach(src ${TOOL_SOURCES})
  get_filename_component(name "${src}" NAME_WE)
  add_executable(${name} "${src}")
  target_link_libraries(${name} PRIVATE rapport_core)
  target_compile_definitions(${name} PRIVATE RAPPORT_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  # Under the sanitizers the coder test runs the trainer: at -O0 (then twice) it alone took 113 s
  # of the 162 s the ASan tests took; its one file at -O2 (still instrumented) is quick to build.
  if(RAPPORT_SANITIZE)
    target_compile_options(${name} PRIVATE -O2)
  endif()
endforeach()
