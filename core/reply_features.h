// The features the reply coder reads from a learner reply and the client's previous line; shared
// by the coder (reply_coder.cpp) and its trainer (tools/train_coder.cpp) so both see the same.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace rapport::coder {

/// Hashed unigram/bigram/position features are folded into this many buckets per code. A
/// feature's bucket also carries a sign (bit 15 of the index, see bucket()), so that two features
/// sharing a bucket add noise to each other's weights rather than the same bias.
inline constexpr int kHashBuckets = 8192;
inline constexpr std::uint16_t kBucketSign = 0x8000u;
static_assert(kHashBuckets <= 0x8000, "a bucket index and its sign share 16 bits");
/// Only the first 4 KB of a reply (and 2 KB of the context) are read: longer text costs no more.
inline constexpr std::size_t kMaxTextBytes = 4096;
inline constexpr std::size_t kMaxContextBytes = 2048;
inline constexpr int kMaxTokens = 1024;
inline constexpr int kMaxSegments = 64;
inline constexpr int kMaxHashed = 320;

/// Phrase groups looked up word by word in the reply (and in the context).
enum PhraseGroup : std::uint8_t {
  kRestate,            // "so you", "you're saying"
  kSoundsLike,         // "it sounds like", "it seems"
  kFeeling,            // "you feel", "you're worried"
  kDoubleSided,        // "part of you", "on the other hand"
  kPermission,         // "would it be okay if", "can I share"
  kCollaborate,        // "let's", "together", "what do you think would"
  kAdvise,             // "you should", "I'd recommend"
  kOfferWithChoice,    // "since you asked", "some people find", "you may or may not"
  kAutonomy,           // "it's your call", "up to you"
  kAffirm,             // "that took courage", "you've worked hard"
  kConfront,           // "that's not realistic", "with respect"
  kInform,             // "the next step", "the report shows", "usually"
  kHousekeeping,       // "thanks for coming in", "let me pull up"
  kInviteElaboration,  // "tell me more", "walk me through"
  kClosedAsk,          // "how many", "on a scale", "have you ever"
  kEmotion,            // single feeling words: "worried", "stuck"
  kCheckIn,            // whole-sentence check-ins: "does that make sense", "right"
  kClientAsks,         // (context) the client asked for advice or agreed to hear it
  kPhraseGroupCount
};

/// Dense hand-made features; the first ones are fixed, then one slot per phrase group.
enum HandFeature : int {
  kBias,
  kMainEndsWithQuestionMark,
  kAnyQuestionMark,
  kSeveralQuestionMarks,
  kStartsOpenWh,     // what / how / why (not "how many")
  kStartsClosedWh,   // when / where / which / who / how many / how long
  kStartsAuxiliary,  // do / did / is / are / can / would ...
  kStartsYou,
  kStartsI,
  kStartsSo,
  kAuxiliaryNoQuestionMark,
  kOrInQuestion,
  kOverlapShare,
  kOverlapCount,
  kBigramEcho,
  kContextEmpty,
  kContextIsQuestion,
  kPronounShift,  // the client spoke of "I/my", the reply of "you/your"
  kAdviceAfterRequest,
  kAdviceWithChoice,
  kSoundsLikeAdvice,
  kReflectedObligation,  // "you feel like you should" (a reflection, not advice)
  kCheckInTag,
  kTwoSentences,
  kThreeOrMoreSentences,
  kLength1To3,
  kLength4To8,
  kLength9To20,
  kLength21Plus,
  kYouShare,
  kIShare,
  kWeShare,
  kHasNumber,
  kNegation,
  kBackchannelOnly,
  kFillerShare,
  kNoEnglishWords,
  kGroupBase,  // kGroupBase + PhraseGroup: 1 when found in the main sentence, 0.5 elsewhere
  kHandFeatureCount = kGroupBase + kPhraseGroupCount
};

/// A word of the reply: where it is and its hash (ASCII lower-cased, curly apostrophes folded).
struct Token {
  std::uint32_t hash;
  std::uint16_t begin;
  std::uint16_t len;
  std::uint16_t segment;
  bool clause_start;
  bool ascii_word;  // has an ASCII letter or digit
};

/// A sentence: tokens [first, end), and whether a '?' closed it.
struct Segment {
  std::uint16_t first;
  std::uint16_t end;
  bool question;
};

/// A tokenised reply; fixed capacity so coding never allocates per word.
struct TokenizedText {
  std::string_view text;
  std::array<Token, kMaxTokens> tokens;
  int token_count = 0;
  std::array<Segment, kMaxSegments> segments;
  int segment_count = 0;
  int question_marks = 0;
};

/// A phrase-group hit in the reply, kept for the human-readable cues.
struct PhraseHit {
  std::int16_t phrase = -1;  // index into phrase_text(); -1 when the group did not fire
  bool in_main = false;
};

/// Everything the linear model and the cue writer need about one reply.
struct ReplyFeatures {
  std::array<std::uint16_t, kMaxHashed> hashed;  // bucket per hashed feature (may repeat)
  int hashed_count = 0;
  std::array<float, kHandFeatureCount> hand;
  std::array<PhraseHit, kPhraseGroupCount> hits;
  bool context_asks_advice = false;
  // The client's line ends on a question: they asked. "Honestly? I don't know any more." holds a
  // '?' (the model's kContextIsQuestion) without asking; the cue "answers the client's question"
  // is given only for this.
  bool context_ends_asking = false;
  bool no_words = true;
  // Spans of the reply for cues, as [begin, begin + len) byte offsets; len 0 when absent.
  std::uint16_t first_word_begin = 0, first_word_len = 0;
  std::uint16_t overlap_word_begin = 0, overlap_word_len = 0;
  std::int16_t check_in_phrase = -1;
  int main_segment = -1;
  int words_before_main = 0;  // words of the turn before its main sentence
  int word_count = 0;         // words of the turn (tokens after cleaning)
  /// The main sentence is a statement that opens with "what" and has no '?': "What you want is
  /// time", "What a week you've had". Never a question (no such turn in the labelled corpus is).
  bool what_statement = false;
  /// A reply with no '?' whose main sentence opens (after "good", "okay", "yes"...) with "I'll",
  /// "we'll", "I will", "we will" or "I'm going to": a commitment, never a question ("Good, I'll
  /// write the trustees' paper for you tonight." was a closed question at 0.36).
  bool commitment = false;
};

/// FNV-1a step; the tokenizer and the phrase tables use the same hash.
constexpr std::uint32_t kFnvOffset = 2166136261u;
constexpr std::uint32_t fnv_step(std::uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

/// Splits text (first `cap` bytes) into words and sentences. ASCII is lower-cased on the fly;
/// other bytes (emoji, other scripts, invalid UTF-8) are kept inside words as raw bytes.
inline void tokenize(std::string_view text, std::size_t cap, TokenizedText& out);

/// Computes the features of `text` given the client's previous line `context`.
/// The result is written into `out` (no heap allocation).
inline void extract_features(std::string_view text, std::string_view context, ReplyFeatures& out);

/// Canonical text of a phrase index stored in PhraseHit::phrase.
inline std::string_view phrase_text(int phrase);

/// Short names of the hand features, for the trainer's report and the README.
inline std::string_view hand_feature_name(int feature);

}  // namespace rapport::coder

#include "reply_features_impl.h"  // IWYU pragma: export
