// Telling a reply in another language from an English one (see reply_language.h).
#include "reply_language.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace rapport::coder {

namespace {

// Common words of other languages that are not English words. Sorted, for binary search.
constexpr std::string_view kForeign[] = {
    "aber",  "auch",     "auf",      "avec",    "avez",    "bien",     "bitte",  "bonjour",  "c'est",  "ce",
    "ces",   "cette",    "che",      "ciao",    "como",    "cosa",     "cómo",   "d'accord", "d'ici",  "danke",
    "dans",  "das",      "dass",     "del",     "der",     "des",      "dich",   "du",       "een",    "ein",
    "eine",  "el",       "elle",     "elles",   "então",   "es",       "eso",    "est",      "esta",   "este",
    "esto",  "está",     "et",       "für",     "gracias", "grazie",   "haben",  "het",      "hola",   "ich",
    "ihnen", "ihr",      "ihre",     "ik",      "il",      "ils",      "isso",   "ist",      "j'ai",   "je",
    "jij",   "kann",     "können",   "las",     "le",      "lei",      "les",    "leur",     "los",    "là",
    "maar",  "macht",    "mais",     "mehr",    "meisten", "merci",    "mich",   "mit",      "moi",    "mois",
    "molto", "muito",    "muy",      "n'est",   "nicht",   "niet",     "noch",   "nosotros", "notre",  "nous",
    "não",   "obrigada", "obrigado", "ook",     "oui",     "para",     "pas",    "perché",   "pero",   "peur",
    "peut",  "più",      "por",      "pour",    "puede",   "puedo",    "qu'est", "que",      "questa", "questo",
    "qui",   "quiere",   "qué",      "schon",   "sehr",    "sie",      "sind",   "sono",     "sont",   "sorgen",
    "sua",   "suis",     "sur",      "también", "também",  "tengo",    "tiene",  "trois",    "très",   "tu",
    "una",   "und",      "une",      "usted",   "ustedes", "verstehe", "você",   "vocês",    "voor",   "vos",
    "votre", "voulez",   "vous",     "wat",     "wenn",    "wie",      "wij",    "wir",      "y",      "zijn",
    "zu",    "ça",       "é",        "êtes",    "être",
};

// Common English words: the little words nearly every English sentence has.
constexpr std::string_view kEnglish[] = {
    "about", "and",   "are",  "be",    "been", "but",  "can",   "could", "did",    "do",   "does",   "don't", "for",
    "from",  "had",   "has",  "have",  "he",   "her",  "his",   "how",   "i",      "i'm",  "if",     "is",    "it",
    "it's",  "just",  "know", "me",    "more", "my",   "not",   "of",    "our",    "she",  "should", "so",    "that",
    "the",   "their", "them", "there", "they", "this", "to",    "us",    "want",   "we",   "were",   "what",  "when",
    "where", "which", "who",  "why",   "will", "with", "would", "you",   "you're", "your",
};

static_assert(std::is_sorted(std::begin(kForeign), std::end(kForeign)), "kForeign is searched by halves");
static_assert(std::is_sorted(std::begin(kEnglish), std::end(kEnglish)), "kEnglish is searched by halves");

bool sorted_contains(const std::string_view* begin, const std::string_view* end, std::string_view w) {
  return std::binary_search(begin, end, w);
}

bool word_byte(unsigned char c) { return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\''; }

}  // namespace

bool written_in_another_language(std::string_view text) {
  int foreign = 0, english = 0;
  thread_local std::string word;  // reused: no allocation per reply once it has grown
  word.clear();
  auto count = [&] {
    while (!word.empty() && word.front() == '\'') word.erase(word.begin());
    while (!word.empty() && word.back() == '\'') word.pop_back();
    if (word.empty()) return;
    // The capital letters of the words above that open a sentence.
    if (word.rfind("\xC3\x87", 0) == 0) word.replace(0, 2, "\xC3\xA7");  // Ç -> ç
    if (word.rfind("\xC3\x89", 0) == 0) word.replace(0, 2, "\xC3\xA9");  // É -> é
    foreign += sorted_contains(std::begin(kForeign), std::end(kForeign), word);
    english += sorted_contains(std::begin(kEnglish), std::end(kEnglish), word);
    word.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // A typographic apostrophe (U+2019) is an apostrophe.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x99) {
      word += '\'';
      i += 2;
      continue;
    }
    // Spanish and French marks that open or close a phrase: U+00BF, U+00A1, U+00AB, U+00BB.
    if (c == 0xC2 && i + 1 < text.size()) {
      const unsigned char d = static_cast<unsigned char>(text[i + 1]);
      if (d == 0xBF || d == 0xA1 || d == 0xAB || d == 0xBB) {
        count();
        ++i;
        continue;
      }
    }
    if (word_byte(c)) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
      continue;
    }
    count();
  }
  count();
  return foreign >= 2 && foreign > 2 * english;
}

}  // namespace rapport::coder
