// The coaching tips per MI code.
#include "coaching.h"

#include "followup_detail.h"
#include "reply_coder.h"
#include "reply_text.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

namespace rapport {

std::string_view coaching_tip(MiCode code) {
  switch (code) {
    case MiCode::OpenQuestion:
      return "Good: an open question lets the client say what matters to them. Follow it with a reflection.";
    case MiCode::ClosedQuestion:
      return "Closed questions get facts. To hear the concern behind them, ask one that needs more than a word: 'What "
             "worries you most about it?'";
    case MiCode::SimpleReflection:
      return "You showed you heard. Next time add the feeling or meaning behind their words.";
    case MiCode::ComplexReflection: return "Strong: you named what was under the words. This builds trust fastest.";
    case MiCode::Affirm: return "Recognising the client's effort or values keeps them engaged. Keep it specific.";
    case MiCode::EmphasizeAutonomy: return "Putting the choice with the client lowers resistance.";
    case MiCode::SeekCollaboration: return "Inviting their ideas makes the plan theirs.";
    case MiCode::GivingInformation:
      return "Information lands better after you ask what they already know or want to hear.";
    case MiCode::Persuade:
      return "Advice without permission invites push-back. Ask first: 'Would it help if I shared an idea?'";
    case MiCode::PersuadeWithPermission:
      return "Advice they asked for or agreed to hear. Keep it short, and leave the choice with them.";
    case MiCode::Confront:
      return "Arguing or blaming hardens the client's position. Reflect their view before offering yours.";
    case MiCode::Other: return "Say more: a question or a reflection moves the conversation forward.";
  }
  return "";
}

}  // namespace rapport

namespace rapport {

std::string_view code_intent(MiCode code) {
  switch (code) {
    case MiCode::OpenQuestion: return "Asking them to tell you more";
    case MiCode::ClosedQuestion: return "Asking for a fact or a yes or no";
    case MiCode::SimpleReflection: return "Reflecting what they said";
    case MiCode::ComplexReflection: return "Reflecting what they meant or felt";
    case MiCode::Affirm: return "Recognising their effort or strength";
    case MiCode::EmphasizeAutonomy: return "Leaving the choice with them";
    case MiCode::SeekCollaboration: return "Asking permission or inviting their ideas";
    case MiCode::GivingInformation: return "Giving information";
    case MiCode::Persuade: return "Advising or persuading them";
    case MiCode::PersuadeWithPermission: return "Advising, with their permission";
    case MiCode::Confront: return "Challenging them";
    case MiCode::Other: return "Acknowledging or small talk";
  }
  return "";
}

std::string self_coded_tip(MiCode heard, bool counts) {
  const auto lower = [](std::string_view intent) {
    std::string out(intent);
    if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
  };
  // Reviewer M read "The client heard X in your words, and answered that" as coded one way and
  // answered another, unexplained.
  // Reviewer P could not tell which of the two counted: the scores take the learner's.
  if (!counts)
    return "Noted as you meant it. Your words read as " + lower(code_intent(heard)) +
           ", and your scores count them so, as the client took them: to reflect, say back what they feel or mean "
           "(\"You're...\", \"So you...\").";
  return "Your scores count it as you meant it. Your words could also be heard as " + lower(code_intent(heard)) +
         ", and that is how the client took them.";
}

std::string prep_trust_note(const Effects& effects, std::string_view client) {
  const auto value = [&](const char* name) {
    const auto it = effects.find(name);
    return it == effects.end() ? 0 : it->second;
  };
  std::string out;
  if (const int trust = value("trust"); trust != 0)
    out = std::string("Trust ") + (trust > 0 ? "+" : "\xE2\x88\x92") + std::to_string(std::abs(trust)) + ".";
  const std::string who = followup_detail::first_name(client);
  const auto add = [&](const char* what) { out += (out.empty() ? "" : " ") + who + " starts " + what + "."; };
  if (const int tension = value("tension"); tension != 0) add(tension > 0 ? "more on edge" : "calmer");
  if (const int openness = value("openness"); openness != 0) add(openness > 0 ? "readier to open up" : "more guarded");
  return out;
}

std::string prep_trust_summary(int before, int after) {
  if (before == after) return {};
  return "Trust starts at " + std::to_string(after) + " after your preparation (" + std::to_string(before) +
         " without it).";
}

bool should_ask_which(MiCode top, float confidence, MiCode runner_up, bool coaching) {
  return coaching && confidence < kAskWhichBelow && runner_up != top &&
         reaction_class(runner_up) != reaction_class(top) && !is_mi_non_adherent(top) && !is_mi_non_adherent(runner_up);
}

}  // namespace rapport

