// The motivational-interviewing reply codes (MITI 4.2.1 behaviour codes, questions split
// open/closed as in MISC), their display names and how they fold into summary classes.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace rapport {

enum class MiCode {
  OpenQuestion,
  ClosedQuestion,
  SimpleReflection,
  ComplexReflection,
  Affirm,
  EmphasizeAutonomy,
  SeekCollaboration,
  GivingInformation,
  Persuade,
  PersuadeWithPermission,
  Confront,
  Other,
};
inline constexpr int kMiCodeCount = 12;

/// Each code's identifier, by enum value: the one name a code has in files, scenario JSON, saved
/// sessions, LMS suspend data and the trained weights. mi_codes.cpp checks at compile time that
/// its table follows this order; never reorder, only append (before Other would renumber it).
inline constexpr std::array<std::string_view, kMiCodeCount> kMiCodeIds{
    "open_question", "closed_question",          "simple_reflection",  "complex_reflection",
    "affirm",        "emphasize_autonomy",       "seek_collaboration", "giving_information",
    "persuade",      "persuade_with_permission", "confront",           "other"};

/// The four classes used by reports and the hidden evaluation.
enum class MiClass { Question, Reflection, Information, Else };

/// The reaction classes a scenario node answers typed replies with (finer than MiClass:
/// "everything else" is split by whether the reply is MI-adherent).
enum class ReactionClass { Question, Reflection, Support, Information, Pressure, Other };
inline constexpr int kReactionClassCount = 6;

/// All codes in declaration order.
const std::array<MiCode, kMiCodeCount>& all_mi_codes();

/// Snake-case identifier used in files and JSON, e.g. "open_question".
std::string_view code_id(MiCode code);
/// Parses an identifier; nullopt when unknown.
std::optional<MiCode> parse_code(std::string_view id);
/// Short label shown on a code chip, e.g. "open question", "advice without permission".
std::string_view code_label(MiCode code);

MiClass code_class(MiCode code);
std::string_view class_id(MiClass cls);

ReactionClass reaction_class(MiCode code);
std::string_view reaction_class_id(ReactionClass cls);
std::optional<ReactionClass> parse_reaction_class(std::string_view id);

/// MITI 4.2.1 MI-adherent: affirm, emphasize autonomy, seek collaboration, persuade with permission.
bool is_mi_adherent(MiCode code);
/// MITI 4.2.1 MI-non-adherent: confront, persuade (without permission).
bool is_mi_non_adherent(MiCode code);
/// Replies an MI coach would count in the learner's favour (adherent, reflections, open questions).
bool is_mi_consistent(MiCode code);

}  // namespace rapport
