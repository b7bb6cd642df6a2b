// A reply in another language is not coded as if it were English (reviewer V).
#include <gtest/gtest.h>

#include "reply_coder.h"
#include "reply_language.h"

namespace rapport::coder {
namespace {

TEST(ReplyLanguage, RepliesInOtherLanguagesAreFound) {
  for (const char* text : {
           "D'accord, on refait vos analyses dans trois mois. Qu'est-ce que vous voulez essayer d'ici là ?",
           "Vous avez peur pour votre permis.",
           "Vous avez peur pour votre permis\xE2\x80\x99.",  // a typographic apostrophe does not hide it
           "\xC2\xBFQu\xC3\xA9 es lo que m\xC3\xA1s le preocupa de la inyecci\xC3\xB3n?",
           "Ich verstehe, dass Sie sich Sorgen machen.",
           "Voc\xC3\xAA est\xC3\xA1 preocupado com isso, n\xC3\xA3o \xC3\xA9?", "Ik begrijp dat het niet makkelijk is.",
           "\xC2\xBF"
           "C\xC3\xB3mo te sientes con el nuevo horario?",  // behind an opening "¿"
       })
    EXPECT_TRUE(written_in_another_language(text)) << text;
}

TEST(ReplyLanguage, EnglishWithForeignWordsStaysEnglish) {
  for (const char* text : {
           "You said it felt like d\xC3\xA9j\xC3\xA0 vu, and that worries you.",
           "Merci for waiting, I know it's been a long week.",
           "Let's meet at the caf\xC3\xA9 on Rue des Martyrs.",
           "Tell 'em what you told me.",
           "Vous avez peur, I mean you're scared for your licence.",
           "\xC3\x87"
           "a va? \xE4\xBD\xA0\xE5\xA5\xBD \xF0\x9F\x98\x8A \xC2\xA3"
           "20 \xE2\x80\x98quoted\xE2\x80\x99",
           "So the El Ni\xC3\xB1o year hit the Los Angeles office hardest.",
           "Per the contract, para 3 says the MIT study is est. 2019.",
       })
    EXPECT_FALSE(written_in_another_language(text)) << text;
}

TEST(ReplyLanguage, TheCoderSaysItReadsEnglishOnly) {
  const CodedReply c = classify_reply(
      "D'accord, on refait vos analyses dans trois mois. Qu'est-ce que vous voulez essayer d'ici l\xC3\xA0 ?",
      "Right then. Three months of trying my way, and if it's no better, we talk about the pen again.");
  EXPECT_EQ(c.code, MiCode::Other);
  ASSERT_FALSE(c.cues.empty());
  EXPECT_EQ(c.cues.front(), "written in another language: only English replies are coded");
  EXPECT_EQ(classify_reply("So you're scared for your licence?", "").code != MiCode::Other, true);
}

}  // namespace
}  // namespace rapport::coder
