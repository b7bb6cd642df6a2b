// The reply coder: phrase and word tables, the linear model plus a few high-precision rules, and
// the evaluation used by the tests and the trainer. The cues shown to the learner: reply_cues.cpp.
#include "reply_coder.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "reply_cues.h"
#include "reply_features.h"
#include "reply_text.h"

namespace rapport {
namespace coder {
namespace detail {

struct PhraseSpec {
  PhraseGroup group;
  std::string_view phrases;  // '|'-separated
};

// A question closing a turn whose earlier sentences hold more words than this does not decide the
// turn's code on its own. In the labelled realistic and counselling data, turns ending in '?' are
// coded questions 89-90% of the time with no preamble, 50-66% after 11-25 words and 10-14% after
// 26 or more (README-coder.md).
constexpr int kLongPreamble = 25;

// Phrases are matched word by word; several groups may fire for one reply.
constexpr PhraseSpec kPhrases[] = {
    {kRestate,
     "so you|so you're|you're saying|you are saying|what i'm hearing|what i hear|"
     "if i understand|if i'm hearing|in other words|let me see if i|you said|you mentioned|"
     "so for you|so basically|so it's|so the|so your|so right now|you've been|"
     "you're telling me|so what you're|let me check i|let me make sure i|let me pull|"
     "let's recap|let me recap|to recap|to sum up|to summarise|to summarize|let me sum|"
     "let me summarise|let me summarize|if i've got|if i've understood|what i've heard|"
     "so far you've|let me just check i|pull it together|pull that together"},
    {kSoundsLike,
     "it sounds like|sounds like|it seems like|seems like|it sounds as if|it seems|"
     "i'm guessing|i get the sense|i wonder if|it's like|almost like|i imagine|"
     "i get the feeling|i'm sensing|kind of like"},
    {kFeeling,
     "you feel|you're feeling|you felt|you're worried|you're frustrated|you're scared|"
     "you're tired|you're afraid|you're fed up|you're nervous|you're stuck|you're torn|"
     "you're not sure|you're overwhelmed|you're anxious|you're angry|you're upset|"
     "you're disappointed|you're sick of|you're hoping|you're concerned|worries you|"
     "frustrates you|bothers you|scares you|matters to you|important to you|you value|"
     "you want|you'd like|you're really|you don't want|you wish"},
    {kDoubleSided,
     "part of you|on the one hand|on the other hand|at the same time|and yet|on the other|"
     "but also|but then"},
    {kPermission,
     "would it be okay if|would it be ok if|would it be alright if|is it okay if|"
     "is it ok if|is it alright if|can i share|could i share|may i|can i offer|"
     "could i offer|would you mind if i|do you mind if i|mind if i|would you like to hear|"
     "would you like me to|would you be open to|would it help if i|can i tell you|"
     "could i tell you|can i make a suggestion|could i make a suggestion|can i give you|"
     "are you open to|would you like to know|do you want me to|do you want to hear|"
     "want me to|okay if i|can i run|could i run|can i throw|can i suggest|could i suggest|"
     "can i ask"},
    {kCollaborate,
     "let's|let us|together|what would you like to|where would you like to|"
     "what do you think would|what ideas|your ideas|how would you like to|"
     "what would be most helpful|you're the expert|we can|we could|how do you want to|"
     "what do you want to focus|what should we|how should we|shall we|we both|figure out|"
     "work out|come up with|your thoughts on|which would you prefer|"
     "what would work for you|what do you think might|what would make sense|you tell me|"
     "with you|what if we|could we|i'd love to hear|think it through|between us|"
     "work on this|map it out|put our heads|what do you reckon|your view first|"
     "what would you suggest|what would you add|your input"},
    {kAdvise,
     "you should|you shouldn't|you need to|you have to|you must|you've got to|you gotta|"
     "you ought to|i'd recommend|i would recommend|i recommend|i suggest|i'd suggest|"
     "i would suggest|my advice|i'd advise|i advise|i strongly|the best thing|"
     "why don't you|why not just|make sure you|you'd better|you better|if you don't|"
     "unless you|it's important that you|i want you to|i'd like you to|you really should|"
     "trust me|the only way|do yourself a favor|it would be wise|i'd definitely|"
     "i would definitely|you'll want to|you'd be better off|i'd go with|i'd start|"
     "i would start|if i were you|i think you should|just try|you can't keep"},
    {kOfferWithChoice,
     "since you asked|you asked|you may or may not|you might or might not|may not fit|"
     "might not fit|may not be right for you|if you want|if you'd like|if that's helpful|"
     "if it helps|for what it's worth|take it or leave it|see what fits|one option|"
     "a few options|some options|some people find|some people|some clients|a lot of people|"
     "others have found|one idea|one possibility|you might consider|you could consider|"
     "you could try|you might try|see what you think|no pressure|feel free|"
     "with your permission|you wanted to know|you said you wanted|what do you make of|"
     "may or may not|might or might not|works for some|what's worked for|other people"},
    {kAutonomy,
     "your call|your decision|your choice|up to you|you decide|you get to decide|"
     "whatever you decide|whatever you choose|you know best|you know yourself|"
     "you know your|you're the one who knows|you're in charge|in control|"
     "nobody can make you|no one can make you|i can't make you|only you can|you're free to|"
     "your life|you choose|you're the boss|on your terms|your own pace|in your own time|"
     "the best judge|final say|no right answer|it's yours|entirely yours|your business|"
     "your money|your body|you don't have to|whenever you're ready|if and when|"
     "totally fine|your right|for you to decide|your career|you'll know|whichever way|"
     "you're comfortable|it's up to|your own mind|doesn't have to be|no rush|your pace|"
     "what feels right|you get to choose|you're allowed"},
    {kAffirm,
     "you've worked|worked hard|that took|courage|brave|you clearly|really care|you care|"
     "impressive|good job|well done|great job|strength|you've managed|you managed|"
     "stuck with|determined|determination|commitment|committed|persistent|you handled|"
     "resourceful|admire|proud|credit|says a lot|you're someone who|you're a person who|"
     "not easy|no small thing|huge step|big step|honest of you|kudos|dedication|"
     "come a long way|you showed|you put in|i appreciate|thoughtful|you did it|"
     "you've already|good instinct|smart"},
    {kConfront,
     "that's not|that is not|you're wrong|with respect|with all due respect|come on|"
     "seriously|you're the one|ridiculous|you always|you never|excuse|excuses|"
     "i don't believe|not true|no way|frankly|honestly|can't be serious|your fault|"
     "you promised|you said you would|how many times|not realistic|unrealistic|denial|"
     "let's be honest|let's be real|admit it|obviously|i told you|what did you expect|"
     "you should have|you shouldn't have|blame|irresponsible|lazy|kidding yourself|fooling|"
     "wake up|grow up|get real|nonsense|that's on you|not my problem|your problem|you keep|"
     "yeah right|i doubt|don't buy|you didn't even|you ignored|like i said|as i said|"
     "already told you|it's in the contract|you signed|whose fault|calm down|why can't you|"
     "why won't you|why couldn't you|did you even|did you read|did you not|how could you|"
     "what were you thinking|over your head|i'll email your|i'll call your|i'll go to your|"
     "your boss will|stop complaining|stop making|you're overreacting|overreacting|"
     "you're being|typical|for goodness sake|for god's sake|whatever you say|if you'd listened|"
     "you clearly didn't|that's your problem|not our fault|not my fault|you people|"
     "no need for that|no need for the attitude|no need for language|no need to raise your voice|"
     "no need to shout|attitude|raise your voice|shouting at me|your tone|i didn't say|"
     "didn't say that|nobody said|i'm just saying|i'm telling you|useless|not gonna cut it|"
     "won't cut it|not good enough|you keep saying|i've been doing this|don't hold your breath|"
     "you were warned|weren't warned|only yourself to blame|overthinking|i think you'll find|"
     "can't you just|you can't just|simple as that|end of story|end of discussion|"
     "not up for discussion|not negotiable|non-negotiable|that's final|let's be clear|"
     "like it or not|i don't care|no offence|no offense|of course you don't|you should've|"
     "should've thought|not rocket science|that's basic|you can't compare|hear it all the time|"
     "hear that all the time|got a reason|not the point|not really the point|"
     "that's a different story|because it's true|you know better|you know full well|no excuse"},
    {kInform,
     "the report|the data|studies|research|evidence|according to|next step|"
     "the way it works|how it works|policy|usually|typically|generally|on average|average|"
     "per|percent|the plan|includes|covers|the fee|costs|it takes|will be|we'll|is due|"
     "deadline|guidelines|the limit|the results|your results|side effects|warranty|refund|"
     "invoice|the contract|timeline|that means|means that|for example|there are|there's|"
     "it's called|the system|the form|i'll send|we'll send|is scheduled|the rate|the cost|"
     "each"},
    {kHousekeeping,
     "hi|hello|hey|good morning|good afternoon|good evening|thanks|thank you|nice to meet|"
     "welcome|bye|goodbye|see you|take care|have a good|let me pull up|let me check|"
     "one sec|one second|hold on|hang on|give me a moment|bear with me|sorry|excuse me|"
     "let me just|where was i|let's get started|before we start|how are you|be right back|"
     "can you hear me|you're on mute"},
    {kInviteElaboration,
     "tell me|tell me more|describe|walk me through|help me understand|say more|"
     "talk me through|explain|give me an example|i'm curious|i'd like to hear|"
     "i'd love to hear|fill me in|could you tell me|can you tell me|what else|in what way|"
     "what was that like|what's that like|how come|what makes|what happened"},
    {kClosedAsk,
     "how many|how much|how long|how often|how old|on a scale|have you ever|did you ever|"
     "yes or no|is that|are you|do you|did you|have you|is there|was it|which one|"
     "what time|what date|what day|what year|what's your|or not|still|any|ever"},
    {kEmotion,
     "worried|scared|afraid|frustrated|frustrating|angry|upset|sad|anxious|nervous|"
     "stressed|overwhelmed|tired|exhausted|ashamed|embarrassed|guilty|hopeful|excited|"
     "relieved|disappointed|stuck|torn|fed up|lonely|hurt|annoyed|fear|trapped|pressure|"
     "burden|unsure|conflicted|hopeless|discouraged|defeated|resentful|betrayed|ignored|"
     "desperate|scary|weighing on|a lot on your plate|burned out|let down|on edge|"
     "out of control"},
    {kCheckIn,
     "does that make sense|make sense|makes sense|is that right|is that fair|am i right|"
     "right|okay|ok|you know|does that sound right|how does that sound|what do you think|"
     "sound good|sounds good|sound okay|sound fair|does that fit|did i get that right|"
     "have i got that right|am i getting that right|am i close|is that close|fair|"
     "how's that|does that help|does that work|does that work for you|is that okay|"
     "is that ok|is that alright|with me|you with me|does that land|sound about right|"
     "is that about right|did i miss anything|yeah|any questions|any questions so far|"
     "got it|does that answer your question|is that clear|did i get that|"
     "do i have that right|no"},
    {kClientAsks,
     "what should i|should i|what would you|what do you think|any advice|any suggestions|"
     "what do you recommend|what do you suggest|can you help|tell me what to do|"
     "your opinion|your advice|what are my options|what can i do|what do i do|go ahead|"
     "yes please|please do|i'd like that|sure tell me|okay tell me|i'm listening|"
     "i'm all ears|shoot|what would help|how do i|which one should|i'm open to|any ideas|"
     "what's the best|be honest"},
};
// Single words grouped by role; all looked up by hash in sorted tables.
constexpr std::string_view kStopWords =
    "a an the and or but so to of in on at for with about as by from up out into over it it's "
    "its this that that's these those there there's here i i'm i've i'd i'll me my mine you "
    "you're you've you'd you'll your yours we we're our us he she they them their his her is "
    "are was were be been being am do does did don't doesn't didn't have has had having can "
    "can't could would should will won't just really very like um uh yeah okay ok well not no "
    "yes what how why when where who which if then than too also all any some get got going "
    "gonna want know think feel feeling thing things kind sort lot bit more much many now "
    "right mean say said saying sounds sound seems tell because cause even still one way make "
    "let let's go see something anything everything";
constexpr std::string_view kFillers =
    "um uh er erm uhm hmm mm mm-hmm mhm uh-huh well okay ok oh yeah yep right alright and but "
    "like anyway ah yes sure";
constexpr std::string_view kBackchannel =
    "um uh er erm uhm hmm mm mm-hmm mhm uh-huh well okay ok oh yeah yep yes right alright "
    "sure i see got it gotcha cool great good nice wow ah interesting indeed exactly true "
    "totally absolutely of course makes sense fair enough huh hm mmm mhmm uh-hum yup k kk "
    "okie gosh jeez geez no definitely";
constexpr std::string_view kOpenWh = "what how why what's how's whats hows";
constexpr std::string_view kClosedWh = "when where which who whose whom when's where's who's";
constexpr std::string_view kHowQuantity = "many much long often old far soon";
constexpr std::string_view kAuxiliaries =
    "do does did is are was were have has had can could will would should shall may might am "
    "isn't aren't don't doesn't didn't won't wouldn't can't couldn't haven't hasn't wasn't "
    "weren't shouldn't";
constexpr std::string_view kYouWords = "you your you're you've you'd you'll yours yourself ya";
constexpr std::string_view kIWords = "i me my i'm i've i'd i'll mine myself";
constexpr std::string_view kWeWords = "we us our we're we've we'll let's";
constexpr std::string_view kNegations = "not no never don't can't won't didn't isn't aren't nothing doesn't";
constexpr std::string_view kFillerWords = "um uh er erm uhm like hmm mm kinda sorta";
// Words before "you should" that make it a reflected obligation, not advice.
constexpr std::string_view kReflectiveVerbs =
    "saying told hear hearing think feel believe know guess wonder worry worried sure "
    "said thinking feeling convinced sense";
// Spoken openers skipped when looking for the question word.
constexpr std::string_view kLeadIns = "so and then but like um uh er erm well okay ok right yeah alright oh";
// "What <clause> is ...": a statement that opens with "what" (a pseudo-cleft: "What you want is
// time", "What worries you is the deadline"). The clause starts with a subject or a verb; "What
// part is hardest" (a noun) stays a question.
constexpr std::string_view kCleftHeads =
    "i i'm i've i'd you you're you've you'd we we're we've they they're he he's she she's people "
    "matters mattered worries worried bothers bothered concerns concerned helps helped strikes struck "
    "stands stood hurts hurt scares scared frightens upsets upset frustrates frustrated annoys annoyed "
    "happens happened keeps kept gets got makes made sounds comes came seems seemed";
constexpr std::string_view kCopulas = "is was";
constexpr std::string_view kSpeakerOwn = "i i'd i'm we really honestly personally still do just";

Tables::Tables()
    : stop(kStopWords),
      fillers(kFillers),
      backchannel(kBackchannel),
      open_wh(kOpenWh),
      closed_wh(kClosedWh),
      how_quantity(kHowQuantity),
      auxiliaries(kAuxiliaries),
      you(kYouWords),
      self(kIWords),
      we(kWeWords),
      negations(kNegations),
      filler_words(kFillerWords),
      reflective_verbs(kReflectiveVerbs),
      speaker_own(kSpeakerOwn),
      lead_ins(kLeadIns),
      cleft_heads(kCleftHeads),
      copulas(kCopulas) {
  for (const PhraseSpec& spec : kPhrases) {
    std::size_t i = 0;
    while (i < spec.phrases.size()) {
      std::size_t j = spec.phrases.find('|', i);
      if (j == std::string_view::npos) j = spec.phrases.size();
      Phrase p{};
      p.group = spec.group;
      p.text = spec.phrases.substr(i, j - i);
      std::uint32_t h = kFnvOffset;
      for (std::size_t k = i; k <= j; ++k) {
        if (k == j || spec.phrases[k] == ' ') {
          if (p.count < kMaxPhraseWords) p.words[p.count++] = h;
          h = kFnvOffset;
        } else {
          h = fnv_step(h, static_cast<unsigned char>(spec.phrases[k]));
        }
      }
      phrases.push_back(p);
      i = j + 1;
    }
  }
  std::stable_sort(phrases.begin(), phrases.end(),
                   [](const Phrase& a, const Phrase& b) { return a.words[0] < b.words[0]; });
  for (int i = 0; i < static_cast<int>(phrases.size()); ++i) first_words.emplace_back(phrases[i].words[0], i);
  h_how = word_hash("how");
  h_so = word_hash("so");
  h_or = word_hash("or");
  h_you = word_hash("you");
  h_ask = word_hash("ask");
  h_if = word_hash("if");
  h_whether = word_hash("whether");
  h_what = word_hash("what");
  h_a = word_hash("a");
  h_an = word_hash("an");
}

const Tables& tables() {
  static const Tables t;
  return t;
}

}  // namespace detail

namespace {

#include "reply_coder_weights.inc"
static_assert(kTrainedBuckets == kHashBuckets, "reply_coder_weights.inc is stale: retrain");
static_assert(std::size(kHashedLevels) == kHashedLevelCount, "reply_coder_weights.inc is stale: retrain");
static_assert(kMiCodeCount % 2 == 0, "a bucket's packed weights fill whole bytes");
static_assert(kTrainedHandFeatures == kHandFeatureCount, "reply_coder_weights.inc is stale: retrain");
static_assert(kTrainedCodes == kMiCodeIds, "reply_coder_weights.inc was trained for another list of codes: retrain");

bool only_whitespace(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

}  // namespace

CoderWeights builtin_weights() {
  return {kHashedWeights, kHashedLevels, kHashedScale, kHandWeights, kHandScale, kTemperature, kLengthSlope};
}

// Phrases explicit enough to decide a code on their own (see classify_reply_with).
constexpr std::string_view kBlatantConfront[] = {"you're wrong",
                                                 "you are wrong",
                                                 "not realistic",
                                                 "unrealistic",
                                                 "you're the one who",
                                                 "you are the one who",
                                                 "your own fault",
                                                 "that's on you",
                                                 "you're overreacting",
                                                 "you are overreacting",
                                                 "kidding yourself",
                                                 "stop complaining",
                                                 "what were you thinking",
                                                 "if you'd listened",
                                                 "grow up",
                                                 "get real",
                                                 "you people",
                                                 "you need to calm down",
                                                 "just calm down",
                                                 "please calm down",
                                                 "calm down please",
                                                 "calm down, please",
                                                 "oh sure, because",
                                                 "oh sure because",
                                                 "oh yeah, because",
                                                 "oh right, because",
                                                 "sure, because that",
                                                 "because that worked so well",
                                                 "because that's worked so well",
                                                 "because that went so well",
                                                 "good luck with that"};
constexpr std::string_view kBlatantAffirm[] = {
    "that took real courage",    "that took courage",       "that took guts",   "that took a lot of courage",
    "that says a lot about you", "that speaks well of you", "i'm proud of you", "you should be proud"};

// A greeting's "how are you?" is the codebook's `other` (greetings, small talk), not a question.
// In the labelled corpus, turns that greet and end on the formula were coded `other` 15 times in
// 19; the formula without a greeting ("So, how are you doing?") was a question 4 times in 4.
constexpr std::string_view kGreeting[] = {"good morning",
                                          "good afternoon",
                                          "good evening",
                                          "good to see you",
                                          "nice to see you",
                                          "thanks for coming",
                                          "thanks for calling",
                                          "morning",
                                          "hi",
                                          "hello",
                                          "hey",
                                          "welcome",
                                          "come in"};
constexpr std::string_view kHowAreYou[] = {"how are you",       "how are you doing",        "how are you keeping",
                                           "how are you today", "how are you doing today",  "how are things",
                                           "how's it going",    "how are you getting on",   "how have you been",
                                           "how you doing",     "how are you keeping today"};

/// Whether the cleaned reply ends on one of kHowAreYou as a clause of its own ("..., how are you?").
/// `text` with ASCII letters in lower case (the cleaned reply's phrase checks).
std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return lower;
}

bool ends_with_how_are_you(std::string_view text) {
  std::string lower = ascii_lower(text);
  while (!lower.empty() && (lower.back() == ' ' || lower.back() == '?' || lower.back() == '!' || lower.back() == '.'))
    lower.pop_back();
  for (std::string_view p : kHowAreYou) {
    if (!lower.ends_with(p)) continue;
    std::string_view before = std::string_view(lower).substr(0, lower.size() - p.size());
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.empty() || std::string_view(",.!;:-").find(before.back()) != std::string_view::npos) return true;
  }
  return false;
}

/// The first of `phrases` in the cleaned reply (lower-cased ASCII, whole words), or empty.
template <size_t N>
std::string_view explicit_phrase(std::string_view text, const std::string_view (&phrases)[N]) {
  const std::string lower = ascii_lower(text);
  const auto word_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\''; };
  for (std::string_view p : phrases) {
    for (size_t at = lower.find(p); at != std::string::npos; at = lower.find(p, at + 1)) {
      const bool start = at == 0 || !word_char(lower[at - 1]);
      const bool end = at + p.size() >= lower.size() || !word_char(lower[at + p.size()]);
      if (start && end) return p;
    }
  }
  return {};
}

