// libFuzzer harness: classify_reply on arbitrary text and client context (split at the first NUL).
// The entry logic is in fuzz_targets.h; ci/fuzz.sh builds seeds and runs it.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rapport::fuzz::fuzz_reply_coder(data, size);
  return 0;
}
