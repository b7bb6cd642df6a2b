// libFuzzer harness: load_scenario on arbitrary bytes, then lint_scenario when it loads.
// The entry logic is in fuzz_targets.h; ci/fuzz.sh builds seeds and runs it.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rapport::fuzz::fuzz_scenario_loader(data, size);
  return 0;
}
