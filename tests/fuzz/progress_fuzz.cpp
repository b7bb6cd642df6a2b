// libFuzzer harness: progress_from_json_text and a ProgressBook load / add session / save / reload.
// The entry logic is in fuzz_targets.h; ci/fuzz.sh builds seeds and runs it.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rapport::fuzz::fuzz_progress(data, size);
  return 0;
}
