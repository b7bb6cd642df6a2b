// Conversation pacing; see pacing.h.
#include "pacing.h"

#include <algorithm>

namespace rapport {

float typing_seconds(std::string_view line) {
  if (line.empty()) return 0.0f;
  size_t chars = 0;
  for (unsigned char c : line) chars += (c & 0xC0) != 0x80;  // count lead bytes only
  return std::clamp(kTypingMinSeconds + static_cast<float>(chars) / 120.0f, kTypingMinSeconds, kTypingMaxSeconds);
}

}  // namespace rapport
