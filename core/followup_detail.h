// Helpers shared by the follow-up email's renderer (followup.cpp) and its completeness check
// (followup_check.cpp); not part of the public interface.
#pragma once

#include <string>
#include <string_view>

namespace rapport::followup_detail {

/// ASCII letters and digits: the bytes that make up words in templates and drafts.
inline bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// "Dana Okafor" -> "Dana"; a name starting with a title ("Dr Patel") is kept whole.
std::string first_name(std::string_view name);
/// "you" -> "I will", "client" -> "You will", "both" -> "We will".
std::string owner_label(std::string_view owner);
/// A next step's text ready to follow "I will" in an email to the client.
std::string step_action(std::string_view text, std::string_view client_first_name);

}  // namespace rapport::followup_detail
