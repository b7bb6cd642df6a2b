// One-line coaching for each MI code: what the reply did and what to try, shown after typed
// replies and in the debrief.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "mi_codes.h"
#include "reply_coder.h"
#include "scenario.h"

namespace rapport {

/// A short, practical tip for a reply of this code (praise for MI-consistent codes, a concrete
/// alternative for the others).
std::string_view coaching_tip(MiCode code);

}  // namespace rapport

namespace rapport {

/// What a learner was doing with a reply of this code, in plain words for a choice button
/// ("Reflecting what they said").
std::string_view code_intent(MiCode code);

/// The coach's line for a reply the learner self-coded when its words read as `heard` (another
/// reaction class than the code they chose): the code is theirs, the client answered the words.
/// The turn's cue already says what they meant ("you said you meant: ..."). `counts`: whether the
/// figures take the learner's code (self_code_counts()); the line says which one they take.
std::string self_coded_tip(MiCode heard, bool counts = true);

/// Whether a learner's answer to "Which did you mean?" is the code the figures count. One of the
/// coder's two likeliest readings (`read`) always is. A reflection offered besides them counts
/// when the words are shaped as one: a statement about the client ("You are terrified for him,
/// and exhausted...", "So you..."), not a question, not "you should". A stock apology, self-coded
/// a reflection, had made "Complex reflections 100%"; reviewer V's "You are terrified for him..."
/// read as an affirmation and counted as one, after "Your scores count it as you meant it".
bool self_code_counts(MiCode chosen, const CodedReply& read, std::string_view reply);

/// Below this confidence the coder's top code is right less often than not on held-out data
/// (core/README-coder.md), so with coaching on the learner is asked which they meant.
inline constexpr float kAskWhichBelow = 0.5f;

/// What a preparation choice did to the client's trust, for its feedback: "Trust +5." or
/// "Trust \u22125.", then what it did to their tension and openness, which the learner sees nowhere
/// else ("Daniel starts more on edge."; reviewer N's suspicious choice had said nothing, and trust
/// started where a flawless preparation's did); "" when it left all three alone. `client` is the
/// client's name ("Daniel Reyes" -> "Daniel", "Dr Patel" kept whole).
std::string prep_trust_note(const Effects& effects, std::string_view client = "The client");

/// At the conversation's start, when the preparation moved trust: "Trust starts at 25 after your
/// preparation (30 without it)."; otherwise "". The learner otherwise met a different starting
/// trust in each scenario with no reason given.
std::string prep_trust_summary(int before, int after);

/// True when the learner should be asked which of the two likeliest codes they meant: coaching
/// is on, the coder is unsure and the two codes mean different things to the client. Never when
/// either is advice without permission or a confrontation: whether a reply pushed is what the
/// coach assesses, not a wording the learner may settle (a reviewer answered "reflecting" for "You
/// should cut the scope..." and gained trust); the coder's top code stands, as with coaching off.
bool should_ask_which(MiCode top, float confidence, MiCode runner_up, bool coaching);

/// The codes "Which did you mean?" offers for a typed reply: the two likeliest, and reflecting what
/// they meant or felt as a third when neither of them reflects and the reply asks nothing (no
/// '?'). A reviewer's reflection ("You have raised things twice now and felt brushed off each
/// time") was offered only "recognising their effort" or "giving information", so the learner who
/// reflected could not say so. The client still answers the words (Dialogue::submit_typed).
/// `reflection` is the kind offered then (CodedReply::reflection: the coder's likelier of simple
/// and complex for these words).
std::vector<MiCode> which_options(MiCode top, MiCode runner_up, std::string_view text,
                                  MiCode reflection = MiCode::ComplexReflection);

}  // namespace rapport

