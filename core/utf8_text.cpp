// Implementation of utf8_text.h.
#include "utf8_text.h"

#include <cstdint>

namespace rapport {

size_t utf8_char_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

namespace {

/// Bytes of the character at `i`, counting only continuation bytes that are really there.
size_t char_at(std::string_view text, size_t i) {
  size_t len = utf8_char_length(static_cast<unsigned char>(text[i]));
  size_t n = 1;
  while (n < len && i + n < text.size() && (static_cast<unsigned char>(text[i + n]) >> 6) == 0x2) ++n;
  return n;
}

}  // namespace

std::string_view utf8_prefix(std::string_view text, size_t max_bytes) {
  size_t i = 0;
  while (i < text.size()) {
    size_t n = char_at(text, i);
    if (i + n > max_bytes) break;
    i += n;
  }
  return text.substr(0, i);
}

std::string_view utf8_first_chars(std::string_view text, size_t max_chars) {
  size_t i = 0;
  for (size_t count = 0; i < text.size() && count < max_chars; ++count) i += char_at(text, i);
  return text.substr(0, i);
}

size_t utf8_valid_char_at(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc >> 6) != 0x2) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

bool utf8_valid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8_valid_char_at(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string utf8_repaired(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8_valid_char_at(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string utf8_initials(std::string_view name) {
  std::string out;
  int taken = 0;
  bool start = true;
  for (size_t i = 0; i < name.size() && taken < 2;) {
    size_t n = char_at(name, i);
    if (name[i] == ' ')
      start = true;
    else if (start) {
      out.append(name.substr(i, n));
      ++taken;
      start = false;
    }
    i += n;
  }
  return out;
}

}  // namespace rapport
