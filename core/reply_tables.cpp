// The reply coder's phrase and word tables (kPhrases, the word lists) and the lookup tables built
// from them once; the model and the rules that read them: reply_coder.cpp.
#include <algorithm>

#include "reply_features.h"

namespace rapport {
namespace coder {
namespace detail {

struct PhraseSpec {
  PhraseGroup group;
  std::string_view phrases;  // '|'-separated
};

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
     "you want|you'd like|you're really|you don't want|you wish|felt brushed off|felt fobbed off|"
     "felt let down|felt ignored|felt dismissed|felt unheard|left in the dark|had enough of"},
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
     "can i ask|would you like to see|can i show you|could i show you|would it help to see"},
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
     "why won't you|why couldn't you|did you even|did you read|did you not|how could you not|"
     "how could you let|how could you do that|how could you do this|how could you forget|how could you be so|"
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
     "what's the best|be honest with me"},
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
// Words that may come before a commitment ("Good, I'll...", "Okay so we'll...").
constexpr std::string_view kCommitLeads = "good great okay ok right sure fine yes yeah yep alright so and well oh then";
// Words the model counts as the client's but a cue should not quote as what was restated: a
// reviewer read "restates the client's 'through'" and "...'anyone'" as the app not understanding.
constexpr std::string_view kCueDull =
    "through anyone anything something everything everyone someone nothing really always never there their "
    "about would could should being going think thing things right actually maybe because still other again "
    "though even every back much very just some him her his hers them they you your yours our ours";
// Sentences that only acknowledge what came before; never the main sentence when one precedes them.
constexpr std::string_view kAcknowledgements =
    "that's fair|that is fair|that's fair enough|fair enough|i get that|i get it|i understand|"
    "i understand that|i hear you|i hear that|that makes sense|that makes total sense|"
    "that makes a lot of sense|makes total sense|that's understandable|that is understandable|"
    "understandable|completely understandable|totally understandable|that's completely understandable|"
    "no wonder|i can see that|that's valid|that's totally valid|i'd feel the same|i would too|"
    "i don't blame you|who wouldn't|anyone would|anybody would";
constexpr std::string_view kSpeakerOwn = "i i'd i'm we really honestly personally still do just";

namespace {

/// Calls f(part) for each `sep`-separated part of `text` ('|' between phrases, ' ' between words).
template <typename F>
void for_each_part(std::string_view text, char sep, F&& f) {
  for (std::size_t i = 0; i <= text.size();) {
    std::size_t j = text.find(sep, i);
    if (j == std::string_view::npos) j = text.size();
    f(text.substr(i, j - i));
    i = j + 1;
  }
}

}  // namespace

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
      copulas(kCopulas),
      cue_dull(kCueDull),
      commit_leads(kCommitLeads) {
  for (const PhraseSpec& spec : kPhrases)
    for_each_part(spec.phrases, '|', [&](std::string_view text) {
      Phrase p{};
      p.group = spec.group;
      p.text = text;
      for_each_part(text, ' ', [&](std::string_view w) {
        if (p.count < kMaxPhraseWords) p.words[p.count++] = word_hash(w);
      });
      phrases.push_back(p);
    });
  std::stable_sort(phrases.begin(), phrases.end(),
                   [](const Phrase& a, const Phrase& b) { return a.words[0] < b.words[0]; });
  for (int i = 0; i < static_cast<int>(phrases.size()); ++i) first_words.emplace_back(phrases[i].words[0], i);
  std::vector<std::uint32_t> first_hashes;
  for (const auto& fw : first_words) first_hashes.push_back(fw.first);
  first_word_runs.build(first_hashes);
  for_each_part(kAcknowledgements, '|', [&](std::string_view text) {
    std::vector<std::uint32_t>& words = acknowledgements.emplace_back();
    for_each_part(text, ' ', [&](std::string_view w) { words.push_back(word_hash(w)); });
  });
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
  h_ill = word_hash("i'll");
  h_we_ll = word_hash("we'll");
  h_i = word_hash("i");
  h_we = word_hash("we");
  h_will = word_hash("will");
  h_im = word_hash("i'm");
  h_going = word_hash("going");
}

const Tables& tables() {
  static const Tables t;
  return t;
}

}  // namespace detail
}  // namespace coder
}  // namespace rapport