namespace rapport {

/// Typed replies longer than this many words are a monologue: the client loses the thread.
inline constexpr int kRamblingWords = 80;
inline constexpr std::string_view kRamblingTip =
    "That was over 80 words: the client lost the thread. Say one thing, then let them answer.";

/// After a question that suggests a fix the client did not ask for (suggests_a_fix()).
inline constexpr std::string_view kSuggestedFixTip =
    "A question that suggests a fix (\"Have you tried...?\") is advice they did not ask for, and they hear "
    "it that way. Ask what they have tried, or what they think would help.";

/// After information that answers the question the client's line ended on: the generic advice to
/// ask first ("Information lands better after you ask...") did not fit a straight answer to a
/// straight question (a reviewer met it after the bad news a scenario asks for).
inline constexpr std::string_view kAnsweredTip =
    "A straight answer to the question they asked. Keep it short, then check how it lands before you add more.";

/// After a typed closed question that offers the next step ("Shall I send you the revised plan by
/// Thursday?"): a reviewer's was told "Closed questions get facts", with nothing about the offer.
inline constexpr std::string_view kOfferTip =
    "An offer the client can say yes or no to: a good way to settle a next step. Listen for the answer, and put "
    "what they agree in the follow-up email.";
/// True when a reply opens by offering to do something: "Shall I...", "Shall we...", "How about
/// I/we...", "Would you like me to...", "Do you want me to...", "Could we meet...", "Can I ring
/// you..." (but not "Can I ask...", "Could I take your reference?").
bool offers_next_step(std::string_view reply);

/// How a client's line answers an offer: a yes in its first twelve words ("Yes please.", "Go on,
/// then.", "Thursday works, fine."), a no in its first two ("No.", "Not yet.", "I'd rather..."), or
/// neither ("Start with the eating, I reckon."). The follow-up agrees only offers taken up.
enum class OfferAnswer { Yes, No, Neither };
OfferAnswer answer_to_offer(std::string_view line);

/// After a typed open question that opens "Why": a reviewer's "Why do you want to sell
/// everything?" was praised as a good open question, and a "why" asks the client to defend.
inline constexpr std::string_view kWhyTip =
    "An open question, but 'why' can sound like a challenge to defend. 'What led you there?' or 'How did you come "
    "to that?' asks the same without it.";
/// True when a reply's first question opens "Why" (after "so", "and" or "but").
bool asks_why(std::string_view reply);

/// The coach's line for advice that warns of what happens otherwise ("if you don't start something
/// soon you could end up losing your sight"): reviewer O's was told to ask permission first, as if a
/// threat with permission were fine.
inline constexpr std::string_view kWarningTip =
    "A warning raises fear and pushback, asked for or not. Ask what they already know about the risk, "
    "and let them say what it means for them.";
/// True when the reply warns of a consequence: "if you don't...", "you could end up", "or else".
bool warns(std::string_view reply);

/// After typed information that lays out a plan with a time (lays_out_a_plan()), where solutions or
/// next steps are on the table (a solve or close node): "Information lands
/// better after you ask what they already know" did not fit "I'll send the summary tomorrow at 10
/// and ring you on Thursday" (a reviewer's).
/// What the coach says it heard in a typed plan with a day or time (lays_out_a_plan()), in place
/// of the coder's surface cue ("gives numbers, dates or times" for "tomorrow at 10").
inline constexpr std::string_view kPlanCue = "lays out a plan: who does what, and when";
inline constexpr std::string_view kPlanTip =
    "A plan with who and when is clear. Check it with them, and ask what they will do too, so some of the "
    "steps are theirs.";
/// kPlanTip for a plan that already ends on a check ("Have I got that right?"): a reviewer was told
/// "Check it with them" straight after checking. plan_tip() picks.
inline constexpr std::string_view kCheckedPlanTip =
    "A plan with who and when, checked with them: clear, and theirs to correct. Steps they named themselves are "
    "the ones they keep.";

/// The coach's note on a typed plan at a solve or close node: kCheckedPlanTip when it ends on a
/// question (ends_on_a_question()), else kPlanTip.
std::string_view plan_tip(std::string_view plan);

/// After a typed reply at a closing node that named next steps with who or when
/// (named_next_steps()), when the client took them up.
inline constexpr std::string_view kNamedStepsTip =
    "Next steps with who and when: they count as agreed, and your follow-up email can confirm them.";

/// After a typed request for permission that the client answered (client.permission): the
/// conversation waits for what the learner had in mind.
inline constexpr std::string_view kPermissionTip =
    "You asked before advising. Now say what you had in mind, briefly, and leave the choice with them.";

/// After a typed scale question the client answered with a number (client.scale).
inline constexpr std::string_view kScaleTip =
    "A scale question gets a number. Ask why it is that number and not a lower one: the answer is their own "
    "reasons.";

/// After a typed request for permission the client declined ("Not yet...", client.permission's
/// lines with a condition).
inline constexpr std::string_view kPermissionDeclinedTip =
    "Not yet: they want to be heard first. Reflect what they just said and hold your idea for later.";

/// After a typed scale question the client would not put a number on.
inline constexpr std::string_view kScaleDeclinedTip =
    "No number yet, and that is an answer too. Reflect what is behind it; the scale can wait.";

/// After a typed open question with a reflection before it (reflects_then_asks()): "Follow it with
/// a reflection" read as if the reflection had not been heard (reviewer S's "You're caught between a
/// board that wants the money now and a depot you don't want to gamble with. How would you want the
/// trial judged?").
inline constexpr std::string_view kReflectThenAskTip =
    "A reflection, then an open question: they know they were heard, and the question takes them further. "
    "Reflect what they answer.";
/// The code of the reflection that leads a reply before its last question ("It sounds like the
/// last adviser burned you. What would you need to see?"): classify_reply on those sentences
/// alone; nullopt when they are not a reflection or there are none.
std::optional<MiCode> lead_reflection(std::string_view reply, std::string_view client_line);
inline bool reflects_then_asks(std::string_view reply, std::string_view client_line) {
  return lead_reflection(reply, client_line).has_value();
}

/// After a typed promise of an outcome (promise_in()): coded information, it is not "a straight
/// answer" (a reviewer's "I guarantee this will be sorted this time" was praised as one).
inline constexpr std::string_view kPromiseTip =
    "A promise about the outcome is one they will hold you to. Say what you will do, and by when, and only what is "
    "in your power.";

/// After typed information that promises an action with no day (promises_without_a_day()), at a
/// solve or close node or in answer to a question: "I'll look into it" is a promise the client
/// cannot hold you to, and not "a straight answer". kUndatedCue is what the coach heard.
inline constexpr std::string_view kUndatedCue = "promises an action, with no day";
inline constexpr std::string_view kUndatedPromiseTip =
    "You said what you will do; now say by when (\"by Thursday at 4\"), so they know when to expect it and "
    "can hold you to it.";

/// After information that follows the client's yes to a request for permission (ask, then offer).
inline constexpr std::string_view kAfterPermissionTip =
    "You asked first, so this is information they agreed to hear. Now check how it lands: \"What do you make "
    "of that?\"";

/// True when a sentence of the client's line is a yes-or-no question: it opens with an auxiliary and
/// ends with '?' ("Is it the Lottery?", "Are we going live on the 24th or not?"). Not "What's the
/// point of any of it?".
bool asks_yes_or_no(std::string_view client_line);

/// True when the client's line asks to be told something: it ends on a question, asks a yes-or-no
/// question before a closing remark, or asks in so many words ("Tell me where things actually
/// stand.", "Walk me through it.").
bool asks_to_be_told(std::string_view client_line);

/// True when the client's line asks what will be done ("So what happens tonight, then?", "What are
/// you going to do about it?", "What's the plan?", "Can you help with that bit?"). A plan typed in
/// answer costs no trust and raises no tension, whatever the node's reaction to information says:
/// reviewer O's safety plan, asked for, was praised by the coach, cost 4 points of trust and was
/// named the session's worst reply.
bool asks_for_the_plan(std::string_view client_line);

/// After a typed playback of the client's plan that followed an authored summary (closest_reply).
inline constexpr std::string_view kPlaybackTip =
    "Playing back their own plan confirms it: they hear your summary. It is coded as information because "
    "it restates steps rather than what they feel.";

/// After "why that number and not a lower one?" that drew the client's own reasons (client.scale_why).
inline constexpr std::string_view kScaleWhyTip =
    "Asking why it is not lower draws out their own reasons for change. Reflect them back.";

/// True when the client's line ends on a question (its last sentence ends with "?").
bool ends_on_a_question(std::string_view client_line);

/// True for a typed question that suggests a fix ("Have you tried restarting it?", suggests_a_fix()):
/// coded a question, heard by the client as advice; the chip says both.
bool heard_as_advice(bool typed, MiCode code, std::string_view reply, std::string_view client_line);

/// A reply's code as every screen shows it (the chat, the results, the history): "too long · "
/// before a typed monologue's code, " · heard as advice" after a typed question that suggests a
/// fix, " (your choice)" after a code the learner chose when asked which they meant, and
/// "reflection, then " before a typed question whose leading reflection the figures count
/// (reflection_leads(), scoring.h): reviewer V saw "open question" on a turn the figures counted as
/// a reflection too.
std::string code_chip_text(MiCode code, bool self_coded, bool monologue = false, bool advice = false,
                           bool reflection_first = false);

/// Words in `text` (runs of non-space).
int word_count(std::string_view text);
/// True when `text` has more than kRamblingWords words.
bool is_rambling(std::string_view text);

/// A typed reflection of this many words or more (and not a monologue) is told to be shorter:
/// reviewers' 54- to 61-word run-on reflections were praised as strong.
inline constexpr int kLongReflectionWords = 50;
/// After a typed simple reflection that already names the client's feeling (names_a_feeling()):
/// reviewer U's "youre worried the board still expects everything by September" was told "Next time
/// add the feeling or meaning".
inline constexpr std::string_view kNamedFeelingTip =
    "You named the feeling they gave you. To go further, add what it means for them or what they have not "
    "said yet (\"...and it's your name on the line\").";
/// True when the coder reads a feeling named in the reply (its "names a feeling" cue).
bool names_a_feeling(std::string_view reply, std::string_view client_line);
inline constexpr std::string_view kLongReflectionTip =
    "A reflection lands best short: one or two sentences with the heart of what they said. A long one buries "
    "the part that matters.";

}  // namespace rapport
