// libFuzzer harness: render_template on an arbitrary template and data (split at the first NUL).
// Built only when core/followup.h exists (cmake/fuzz.cmake checks); entry logic in fuzz_targets.h.
#include "fuzz_targets.h"

#ifdef RAPPORT_HAVE_FOLLOWUP
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rapport::fuzz::fuzz_followup(data, size);
  return 0;
}
#else
extern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }
#endif
