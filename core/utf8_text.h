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

/// Up to two initials for an avatar: the first character of the first two words ("Élodie Martin"
/// gives "ÉM"); whole characters only.
std::string utf8_initials(std::string_view name);

}  // namespace rapport