CodedReply classify_reply_with(const CoderWeights& w, std::string_view raw_text, std::string_view raw_context) {
  thread_local std::string text, context;
  clean_reply(raw_text.substr(0, kMaxTextBytes), text);
  clean_reply(raw_context.substr(0, kMaxContextBytes), context);
  ReplyFeatures f;
  extract_features(text, context, f);
  if (f.no_words) {
    if (only_whitespace(text)) return {MiCode::Other, 1.f, {"empty reply"}, MiCode::Other, 0.f};
    return {MiCode::Other, 0.5f, {"no English words to code"}, MiCode::Other, 0.f};
  }

  // The linear model: integer sums over hashed buckets, then the dense hand features.
  std::array<std::int32_t, kMiCodeCount> sums{};
  for (int i = 0; i < f.hashed_count; ++i) {
    const std::uint16_t b = f.hashed[i];
    const std::uint8_t* row = w.hashed + static_cast<std::size_t>(b & ~kBucketSign) * (kMiCodeCount / 2);
    const int sign = (b & kBucketSign) ? -1 : 1;
    for (int k = 0; k < kMiCodeCount / 2; ++k) {
      sums[2 * k] += sign * w.hashed_levels[row[k] & 0x0f];
      sums[2 * k + 1] += sign * w.hashed_levels[row[k] >> 4];
    }
  }
  std::array<float, kMiCodeCount> score{};
  for (int k = 0; k < kMiCodeCount; ++k) score[k] = static_cast<float>(sums[k]) * w.hashed_scale;
  for (int j = 0; j < kHandFeatureCount; ++j) {
    const float x = f.hand[j];
    if (x == 0.f) continue;
    const std::int16_t* row = w.hand + j * kMiCodeCount;
    for (int k = 0; k < kMiCodeCount; ++k) score[k] += x * static_cast<float>(row[k]) * w.hand_scale;
  }
  // Codes that need an explicit cue: without one the model may not choose them, so a plain
  // question is never "seeking collaboration" and a reflection never "confrontation".
  const auto hit = [&](PhraseGroup g) { return f.hits[g].phrase >= 0; };
  std::array<bool, kMiCodeCount> allowed{};
  allowed.fill(true);
  allowed[static_cast<int>(MiCode::SeekCollaboration)] = hit(kPermission) || hit(kCollaborate);
  allowed[static_cast<int>(MiCode::PersuadeWithPermission)] =
      hit(kOfferWithChoice) || hit(kPermission) || f.context_asks_advice;
  allowed[static_cast<int>(MiCode::Confront)] = hit(kConfront);
  allowed[static_cast<int>(MiCode::EmphasizeAutonomy)] = hit(kAutonomy) || hit(kOfferWithChoice);
  // A question-shaped sentence that ends in '?' is a question unless a stronger cue says otherwise.
  const bool interrogative =
      f.hand[kMainEndsWithQuestionMark] > 0.f &&
      (f.hand[kStartsOpenWh] > 0.f || f.hand[kStartsClosedWh] > 0.f || f.hand[kStartsAuxiliary] > 0.f);
  // ...and unless more than kLongPreamble words come before it: after a paragraph of information
  // or a summary, a closing question is usually not what the turn mainly does (README-coder.md).
  if (interrogative && !hit(kSoundsLike) && !hit(kPermission) && f.hits[kConfront].phrase < 0 &&
      f.words_before_main <= detail::kLongPreamble) {
    for (int k = 0; k < kMiCodeCount; ++k) {
      const auto code = static_cast<MiCode>(k);
      if (code_class(code) != MiClass::Question && code != MiCode::SeekCollaboration) allowed[k] = false;
    }
  }
  // "What you're saying is...", "What a week": a statement, whatever "what" suggests.
  if (f.what_statement)
    for (int k = 0; k < kMiCodeCount; ++k)
      if (code_class(static_cast<MiCode>(k)) == MiClass::Question) allowed[k] = false;
  const float temperature = (w.temperature > 0.f ? w.temperature : 1.f) *
                            std::pow((1.f + static_cast<float>(f.word_count)) / 11.f, w.length_slope);
  int best = -1, second = -1;
  for (int k = 0; k < kMiCodeCount; ++k) {
    if (!allowed[k]) continue;
    if (best < 0 || score[k] > score[best]) {
      second = best;
      best = k;
    } else if (second < 0 || score[k] > score[second]) {
      second = k;
    }
  }
  float total = 0.f;
  for (int k = 0; k < kMiCodeCount; ++k)
    if (allowed[k]) total += std::exp((score[k] - score[best]) / temperature);
  const float p_second = second >= 0 ? std::exp((score[second] - score[best]) / temperature) / total : 0.f;
  CodedReply out{
      static_cast<MiCode>(best), 1.f / total, {}, static_cast<MiCode>(second >= 0 ? second : best), p_second};

  // High-precision rules, applied after the model. A rule that agrees with the model keeps its
  // confidence; one that displaces the model's code is at least `floor` sure, and the displaced
  // code becomes the runner-up.
  const auto overrule = [&](MiCode code, float floor) {
    if (out.code == code) return;
    out.runner_up = out.code;
    out.runner_up_confidence = out.confidence;
    out.code = code;
    out.confidence = std::max(floor, 1.f - out.runner_up_confidence);
  };
  if (f.hand[kBackchannelOnly] > 0.f) {
    overrule(MiCode::Other, 0.9f);
    out.confidence = std::max(out.confidence, 0.9f);
    out.cues = {"backchannel only"};
    return out;
  }
  // The formula first: most replies do not end on it, and then the greeting list is not searched.
  if (const std::string_view hello = ends_with_how_are_you(text) ? explicit_phrase(text, kGreeting) : "";
      !hello.empty()) {
    overrule(MiCode::Other, 0.7f);
    out.cues = {"greets the client ('" + std::string(hello) + "')", "'how are you' as a greeting"};
    return out;
  }
  if (f.hits[kPermission].phrase >= 0 && f.hits[kPermission].in_main && f.hand[kMainEndsWithQuestionMark] > 0.f &&
      f.hits[kAdvise].phrase < 0) {
    overrule(MiCode::SeekCollaboration, 0.8f);
    out.cues = {"asks permission (" + detail::in_quotes(phrase_text(f.hits[kPermission].phrase)) + ")",
                "ends with '?'"};
    return out;
  }
  if (f.hand[kSoundsLikeAdvice] > 0.f && f.hits[kAdvise].in_main && f.hits[kSoundsLike].in_main &&
      f.hits[kOfferWithChoice].phrase < 0 && !f.context_asks_advice) {
    // The codebook's hard case: "it sounds like you should..." is advice, not a reflection.
    overrule(MiCode::Persuade, 0.7f);
    out.cues = {"'" + std::string(phrase_text(f.hits[kAdvise].phrase)) + "' without asking",
                "'sounds like' wrapped around advice"};
    return out;
  }
  // Unmistakable blame, labelling or contradiction, and unmistakable recognition of effort: the
  // codebook's explicit cues win over wording that otherwise reads like a reflection.
  // "Calm down." on its own is an order too; inside a longer turn it may be the client's wish.
  constexpr std::string_view kCalmDown[] = {"calm down"};
  std::string_view cue = explicit_phrase(text, kBlatantConfront);
  if (cue.empty() && f.hand[kLength1To3] > 0.f) cue = explicit_phrase(text, kCalmDown);
  if (!cue.empty() && out.code != MiCode::Confront && !hit(kSoundsLike)) {
    overrule(MiCode::Confront, 0.7f);
    out.cues = {"challenges the client ('" + std::string(cue) + "')"};
    return out;
  }
  if (const std::string_view cue = explicit_phrase(text, kBlatantAffirm);
      !cue.empty() && code_class(out.code) == MiClass::Reflection && !interrogative) {
    overrule(MiCode::Affirm, 0.6f);
    out.cues = {"recognises the client's effort ('" + std::string(cue) + "')"};
    return out;
  }
  out.cues = detail::model_cues(w, f, out.code, text);
  return out;
}

}  // namespace coder

