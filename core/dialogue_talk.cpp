// What the client's lines were, in MI terms: change and sustain talk after the learner's replies,
// and the replies that were not MI-adherent (split from dialogue.cpp).
#include <algorithm>

#include "dialogue.h"

namespace rapport {

Talk Dialogue::talk_of(const std::string& node, const std::string& shown) const {
  const ClientLine* line = line_said(node, shown);
  return line ? line->talk : Talk::Neutral;
}

namespace {
template <typename Count>
int count_after_replies(const std::vector<Turn>& turns, Phase phase, const std::string& node, const std::string& line,
                        Count is) {
  int n = 0;
  for (size_t i = 1; i < turns.size(); ++i) n += is(turns[i].node, turns[i].client_line);
  if (!turns.empty() && phase == Phase::Conversation) n += is(node, line);
  return n;
}
}  // namespace

int Dialogue::change_talk_evoked() const {
  return count_after_replies(turns_, phase_, node_, client_line_,
                             [&](const std::string& n, const std::string& l) { return talk_of(n, l) == Talk::Change; });
}

int Dialogue::sustain_talk_heard() const {
  return count_after_replies(turns_, phase_, node_, client_line_, [&](const std::string& n, const std::string& l) {
    return talk_of(n, l) == Talk::Sustain;
  });
}

int Dialogue::mi_inconsistent_replies() const {
  return static_cast<int>(
      std::count_if(turns_.begin(), turns_.end(), [](const Turn& t) { return is_mi_non_adherent(t.code); }));
}

}  // namespace rapport
