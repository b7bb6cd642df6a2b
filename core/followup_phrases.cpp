// The follow-up check's phrase lists (apologies, invitations to reply, recaps, and the flags for
// blame, pressure and promised outcomes), kept apart from the check itself (followup_check.cpp).
#include "followup_detail.h"

namespace rapport::followup_detail {

std::vector<Phrase> make_phrases(std::initializer_list<const char*> texts, const char* kind) {
  std::vector<Phrase> out;
  for (const char* t : texts) {
    Phrase p{{}, kind};
    for (Word& w : split_words(t)) p.words.push_back(std::move(w.text));
    out.push_back(std::move(p));
  }
  return out;
}

/// An apology or the writer owning what went wrong ("I'm sorry", "that was down to me", "I should
/// have asked"), matched word by word: "I'm" is "i m".
const std::vector<Phrase>& repair_phrases() {
  static const std::vector<Phrase> phrases = make_phrases({"sorry",
                                                           "apologise",
                                                           "apologize",
                                                           "apologies",
                                                           "apology",
                                                           "apologising",
                                                           "apologizing",
                                                           "down to me",
                                                           "my fault",
                                                           "my mistake",
                                                           "i should have",
                                                           "i shouldn t have",
                                                           "i should not have",
                                                           "i got that wrong",
                                                           "i got it wrong",
                                                           "i was wrong",
                                                           "wrong of me",
                                                           "i regret",
                                                           "i handled that badly",
                                                           "i handled it badly"},
                                                          "");
  return phrases;
}

const std::vector<Phrase>& reply_phrases() {
  static const std::vector<Phrase> phrases = make_phrases(
      {"let me know", "reply", "get back to me", "any questions", "anything i missed", "anything i have missed",
       "anything i ve missed", "if i missed", "if i have missed", "if i ve missed", "missed anything", "correct me",
       "happy to discuss", "get in touch", "feel free", "drop me a line", "your thoughts", "tell me if",
       // A reviewer's "If I've got any of this wrong, tell me." had not counted.
       "tell me", "got any of this wrong", "got anything wrong", "got this wrong", "got it wrong", "put me right",
       "set me straight", "any thoughts", "give me a call", "call me", "ring me"},
      "");
  return phrases;
}

/// Words that open a recap of the conversation, in the ways people write one.
const std::vector<Phrase>& recap_phrases() {
  // Each needs the conversation's words after it, in its sentence or under it as a heading (the
  // skeleton's own "What I heard from you:" is one): the phrase alone recaps nothing.
  static const std::vector<Phrase> phrases = [] {
    std::vector<Phrase> all =
        make_phrases({"we discussed", "we talked about", "we talked through", "we spoke about", "we went through",
                      "we covered", "to recap", "to summarise", "to summarize", "to sum up", "in summary"},
                     "");
    std::vector<Phrase> framed =
        make_phrases({"we agreed", "you told me", "you said", "you mentioned", "you explained", "you described",
                      "what i heard", "i heard", "as i understand", "if i understood", "my understanding",
                      "you re worried", "your worry", "the worry", "your concern", "you re concerned"},
                     "");
    all.insert(all.end(), framed.begin(), framed.end());
    return all;
  }();
  return phrases;
}

const std::vector<Phrase>& flag_phrases() {
  static const std::vector<Phrase> phrases = [] {
    std::vector<Phrase> all = make_phrases(
        {"as i told you", "as i said before", "as i already said", "as i already told you", "as we already said",
         "as we already discussed", "as previously stated", "as stated before", "you failed", "you did not listen",
         "your fault", "your mistake", "your failure", "you should have", "you ignored", "per my last email",
         "as per my last email", "obviously", "clearly you"},
        "blame");
    std::vector<Phrase> pressure = make_phrases(
        {"you need to", "you must", "you have to", "final chance", "last chance", "final warning", "asap",
         "immediately", "no choice", "no other choice", "non negotiable", "or else", "without delay", "urgently"},
        "pressure");
    all.insert(all.end(), pressure.begin(), pressure.end());
    // Outcomes promised in writing: an email is what the client will hold you to.
    std::vector<Phrase> promise = make_phrases(
        {"i guarantee", "we guarantee", "i can guarantee", "we can guarantee", "guaranteed to", "guarantee it",
         "guarantee that", "guarantee you", "guarantee this", "i promise", "we promise", "i can promise",
         "i assure you", "we assure you", "can assure you", "rest assured", "you have my word", "i give you my word",
         "will definitely", "definitely will", "no question about it", "no questions asked", "will never happen again",
         "won t happen again", "will not happen again", "100 percent", "100 certain", "100 sure",
         // Reviewer Z's "I'm confident it will be successful this
         // time." (the next bid's outcome) was not flagged.
         "i m confident it will", "i am confident it will", "i m confident we will", "i m confident we ll",
         "i m sure it will", "i am sure it will", "i m certain it will", "i am certain it will", "bound to succeed",
         "sure to succeed"},
        "promise");
    all.insert(all.end(), promise.begin(), promise.end());
    // An agreement claimed in writing; flagged only where the conversation agreed no next step
    // (reviewer P's "As we agreed, we'll go live on 14 April" after a rupture had scored 100%).
    std::vector<Phrase> agreement =
        make_phrases({"as we agreed", "like we agreed", "as agreed", "we agreed", "you agreed", "you ve agreed",
                      "you have agreed", "we ve agreed", "we have agreed"},
                     "agreement");
    all.insert(all.end(), agreement.begin(), agreement.end());
    // An action already taken on the client's behalf; flagged where its sentence names no point of
    // the conversation (reviewer W's "I've also already moved £60,000 to the lower-risk fund" and
    // "I've let the board know... you're happy to close Wakefield" had passed at 90% and 66%).
    std::vector<Phrase> acted = make_phrases(
        {"i ve already",    "i have already", "we ve already",    "we have already",     "i ve also already",
         "i ve let",        "i have let",     "i ve also let",    "i ve told",           "i have told",
         "i ve also told",  "i ve spoken to", "i have spoken to", "i ve also spoken to", "i ve informed",
         "i have informed", "i ve moved",     "i ve transferred", "i ve switched",       "i ve sold",
         "i ve cancelled",  "i ve signed you"},
        "acted");
    all.insert(all.end(), acted.begin(), acted.end());
    return all;
  }();
  return phrases;
}

}  // namespace rapport::followup_detail