CodedReply classify_reply(std::string_view text, std::string_view context) {
  return coder::classify_reply_with(coder::builtin_weights(), text, context);
}

namespace coder {

std::vector<LabelledReply> parse_labelled_replies(std::string_view jsonl, std::string* error) {
  std::vector<LabelledReply> out;
  std::size_t pos = 0;
  int line_no = 0;
  while (pos < jsonl.size()) {
    std::size_t end = jsonl.find('\n', pos);
    if (end == std::string_view::npos) end = jsonl.size();
    const std::string_view line = jsonl.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (only_whitespace(line)) continue;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    const auto fail = [&](const std::string& why) {
      if (error) *error = "line " + std::to_string(line_no) + ": " + why;
      return out;
    };
    if (!j.is_object()) return fail("not a JSON object");
    if (!j.contains("text") || !j["text"].is_string()) return fail("missing \"text\"");
    if (!j.contains("code") || !j["code"].is_string()) return fail("missing \"code\"");
    const auto code = parse_code(j["code"].get<std::string>());
    if (!code) return fail("unknown code \"" + j["code"].get<std::string>() + "\"");
    LabelledReply r;
    r.conv = j.value("conv", "");
    r.context = j.value("context", "");
    r.setting = j.value("setting", "");
    r.text = j["text"].get<std::string>();
    r.code = *code;
    out.push_back(std::move(r));
  }
  return out;
}

void CalibrationBins::add(const CodedReply& coded, MiCode truth) {
  const int b = std::min(9, static_cast<int>(coded.confidence * 10.f));
  conf[b] += coded.confidence;
  hits[b] += coded.code == truth;
  ++count;
}

double CalibrationBins::error() const {
  double ece = 0;
  const double n = static_cast<double>(std::max<std::size_t>(count, 1));
  for (int b = 0; b < 10; ++b) ece += std::fabs(conf[b] - hits[b]) / n;
  return ece;
}

Evaluation evaluate(const std::vector<LabelledReply>& replies, const CoderWeights& weights) {
  Evaluation e;
  std::array<std::array<int, 4>, 4> class_confusion{};
  CalibrationBins bins;
  int correct = 0;
  for (const LabelledReply& r : replies) {
    const CodedReply coded = classify_reply_with(weights, r.text, r.context);
    bins.add(coded, r.code);
    const MiCode got = coded.code;
    ++e.confusion[static_cast<int>(r.code)][static_cast<int>(got)];
    ++class_confusion[static_cast<int>(code_class(r.code))][static_cast<int>(code_class(got))];
    correct += got == r.code;
  }
  const auto score = [](const auto& confusion, int k, int n) {
    Score s;
    int tp = confusion[k][k], predicted = 0, actual = 0;
    for (int i = 0; i < n; ++i) {
      predicted += confusion[i][k];
      actual += confusion[k][i];
    }
    s.support = actual;
    s.precision = predicted ? static_cast<double>(tp) / predicted : 0.0;
    s.recall = actual ? static_cast<double>(tp) / actual : 0.0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
    return s;
  };
  for (int k = 0; k < kMiCodeCount; ++k) {
    e.codes[k] = score(e.confusion, k, kMiCodeCount);
    e.code_macro_f1 += e.codes[k].f1 / kMiCodeCount;
  }
  for (int k = 0; k < 4; ++k) {
    e.classes[k] = score(class_confusion, k, 4);
    e.class_macro_f1 += e.classes[k].f1 / 4;
  }
  e.accuracy = replies.empty() ? 0.0 : static_cast<double>(correct) / replies.size();
  e.calibration_error = bins.error();
  return e;
}

}  // namespace coder
}  // namespace rapport
