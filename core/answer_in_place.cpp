#include "answer_in_place.h"

#include "coaching.h"
#include "reply_coder.h"
#include "reply_features.h"
#include "reply_text.h"

namespace rapport {
namespace {

/// The kind of request a reply makes that the client answers in place.
enum class InPlace { None, Permission, Scale, ScaleWhy };

/// The cleaned reply in lower case ("1–10" with a dash reads "1-10").
std::string lowered(std::string_view raw) {
  std::string clean;
  coder::clean_reply(raw.substr(0, coder::kMaxTextBytes), clean);
  return coder::ascii_lower(clean);
}

constexpr std::string_view kNumberWords[] = {"0",    "1",   "2",     "3",     "4",    "5",   "6",     "7",
                                             "8",    "9",   "10",    "zero",  "one",  "two", "three", "four",
                                             "five", "six", "seven", "eight", "nine", "ten", "nought"};

/// "Why a five and not a two?", "What makes it a six?", "How come it's not lower?".
bool asks_why_that_number(std::string_view text) {
  constexpr std::string_view kWhy[] = {"why", "what makes", "how come", "what puts", "what stops", "what's stopping"};
  constexpr std::string_view kNumber[] = {"0",     "1",     "2",    "3",   "4",      "5",     "6",      "7",    "8",
                                          "9",     "10",    "zero", "one", "two",    "three", "four",   "five", "six",
                                          "seven", "eight", "nine", "ten", "number", "lower", "higher", "score"};
  const std::string lower = lowered(text);
  return !coder::find_phrase(lower, kWhy).empty() && !coder::find_phrase(lower, kNumber).empty();
}

/// A closing sentence that asks leave to lay something out, with or without its '?': reviewer P's
/// "ok so there's two real options and I'd rather you pick than me. can I walk you through them"
/// met a client who recited the options herself. The coder's permission phrases need the '?'.
bool asks_leave_to_explain(std::string_view text) {
  constexpr std::string_view kLeave[] = {"can i walk you through",
                                         "could i walk you through",
                                         "shall i walk you through",
                                         "can i talk you through",
                                         "could i talk you through",
                                         "shall i talk you through",
                                         "can i take you through",
                                         "could i take you through",
                                         "shall i take you through",
                                         "can i run you through",
                                         "could i run you through",
                                         "shall i run you through",
                                         "can i run through them",
                                         "can i go through them",
                                         "could i go through them",
                                         "shall i go through them",
                                         "can i explain",
                                         "could i explain",
                                         "shall i explain"};
  const std::string lower = lowered(text);
  const std::size_t end = lower.find_last_not_of(" ?.!");
  if (end == std::string::npos) return false;
  const std::size_t stop = lower.find_last_of(".!?", end);
  const std::string_view last = std::string_view(lower).substr(stop == std::string::npos ? 0 : stop + 1);
  return !coder::find_phrase(last, kLeave).empty();
}

InPlace request_of(std::string_view text, std::string_view client_line) {
  if (text.empty()) return InPlace::None;
  if (asks_for_a_scale(text)) return InPlace::Scale;
  if (classify_reply(text, client_line).asks_permission || asks_leave_to_explain(text)) return InPlace::Permission;
  return InPlace::None;
}

}  // namespace

bool names_a_number(std::string_view line) { return !coder::find_phrase(lowered(line), kNumberWords).empty(); }

bool InPlaceAnswer::declines(const ClientLine& said) const {
  return scale ? !names_a_number(said.text) : permission && !said.when.empty();
}

bool asks_for_a_scale(std::string_view raw) {
  constexpr std::string_view kScales[] = {"on a scale",   "scale of",      "scale from", "out of ten",
                                          "out of 10",    "0 to 10",       "1 to 10",    "zero to ten",
                                          "one to ten",   "nought to ten", "0 and 10",   "1 and 10",
                                          "zero and ten", "one and ten",   "0-10",       "1-10"};
  constexpr std::string_view kAsks[] = {"how", "what", "where", "would you", "could you", "can you", "if you"};
  const std::string lower = lowered(raw);
  if (coder::find_phrase(lower, kScales).empty()) return false;
  return lower.find('?') != std::string::npos || !coder::find_phrase(lower, kAsks).empty();
}

InPlaceAnswer answer_in_place(const Scenario& scenario, std::string_view text, std::string_view client_line,
                              std::string_view previous_reply, std::string_view previous_line) {
  const InPlace before = request_of(previous_reply, previous_line);
  // Asked straight after the client's number, "why that number?" draws their own reasons; after
  // "I'm not in the mood for scales." there is no number to ask about.
  InPlace kind = before == InPlace::Scale && names_a_number(client_line) && asks_why_that_number(text)
                     ? InPlace::ScaleWhy
                     : request_of(text, client_line);
  if (kind == InPlace::None || kind == before) return {};
  const std::vector<ClientLine>& lines = kind == InPlace::Scale      ? scenario.client.scale
                                         : kind == InPlace::ScaleWhy ? scenario.client.scale_why
                                                                     : scenario.client.permission;
  if (lines.empty()) return {};
  InPlaceAnswer out;
  out.lines = &lines;
  out.permission = kind == InPlace::Permission;
  out.scale = kind == InPlace::Scale;
  out.tip = out.scale ? kScaleTip : kind == InPlace::ScaleWhy ? kScaleWhyTip : kPermissionTip;
  out.declined_tip = out.scale ? kScaleDeclinedTip : kPermissionDeclinedTip;
  return out;
}

}  // namespace rapport
