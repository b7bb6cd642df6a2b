// Tests for cleaning a reply before coding (core/reply_text.h): typography folded, transcription
// marks, fillers, stutters and cut-off words removed, and nothing else touched.
#include <gtest/gtest.h>

#include <string>

#include "reply_coder.h"
#include "reply_text.h"

namespace rapport::coder {
namespace {

std::string clean(std::string_view s) {
  std::string out;
  clean_reply(s, out);
  return out;
}

TEST(ReplyText, FoldsTypography) {
  EXPECT_EQ(clean("You\xE2\x80\x99re weighing \xC2\xA3"
                  "450\xC2\xA0"
                  "against it\xE2\x80\xA6"),
            "You're weighing \xC2\xA3"
            "450 against it...");
  EXPECT_EQ(clean("\xE2\x80\x9C"
                  "Fine,\xE2\x80\x9D she said\xEF\xBC\x9F"),
            "\"Fine,\" she said?");
}

TEST(ReplyText, RemovesFillersAndTranscriptionMarks) {
  EXPECT_EQ(clean("So, um, what happens next?"), "So, what happens next?");
  EXPECT_EQ(clean("Uh, I think [laughs] it went well."), "I think it went well.");
  EXPECT_EQ(clean("it's, you know, a lot to carry"), "it's, a lot to carry");
  EXPECT_EQ(clean("I mean, it's your money"), "it's your money");
  EXPECT_EQ(clean("and, like, the budget"), "and, the budget");
}

TEST(ReplyText, KeepsVerbsThatLookLikeFillers) {
  EXPECT_EQ(clean("You know your business best."), "You know your business best.");
  EXPECT_EQ(clean("I mean what I say."), "I mean what I say.");
  EXPECT_EQ(clean("It looks like rain."), "It looks like rain.");
}

TEST(ReplyText, RemovesStuttersAndCutOffWords) {
  EXPECT_EQ(clean("I- I think it's to-to do with the the price"), "I think it's to do with the price");
  EXPECT_EQ(clean("so what- what happens if it's compli- if it's hard?"), "so what happens if it's if it's hard?");
  EXPECT_EQ(clean("wh- when did that start"), "when did that start");
}

TEST(ReplyText, KeepsABackchannelMadeOfFillers) {
  EXPECT_EQ(clean("Mm-hmm."), "Mm-hmm.");
  EXPECT_EQ(clean("Um."), "Um.");
}

TEST(ReplyText, LeavesOtherScriptsAndEmojiAlone) {
  EXPECT_EQ(clean("\xC3\x87"
                  "a va? \xE4\xBD\xA0\xE5\xA5\xBD \xF0\x9F\x98\x8A"),
            "\xC3\x87"
            "a va? \xE4\xBD\xA0\xE5\xA5\xBD \xF0\x9F\x98\x8A");
}

TEST(ReplyText, CurlyAndStraightApostrophesCodeAlike) {
  const auto curly = classify_reply(
      "You\xE2\x80\x99re weighing \xC2\xA3"
      "450 against the risk of waiting.",
      "I don't know if I can spend that.");
  const auto straight = classify_reply(
      "You're weighing \xC2\xA3"
      "450 against the risk of waiting.",
      "I don't know if I can spend that.");
  EXPECT_EQ(curly.code, straight.code);
  EXPECT_FLOAT_EQ(curly.confidence, straight.confidence);
}

// The coder's rules search the same reply for many phrase lists (PhraseText): whole words only,
// the first phrase of the list that is anywhere in the text, at any place a word starts.
TEST(ReplyText, FindsTheFirstListedPhraseAsWholeWords) {
  constexpr std::string_view kList[] = {"your fault", "one", "0-10", "you", "'cause"};
  EXPECT_EQ(find_phrase("someone said you did", kList), "you");      // "one" only inside "someone"
  EXPECT_EQ(find_phrase("it was you, and one more", kList), "one");  // list order, not text order
  EXPECT_EQ(find_phrase("it's not your fault", kList), "your fault");
  EXPECT_EQ(find_phrase("rate it 20-100", kList), "");
  EXPECT_EQ(find_phrase("rate it 0-10 today", kList), "0-10");
  EXPECT_EQ(find_phrase("yours truly", kList), "");
  EXPECT_EQ(find_phrase("just 'cause it broke", kList), "'cause");  // a phrase that opens with '
  EXPECT_EQ(find_phrase("'cause it broke", kList), "'cause");
  EXPECT_EQ(find_phrase("", kList), "");
  EXPECT_EQ(find_phrase("yo", kList), "");  // shorter than the phrase that starts the same
  const PhraseText prepared("is it your fault or mine");
  EXPECT_EQ(prepared.find(kList), "your fault");
  constexpr std::string_view kOther[] = {"mine", "is it"};
  EXPECT_EQ(prepared.find(kOther), "mine");  // the same prepared text serves every list
}

// Contractions typed without their apostrophe read, to the rules' phrases, as written with it
// ("don't say nobody warned you", "you're wrong"); words of their own ("its", "ill", "well",
// "were", "lets") are left alone.
TEST(ReplyText, PutsBackTheApostropheOfAContractionTypedWithoutIt) {
  const auto put_back = [](std::string s) {
    put_back_apostrophes(s);
    return s;
  };
  EXPECT_EQ(put_back("Dont worry, Im sure thats fine and youre right"),
            "Don't worry, I'm sure that's fine and you're right");
  EXPECT_EQ(put_back("we shouldve checked, it wasnt its fault and she was ill, well"),
            "we should've checked, it wasn't its fault and she was ill, well");
  // "ill" before a verb of doing is "I'll" (reviewer S's "ill look into the options"); not after "was".
  EXPECT_EQ(put_back("ill look into it. I was ill last week, ill get back to you"),
            "i'll look into it. I was ill last week, i'll get back to you");
  EXPECT_EQ(put_back("CANT"), "CAN'T");
  EXPECT_EQ(put_back("don't dont-care x'dont"), "don't dont-care x'dont");
  EXPECT_EQ(classify_reply("fine, but dont say nobody warned you", "I'm not buying anything here again.").code,
            MiCode::Confront);
  EXPECT_EQ(classify_reply("Honestly youre wrong about the figures", "The figures don't add up.").code,
            MiCode::Confront);
}
}  // namespace
}  // namespace rapport::coder
