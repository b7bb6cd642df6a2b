#include "answer_in_place.h"

#include "reply_coder.h"
#include "reply_features.h"
#include "reply_text.h"

namespace rapport {
namespace {

/// The kind of request a reply makes that the client answers in place.
enum class InPlace { None, Permission, Scale };

InPlace request_of(std::string_view text, std::string_view client_line) {
  if (text.empty()) return InPlace::None;
  if (asks_for_a_scale(text)) return InPlace::Scale;
  if (classify_reply(text, client_line).asks_permission) return InPlace::Permission;
  return InPlace::None;
}

}  // namespace

bool asks_for_a_scale(std::string_view raw) {
  constexpr std::string_view kScales[] = {"on a scale",   "scale of",      "scale from", "out of ten",
                                          "out of 10",    "0 to 10",       "1 to 10",    "zero to ten",
                                          "one to ten",   "nought to ten", "0 and 10",   "1 and 10",
                                          "zero and ten", "one and ten",   "0-10",       "1-10"};
  constexpr std::string_view kAsks[] = {"how ", "what ", "where ", "would you ", "could you ", "can you ", "if you "};
  std::string lower;
  coder::clean_reply(raw.substr(0, coder::kMaxTextBytes), lower);  // "1–10" with a dash reads "1-10"
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  bool scale = false;
  for (std::string_view s : kScales) scale = scale || lower.find(s) != std::string::npos;
  if (!scale) return false;
  if (lower.find('?') != std::string::npos) return true;
  for (std::string_view a : kAsks)
    if (lower.find(a) != std::string::npos) return true;
  return false;
}

const std::vector<ClientLine>* answer_in_place(const Scenario& scenario, std::string_view text,
                                               std::string_view client_line, std::string_view previous_reply,
                                               std::string_view previous_line) {
  const InPlace kind = request_of(text, client_line);
  if (kind == InPlace::None || request_of(previous_reply, previous_line) == kind) return nullptr;
  const std::vector<ClientLine>& lines = kind == InPlace::Scale ? scenario.client.scale : scenario.client.permission;
  return lines.empty() ? nullptr : &lines;
}

}  // namespace rapport
