// Small helpers shared by the reply coder's tests: a reply's code, whether a cue mentions a
// phrase, and a one-line description for failure messages.
#pragma once

#include <string>
#include <string_view>

#include "reply_coder.h"

namespace rapport::testing {

inline MiCode code_of(std::string_view text, std::string_view context = "") {
  return classify_reply(text, context).code;
}

inline bool has_cue(const CodedReply& r, std::string_view needle) {
  for (const auto& c : r.cues)
    if (c.find(needle) != std::string::npos) return true;
  return false;
}

inline std::string describe(const CodedReply& r) {
  std::string s = std::string(code_id(r.code)) + " [";
  for (const auto& c : r.cues) s += c + "; ";
  return s + "]";
}

}  // namespace rapport::testing
