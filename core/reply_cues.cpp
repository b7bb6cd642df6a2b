// The cues shown to the learner for a coded reply (reply_cues.h).
#include "reply_cues.h"

#include "reply_text.h"

#include <algorithm>
#include <array>

namespace rapport {
namespace coder {
namespace detail {

static std::string lower_span(std::string_view text, int begin, int len) {
  std::string s(text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(len)));
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  return s;
}

std::string in_quotes(std::string_view s) { return "'" + std::string(s) + "'"; }

/// Whether hand feature `j` is a reason a trainer would give for `code`. A feature can lift a code
/// the model learnt it from without describing it: "restates the client's 'letters'" is no reason
/// for sarcasm, nor "greeting" for a question.
static bool cue_fits(int j, MiCode code) {
  const MiClass cls = code_class(code);
  const bool reflection = cls == MiClass::Reflection, information = cls == MiClass::Information;
  switch (j) {
    case kOverlapShare:
    case kOverlapCount:
    case kBigramEcho:
    case kPronounShift:
    case kReflectedObligation:
    case kSoundsLikeAdvice: return reflection || (j == kSoundsLikeAdvice && code == MiCode::Persuade);
    case kContextIsQuestion:
    case kAdviceAfterRequest:
    case kAdviceWithChoice:
    case kHasNumber: return information;
    default: break;
  }
  if (j < kGroupBase) return true;
  switch (static_cast<PhraseGroup>(j - kGroupBase)) {
    case kRestate:
    case kSoundsLike:
    case kDoubleSided: return reflection;
    case kFeeling:
    case kEmotion: return reflection || code == MiCode::Affirm || code == MiCode::OpenQuestion;
    case kPermission: return code == MiCode::SeekCollaboration || code == MiCode::PersuadeWithPermission;
    case kCollaborate: return code == MiCode::SeekCollaboration || cls == MiClass::Question;
    case kAdvise: return information;
    case kOfferWithChoice: return code == MiCode::PersuadeWithPermission || code == MiCode::EmphasizeAutonomy;
    case kAutonomy: return code == MiCode::EmphasizeAutonomy || code == MiCode::PersuadeWithPermission;
    case kAffirm: return code == MiCode::Affirm;
    case kConfront: return code == MiCode::Confront;
    case kInform: return information;
    case kHousekeeping: return code == MiCode::Other;
    case kInviteElaboration: return code == MiCode::OpenQuestion;
    case kClosedAsk: return code == MiCode::ClosedQuestion;
    default: return true;
  }
}

/// The cue for hand feature `j` when it pushed the reply towards `code`; empty when none fits.
static std::string cue_for(int j, MiCode code, const ReplyFeatures& f, std::string_view text) {
  if (!cue_fits(j, code)) return "";
  const auto phrase = [&](PhraseGroup g) { return in_quotes(phrase_text(f.hits[g].phrase)); };
  const std::string first = in_quotes(lower_span(text, f.first_word_begin, f.first_word_len));
  // The features read the main sentence (reply_coder.h): "starts with 'what'" misquoted a reply
  // that opens "You've..." and asks "What...?" after it.
  const std::string starts = f.words_before_main > 0 ? "its main sentence starts with " : "starts with ";
  switch (j) {
    case kMainEndsWithQuestionMark:
      return f.words_before_main > 0 ? "its main sentence ends with '?'" : "ends with '?'";
    case kStartsOpenWh:
    case kStartsClosedWh:
    case kStartsAuxiliary: return starts + first;
    // On a reflection, what the opening does: a reviewer read "Heard: starts with 'so'" as a surface
    // feature, not a reason.
    // Not on other codes: reviewer P's question "um, so, before I throw numbers at you, what would
    // the partners need...?" was "Heard: its main sentence starts with 'so'", which says nothing.
    case kStartsYou:
    case kStartsSo: {
      if (code_class(code) != MiClass::Reflection) return j == kStartsSo ? "" : starts + first;
      const std::string main = f.words_before_main > 0 ? "its main sentence " : "";
      return main + (j == kStartsSo ? "sums up what the client said (opens with " : "puts it back to the client (") +
             first + ")";
    }
    case kAuxiliaryNoQuestionMark: return starts + first + " (no '?')";
    case kOrInQuestion: return "offers a choice ('or')";
    case kOverlapShare:
    case kOverlapCount:
      if (f.overlap_word_len == 0) return "";
      return "restates the client's " + in_quotes(lower_span(text, f.overlap_word_begin, f.overlap_word_len));
    case kBigramEcho: return "echoes the client's words";
    case kContextIsQuestion: return f.context_ends_asking ? "answers the client's question" : "";
    case kPronounShift: return "turns the client's 'I' into 'you'";
    case kAdviceAfterRequest: return "advice the client asked for";
    case kAdviceWithChoice: return "advice offered with a choice";
    case kSoundsLikeAdvice: return "'sounds like' wrapped around advice";
    case kReflectedObligation: return "reflects what the client feels they should do";
    case kCheckInTag:
      return f.check_in_phrase >= 0 ? "ends with a check-in (" + in_quotes(phrase_text(f.check_in_phrase)) + ")" : "";
    case kLength1To3: return "very short";
    case kLength21Plus: return "a long turn, read as a whole";
    case kHasNumber: return "gives numbers, dates or times";
    case kBackchannelOnly: return "backchannel only";
    default: break;
  }
  if (j < kGroupBase) return "";
  const auto g = static_cast<PhraseGroup>(j - kGroupBase);
  switch (g) {
    case kRestate: return phrase(g) + " restates";
    case kSoundsLike: return phrase(g) + " offers a guess at meaning";
    case kFeeling: return "names a feeling or want (" + phrase(g) + ")";
    case kDoubleSided: {
      // "Part of you feels pushed into this" names one side: double-sided only with the other.
      if (phrase_text(f.hits[g].phrase) != "part of you") return "double-sided (" + phrase(g) + ")";
      constexpr std::string_view kOtherSide[] = {
          " but ", "and yet", "other part", "on the other", "at the same time", " while ", "another part"};
      const std::string lower = ascii_lower(text);
      const bool two = std::any_of(std::begin(kOtherSide), std::end(kOtherSide),
                                   [&](std::string_view o) { return lower.find(o) != std::string::npos; });
      return two ? "double-sided (" + phrase(g) + ")" : "names part of what they feel (" + phrase(g) + ")";
    }
    case kPermission: return "asks permission (" + phrase(g) + ")";
    case kCollaborate: return "invites the client's ideas (" + phrase(g) + ")";
    case kAdvise: return code == MiCode::Persuade ? phrase(g) + " without asking" : "advice (" + phrase(g) + ")";
    case kOfferWithChoice: return "offers with a choice (" + phrase(g) + ")";
    case kAutonomy: return "leaves the choice with the client (" + phrase(g) + ")";
    case kAffirm: return "recognises effort or strength (" + phrase(g) + ")";
    case kConfront: return "challenges the client (" + phrase(g) + ")";
    case kInform: return "gives facts (" + phrase(g) + ")";
    case kHousekeeping: {
      // "I'm sorry, that was my fault" is an apology, not small talk (a reviewer's reply).
      const std::string_view said = phrase_text(f.hits[g].phrase);
      if (said == "sorry" || said == "excuse me") return "an apology (" + phrase(g) + ")";
      return "greeting or housekeeping (" + phrase(g) + ")";
    }
    case kInviteElaboration: return "invites the client to say more (" + phrase(g) + ")";
    case kClosedAsk: return "asks for a fact (" + phrase(g) + ")";
    case kEmotion: return "names a feeling (" + phrase(g) + ")";
    default: return "";
  }
}

/// Up to three cues: the hand features that most favoured `code` over the average code.
std::vector<std::string> model_cues(const CoderWeights& w, const ReplyFeatures& f, MiCode code, std::string_view text) {
  const int k = static_cast<int>(code);
  std::array<std::pair<float, int>, kHandFeatureCount> ranked{};
  int count = 0;
  for (int j = 1; j < kHandFeatureCount; ++j) {
    const float x = f.hand[j];
    if (x == 0.f) continue;
    float mean = 0.f;
    for (int m = 0; m < kMiCodeCount; ++m) mean += w.hand[j * kMiCodeCount + m];
    mean /= kMiCodeCount;
    const float lift = x * (w.hand[j * kMiCodeCount + k] - mean) * w.hand_scale;
    if (lift > 0.05f) ranked[count++] = {-lift, j};
  }
  std::sort(ranked.begin(), ranked.begin() + count);
  std::vector<std::string> cues;
  // One cue of each kind: "starts with 'are'" and "starts with 'are' (no '?')" say the same.
  const auto kind = [](const std::string& cue) {
    for (std::string_view k :
         {"starts with ", "its main sentence starts with ", "names a feeling", "restates", "advice"})
      if (cue.compare(0, k.size(), k) == 0) return std::string(k);
    return cue;
  };
  // Surface cues (length, a number, the '?') come after any cue about what the reply does: a
  // reviewer's plan "tomorrow at 10" was "Heard: mentions figures", a summary "Heard: long turn".
  const auto surface = [](int j) {
    return j == kLength1To3 || j == kLength21Plus || j == kHasNumber || j == kMainEndsWithQuestionMark;
  };
  for (bool pass_surface : {false, true}) {
    for (int i = 0; i < count && cues.size() < 3; ++i) {
      if (surface(ranked[i].second) != pass_surface) continue;
      std::string cue = cue_for(ranked[i].second, code, f, text);
      if (cue.empty()) continue;
      if (std::none_of(cues.begin(), cues.end(), [&](const std::string& c) { return kind(c) == kind(cue); }))
        cues.push_back(std::move(cue));
    }
  }
  if (cues.empty()) cues.push_back("the reply as a whole (no single phrase decided it)");
  return cues;
}

}  // namespace detail
}  // namespace coder
}  // namespace rapport
