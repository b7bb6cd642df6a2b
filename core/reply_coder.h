// The motivational-interviewing reply coder: gives a learner's typed reply one MI behaviour code
// (mi_codes.h), a confidence and short human-readable cues. Deterministic, offline, no allocation
// per word; see core/README-coder.md for the model, its data and its measured accuracy.
//
// Conventions (they follow /work/shared/notes/mi-codes.md and are applied to the labelled data):
// - One turn, one code. A turn may hold several sentences; it is coded by its MAIN sentence, the
//   last sentence that is not a filler ("okay.", "mm-hmm."), a backchannel or a check-in tag
//   ("does that make sense?", "right?", "is that fair?", "what do you think?"). So information
//   followed by "does that make sense?" is information, a reflection followed by "is that right?"
//   is a reflection, and a reflection followed by a real question ("...what's been hardest?") is
//   coded as that question, because the closing question carries the turn's intent.
// - Open versus closed questions: MITI 4.2.1 has a single question code; the split follows MISC.
//   A question is open when it invites the client to explore with many possible answers (what /
//   how / why / tell me / describe / "could you tell me..." by function, with or without '?').
//   It is closed when it asks for yes/no, a fact, a number or a choice (do / is / have / can /
//   which / when / how many / how long / "on a scale of 1 to 10" / "X or Y?").
// - Punctuation is a cue, not the rule: "So you're worried the budget won't stretch?" said as a
//   restatement is a reflection, and "Tell me more about that." is an open question.
// - Replies with no English words (empty text, emoji only, other scripts) are coded `other`.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mi_codes.h"

namespace rapport {

/// One coded reply: the main code, the model's probability for it, and why (a few short cues).
struct CodedReply {
  MiCode code;
  float confidence;
  std::vector<std::string> cues;
  MiCode runner_up = MiCode::Other;  // the next likeliest code, for "did you mean..." prompts
  float runner_up_confidence = 0.f;
  /// The main sentence asks permission ("Would it be okay if I shared an idea?"), with no advice in it.
  bool asks_permission = false;
  /// The kind of reflection the model scores higher for these words: what a learner who says they
  /// were reflecting is credited with (reviewer X's "i understand ur frustrated", self-coded, was a
  /// complex reflection, "Strong", and the session's best reply).
  MiCode reflection = MiCode::ComplexReflection;
};

/// Codes one learner reply given the client's previous line (context may be empty).
/// Only the first 4 KB of the reply and 2 KB of the context are read.
CodedReply classify_reply(std::string_view text, std::string_view context);

/// True when a sentence of the reply opens with a question that suggests a fix ("Have you tried
/// plugging it in with a cable?", "Have you thought about a payment plan?", "Could you try...")
/// and the client did not ask for advice. The codebook codes such a question a question (the
/// labellers did, 22 times in 27); the client hears advice all the same.
bool suggests_a_fix(std::string_view text, std::string_view context);

/// True when the client's line asks for the learner's advice in so many words ("What would you say
/// if you were in my chair?", "What do you suggest?"): advice in answer is advice with permission.
bool asks_for_advice(std::string_view client_line);

/// The promise of an outcome in a reply ("i guarantee", "rest assured", "leave it with me"...), as
/// the coder finds it, or empty. The coder codes such a reply information; the coach names it.
std::string_view promise_in(std::string_view text);

/// should_ask_which() for a typed reply: never for a question that suggests a fix. The client
/// hears advice whatever the learner meant (a trainer answered "recognising their effort" for
/// "Have you considered running dispatch on the old system over Easter?" and saw an affirmation).
bool should_ask_which(const CodedReply& coded, std::string_view text, std::string_view context, bool coaching);

namespace coder {

/// A view of a trained linear model: weights laid out [feature][code], each with a scale. The
/// hashed weights are four bits each, an index into 16 int16 levels fitted to the weights: two
/// per byte, the lower code's in the low half (a quarter of the bytes of int16, which do not
/// compress; leave-one-setting-out macro-F1 is the same as with 256 levels).
inline constexpr int kHashedLevelCount = 16;
struct CoderWeights {
  const std::uint8_t* hashed;         // kHashBuckets x kMiCodeCount / 2 bytes of packed indexes
  const std::int16_t* hashed_levels;  // kHashedLevelCount
  float hashed_scale;
  const std::int16_t* hand;  // kHandFeatureCount x kMiCodeCount
  float hand_scale;
  float temperature = 1.f;  // softmax temperature fitted on held-out data (calibration)
  /// Long turns are coded less reliably than the model's scores say, short ones more: the
  /// temperature for a turn of n words is temperature * ((1 + n) / 11)^length_slope (ten words
  /// keep the temperature as it is); fitted with the temperature.
  float length_slope = 0.f;
};

/// The weights compiled in from core/reply_coder_weights.inc.
CoderWeights builtin_weights();

/// classify_reply with explicit weights (the trainer uses it to evaluate a fresh model).
CodedReply classify_reply_with(const CoderWeights& weights, std::string_view text, std::string_view context);

/// A labelled reply as stored in tests/data/coder/{train,heldout}/*.jsonl.
struct LabelledReply {
  std::string conv;
  std::string context;
  std::string text;
  MiCode code;
  std::string setting;  // health, money, support, workplace, sales, consulting (corpus files)
};

/// Parses JSON lines ({"conv","context","text","code"}); blank lines are skipped. On a bad line
/// returns what was read so far and sets `error` to a message naming the line.
std::vector<LabelledReply> parse_labelled_replies(std::string_view jsonl, std::string* error);

/// Precision, recall and F1 for one code or class.
struct Score {
  double precision = 0, recall = 0, f1 = 0;
  int support = 0;
};

/// The top code's confidence and whether it was right, in ten equal-width bins of confidence.
struct CalibrationBins {
  std::array<double, 10> conf{}, hits{};
  std::size_t count = 0;
  void add(const CodedReply& coded, MiCode truth);
  /// Expected calibration error: the bins' gaps between confidence and accuracy, by their share.
  double error() const;
};

/// Result of coding a labelled set: per code, per four-class fold (MiClass), macro-F1s and the
/// expected calibration error of the top code's confidence.
struct Evaluation {
  std::array<Score, kMiCodeCount> codes;
  std::array<Score, 4> classes;
  std::array<std::array<int, kMiCodeCount>, kMiCodeCount> confusion{};  // [truth][predicted]
  double code_macro_f1 = 0;
  double class_macro_f1 = 0;
  double accuracy = 0;
  double calibration_error = 0;
};

/// Codes every reply with `weights` and scores the result against the labels.
Evaluation evaluate(const std::vector<LabelledReply>& replies, const CoderWeights& weights);

}  // namespace coder
}  // namespace rapport
