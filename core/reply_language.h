// Whether a typed reply is written in another language than English: the coder reads English
// only, and a French or Spanish reply read through English eyes gets a confident wrong code
// (reviewer V: "Qu'est-ce que vous voulez essayer d'ici là ?" was a closed question, and the
// client answered it in English).
#pragma once

#include <string_view>

namespace rapport::coder {

/// True when the reply's words are mostly the common little words of French, Spanish,
/// Portuguese, Italian, German or Dutch rather than of English: at least two such words, and more
/// than twice as many as English ones. Words both languages share ("a", "on", "in", "die", "was",
/// "per") count for neither, so an English reply with a foreign name or phrase in it stays English.
bool written_in_another_language(std::string_view text);

}  // namespace rapport::coder
