// libFuzzer harness: Dialogue::restore of arbitrary JSON for questioned-advice, then play to an ending.
// The entry logic is in fuzz_targets.h; ci/fuzz.sh builds seeds and runs it.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rapport::fuzz::fuzz_dialogue_restore(data, size);
  return 0;
}
