#include "answer_in_place.h"

#include "coaching.h"
#include "reply_coder.h"
#include "reply_features.h"
#include "reply_text.h"

namespace rapport {
namespace {

/// The kind of request a reply makes that the client answers in place.
enum class InPlace { None, Permission, Scale, ScaleWhy };

std::string lowered(std::string_view raw) {
  std::string lower;
  coder::clean_reply(raw.substr(0, coder::kMaxTextBytes), lower);  // "1–10" with a dash reads "1-10"
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

bool has_any(const std::string& lower, std::initializer_list<std::string_view> parts) {
  for (std::string_view p : parts)
    if (lower.find(p) != std::string::npos) return true;
  return false;
}

/// "Why a five and not a two?", "What makes it a six?", "How come it's not lower?".
bool asks_why_that_number(std::string_view text) {
  const std::string lower = lowered(text);
  if (!has_any(lower, {"why", "what makes", "how come", "what puts", "what stops", "what's stopping"})) return false;
  return has_any(lower, {"0",     "1",    "2",   "3",      "4",     "5",      "6",    "7",   "8",
                         "9",     "zero", "one", "two",    "three", "four",   "five", "six", "seven",
                         "eight", "nine", "ten", "number", "lower", "higher", "score"});
}

InPlace request_of(std::string_view text, std::string_view client_line) {
  if (text.empty()) return InPlace::None;
  if (asks_for_a_scale(text)) return InPlace::Scale;
  if (classify_reply(text, client_line).asks_permission) return InPlace::Permission;
  return InPlace::None;
}

}  // namespace

bool asks_for_a_scale(std::string_view raw) {
  const std::string lower = lowered(raw);
  if (!has_any(lower,
               {"on a scale", "scale of", "scale from", "out of ten", "out of 10", "0 to 10", "1 to 10", "zero to ten",
                "one to ten", "nought to ten", "0 and 10", "1 and 10", "zero and ten", "one and ten", "0-10", "1-10"}))
    return false;
  return lower.find('?') != std::string::npos ||
         has_any(lower, {"how ", "what ", "where ", "would you ", "could you ", "can you ", "if you "});
}

InPlaceAnswer answer_in_place(const Scenario& scenario, std::string_view text, std::string_view client_line,
                              std::string_view previous_reply, std::string_view previous_line) {
  const InPlace before = request_of(previous_reply, previous_line);
  // Asked straight after the client's number, "why that number?" draws their own reasons.
  InPlace kind =
      before == InPlace::Scale && asks_why_that_number(text) ? InPlace::ScaleWhy : request_of(text, client_line);
  if (kind == InPlace::None || kind == before) return {};
  const std::vector<ClientLine>& lines = kind == InPlace::Scale      ? scenario.client.scale
                                         : kind == InPlace::ScaleWhy ? scenario.client.scale_why
                                                                     : scenario.client.permission;
  if (lines.empty()) return {};
  return {&lines, kind == InPlace::Scale ? kScaleTip : kind == InPlace::ScaleWhy ? kScaleWhyTip : kPermissionTip};
}

}  // namespace rapport
