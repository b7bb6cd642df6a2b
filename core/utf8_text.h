// UTF-8-safe text cutting: every place that shortens text (dates, avatars, labels, resume data)
// cuts between whole characters, so nothing downstream meets half a character.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rapport {

/// Length in bytes of the UTF-8 character starting with `lead` (1 for a stray byte).
size_t utf8_char_length(unsigned char lead);

/// The longest prefix of `text` of at most `max_bytes` bytes that ends on a character boundary.
std::string_view utf8_prefix(std::string_view text, size_t max_bytes);

/// The first `max_chars` characters of `text` (whole characters, never a broken one).
std::string_view utf8_first_chars(std::string_view text, size_t max_chars);

/// Length of the well-formed UTF-8 character at `i` of `s` (no overlong forms, surrogates or code
/// points past U+10FFFF); 0 when the bytes there are not one.
size_t utf8_valid_char_at(std::string_view s, size_t i);

/// Whether all of `s` is well-formed UTF-8.
bool utf8_valid(std::string_view s);

/// `s` with every byte that does not belong to a well-formed character replaced by U+FFFD, so that
/// a JSON parser accepts it and every well-formed character is kept exactly.
std::string utf8_repaired(std::string_view s);

/// Up to two initials for an avatar: the first character of the first two words ("Élodie Martin"
/// gives "ÉM"); whole characters only.
std::string utf8_initials(std::string_view name);

}  // namespace rapport