namespace rapport {

std::vector<MiCode> which_options(MiCode top, MiCode runner_up, std::string_view text, MiCode reflection) {
  std::vector<MiCode> out = {top, runner_up};
  const bool reflects = code_class(top) == MiClass::Reflection || code_class(runner_up) == MiClass::Reflection;
  if (!reflects && text.find('?') == std::string_view::npos)
    out.push_back(code_class(reflection) == MiClass::Reflection ? reflection : MiCode::ComplexReflection);
  return out;
}

std::optional<MiCode> lead_reflection(std::string_view reply, std::string_view client_line) {
  reply = reply.substr(0, 4096);
  const std::size_t end = reply.find_last_not_of(" \t\r\n.!?\"')");
  if (end == std::string_view::npos) return std::nullopt;
  // The last question's sentence, or without a '?' the last sentence ("ok so fixing the routing is
  // the heart of it for you. how would you set it up"): what comes before it is the lead.
  const std::size_t q = reply.rfind('?');
  const std::size_t from = q == std::string_view::npos || q == 0 ? end : q - 1;
  const std::size_t lead_end = reply.find_last_of(".!?", from);
  if (lead_end == std::string_view::npos || lead_end == 0) return std::nullopt;
  // Four words or more, read as a reflection at 0.45 or more: in 40 labelled question turns
  // shorter leads ("Four, okay.", "Okay, Kwame.", "Mostly.") and the coder's unsure readings were
  // mostly acknowledgements and structuring, not reflections.
  const std::string_view lead = reply.substr(0, lead_end + 1);
  if (word_count(lead) < 4) return std::nullopt;
  const CodedReply read = classify_reply(lead, client_line);
  return code_class(read.code) == MiClass::Reflection && read.confidence >= 0.45f ? std::optional<MiCode>(read.code)
                                                                                  : std::nullopt;
}

bool names_a_feeling(std::string_view reply, std::string_view client_line) {
  const CodedReply read = classify_reply(reply, client_line);
  return std::any_of(read.cues.begin(), read.cues.end(),
                     [](const std::string& cue) { return cue.starts_with("names a feeling"); });
}

std::string_view plan_tip(std::string_view plan) { return ends_on_a_question(plan) ? kCheckedPlanTip : kPlanTip; }

bool ends_on_a_question(std::string_view line) {
  const std::size_t end = line.find_last_not_of(" \t\r\n\"')\xE2\x80\x9D");
  return end != std::string_view::npos && line[end] == '?';
}

bool asks_yes_or_no(std::string_view line) {
  const std::string lower = coder::ascii_lower(line.substr(0, 4096));
  constexpr std::string_view kAuxiliaries[] = {"is ",  "are ",  "was ", "were ", "do ",    "does ",  "did ",
                                               "can ", "will ", "has ", "have ", "could ", "would ", "should "};
  for (std::size_t q = lower.find('?'); q != std::string::npos; q = lower.find('?', q + 1)) {
    std::size_t start = q == 0 ? std::string::npos : lower.find_last_of(".?!", q - 1);
    start = lower.find_first_not_of(" \t\r\n\"'", start == std::string::npos ? 0 : start + 1);
    for (std::string_view aux : kAuxiliaries)
      if (start != std::string::npos && start < q && lower.compare(start, aux.size(), aux) == 0) return true;
  }
  return false;
}

bool asks_to_be_told(std::string_view line) {
  // A yes-or-no question before a closing remark asks too: Ama's "So. Is it the Lottery? I've checked
  // my email every hour since Monday." (reviewer P's plain answer was told to ask first).
  if (ends_on_a_question(line) || asks_yes_or_no(line)) return true;
  constexpr std::string_view kAsks[] = {"tell me",        "walk me through", "talk me through", "explain",
                                        "i want to know", "i need to know",  "give it to me",   "show me"};
  return !coder::find_phrase(coder::ascii_lower(line.substr(0, 4096)), kAsks).empty();
}

bool asks_for_the_plan(std::string_view line) {
  constexpr std::string_view kAsks[] = {
      "what happens tonight", "what happens now", "what happens next", "what happens then", "so what happens",
      "what are you going to do", "what are you gonna do", "what will you do", "what do you plan to do",
      "what's the plan", "what is the plan", "what are you doing about", "what's going to happen",
      "what is going to happen", "what now", "so what now", "what do i do tonight", "what do we do now",
      // Ama's "...Then September, with Marjorie's notebooks typed up.
      // Can you help with that bit?" (reviewer P's yes cost 3).
      "can you help with", "could you help with", "can you help me with", "will you help with", "would you help with"};
  return !coder::find_phrase(coder::ascii_lower(line.substr(0, 4096)), kAsks).empty();
}

namespace {

/// The reply lower-cased, from its first word after an opening "so", "and", "but", "okay" or "ok".
std::string opening(std::string_view reply) {
  const std::string lower = coder::ascii_lower(reply.substr(0, 256));
  size_t at = lower.find_first_not_of(" \t\n");
  if (at == std::string::npos) return {};
  for (std::string_view lead : {"so, ", "so ", "and ", "but ", "okay, ", "ok, ", "right, "})
    if (lower.compare(at, lead.size(), lead) == 0) {
      at += lead.size();
      break;
    }
  return lower.substr(at);
}

}  // namespace

bool self_code_counts(MiCode chosen, const CodedReply& read, std::string_view reply) {
  if (chosen == read.code || chosen == read.runner_up) return true;
  if (code_class(chosen) != MiClass::Reflection || reply.find('?') != std::string_view::npos) return false;
  const std::size_t first = reply.find_first_not_of(" \t\r\n\"'");
  if (first == std::string_view::npos) return false;
  const std::string opened = opening(reply.substr(first));
  std::string_view start = opened;
  for (std::string_view lead : {"it sounds like ", "sounds like ", "it seems like ", "it seems ", "it feels like ",
                                "it's like ", "so ", "so, "})
    if (start.starts_with(lead)) {
      start.remove_prefix(lead.size());
      break;
    }
  constexpr std::string_view kAdvice[] = {"you should",   "you need to",    "you must",       "you ought",
                                          "you'd better", "you had better", "you'll have to", "you will have to"};
  if (!coder::find_phrase(coder::ascii_lower(reply.substr(0, 4096)), kAdvice).empty()) return false;
  constexpr std::string_view kAboutThem[] = {"you ", "you're ", "youre ", "you've ", "you'd ", "your "};
  return std::any_of(std::begin(kAboutThem), std::end(kAboutThem),
                     [&](std::string_view w) { return start.starts_with(w); });
}

bool asks_why(std::string_view reply) { return opening(reply).starts_with("why "); }

bool warns(std::string_view reply) {
  constexpr std::string_view kWarnings[] = {"if you don't",    "if you do not",        "you could end up",
                                            "you'll end up",   "you will end up",      "you might end up",
                                            "or else",         "before it's too late", "you'll regret",
                                            "you will regret", "you'll lose",          "you could lose"};
  return !coder::find_phrase(coder::ascii_lower(reply.substr(0, 4096)), kWarnings).empty();
}

bool offers_next_step(std::string_view reply) {
  const std::string start = opening(reply);
  for (std::string_view offer :
       {"shall i ", "shall we ", "how about i ", "how about we ", "what if i ", "what if we ", "why don't i ",
        "why don't we ", "would you like me to ", "would you like us to ", "do you want me to ", "do you want us to ",
        "would it help if i ", "would it help if we "})
    if (start.starts_with(offer)) return true;
  // "Could we meet at the flat on Tuesday at 3...?" was coached as fact-finding while "Shall I..."
  // was coached as an offer (reviewer O). A modal with "I" or "we" offers, unless what follows asks
  // for something ("Can I ask...", "Could I take your reference number?").
  for (std::string_view modal : {"could we ", "can we ", "should we ", "could i ", "can i ", "may i "}) {
    if (!start.starts_with(modal)) continue;
    const std::string_view rest = std::string_view(start).substr(modal.size());
    const std::string_view verb = rest.substr(0, rest.find_first_of(" ,?."));
    for (std::string_view asks : {"ask", "check", "take", "get", "have", "just", "clarify", "confirm", "see", "know",
                                  "understand", "interrupt", "say", "be", "stop", "pause", "start"})
      if (verb == asks) return false;
    return !verb.empty();
  }
  return false;
}

OfferAnswer answer_to_offer(std::string_view line) {
  using followup_detail::split_words;
  const std::vector<followup_detail::Word> w = split_words(line.substr(0, 400));
  const size_t n = std::min<size_t>(w.size(), 12);
  // Words are letters and digits: "don't" is "don" "t", "I'd rather" is "i" "d" "rather".
  constexpr std::string_view kNo[] = {"no", "not", "don", "nah", "rather", "never", "won"};
  for (size_t i = 0; i < std::min<size_t>(n, 2); ++i)
    for (std::string_view no : kNo)
      if (w[i].text == no) return OfferAnswer::No;
  if (n > 2 && w[0].text == "i" && (w[2].text == "rather" || w[2].text == "prefer")) return OfferAnswer::No;
  constexpr std::string_view kYes[] = {"yes",    "yeah",   "yep",   "yup",     "sure",      "okay", "ok",
                                       "fine",   "please", "great", "perfect", "alright",   "deal", "lovely",
                                       "thanks", "cheers", "works", "suits",   "brilliant", "aye"};
  for (size_t i = 0; i < n; ++i) {
    if (i + 1 < n &&
        ((w[i].text == "go" && (w[i + 1].text == "on" || w[i + 1].text == "ahead")) ||
         (w[i].text == "do" && w[i + 1].text == "that") || (w[i].text == "all" && w[i + 1].text == "right")))
      return OfferAnswer::Yes;
    for (std::string_view yes : kYes)
      if (w[i].text == yes) return OfferAnswer::Yes;
  }
  return OfferAnswer::Neither;
}

bool heard_as_advice(bool typed, MiCode code, std::string_view reply, std::string_view client_line) {
  return typed && code_class(code) == MiClass::Question && !is_rambling(reply) && suggests_a_fix(reply, client_line);
}

std::string code_chip_text(MiCode code, bool self_coded, bool monologue, bool advice, bool reflection_first) {
  return (monologue ? "too long \xC2\xB7 " : "") + std::string(reflection_first ? "reflection, then " : "") +
         std::string(code_label(code)) + (advice ? " \xC2\xB7 heard as advice" : "") +
         (self_coded ? " (your choice)" : "");
}

int word_count(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool is_rambling(std::string_view text) { return word_count(text) > kRamblingWords; }

}  // namespace rapport
