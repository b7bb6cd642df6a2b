// Tables behind mi_codes.h.
#include "mi_codes.h"

namespace rapport {
namespace {

struct CodeInfo {
  MiCode code;
  std::string_view id;
  std::string_view label;
  MiClass cls;
  ReactionClass reaction;
};

constexpr std::array<CodeInfo, kMiCodeCount> kCodes{{
    {MiCode::OpenQuestion, "open_question", "open question", MiClass::Question, ReactionClass::Question},
    {MiCode::ClosedQuestion, "closed_question", "closed question", MiClass::Question, ReactionClass::Question},
    {MiCode::SimpleReflection, "simple_reflection", "simple reflection", MiClass::Reflection,
     ReactionClass::Reflection},
    {MiCode::ComplexReflection, "complex_reflection", "complex reflection", MiClass::Reflection,
     ReactionClass::Reflection},
    {MiCode::Affirm, "affirm", "affirmation", MiClass::Else, ReactionClass::Support},
    {MiCode::EmphasizeAutonomy, "emphasize_autonomy", "emphasises autonomy", MiClass::Else, ReactionClass::Support},
    {MiCode::SeekCollaboration, "seek_collaboration", "seeks collaboration", MiClass::Else, ReactionClass::Support},
    {MiCode::GivingInformation, "giving_information", "information", MiClass::Information, ReactionClass::Information},
    {MiCode::Persuade, "persuade", "advice without permission", MiClass::Information, ReactionClass::Pressure},
    {MiCode::PersuadeWithPermission, "persuade_with_permission", "advice with permission", MiClass::Information,
     ReactionClass::Information},
    {MiCode::Confront, "confront", "confrontation", MiClass::Else, ReactionClass::Pressure},
    {MiCode::Other, "other", "other", MiClass::Else, ReactionClass::Other},
}};

// The table's order is the enum's, and its ids are kMiCodeIds: a code read by index (the trained
// weights' columns, all_mi_codes()) is the code it names.
constexpr bool table_in_enum_order() {
  for (int i = 0; i < kMiCodeCount; ++i)
    if (static_cast<int>(kCodes[i].code) != i || kCodes[i].id != kMiCodeIds[i]) return false;
  return true;
}
static_assert(table_in_enum_order(), "kCodes must list every MiCode in enum order with its kMiCodeIds id");
static_assert(static_cast<int>(MiCode::Other) + 1 == kMiCodeCount, "kMiCodeCount must count every MiCode");

constexpr std::array<std::string_view, kReactionClassCount> kReactionIds{"question",    "reflection", "support",
                                                                         "information", "pressure",   "other"};

const CodeInfo& info(MiCode code) { return kCodes[static_cast<int>(code)]; }

}  // namespace

const std::array<MiCode, kMiCodeCount>& all_mi_codes() {
  static const std::array<MiCode, kMiCodeCount> codes = [] {
    std::array<MiCode, kMiCodeCount> out{};
    for (int i = 0; i < kMiCodeCount; ++i) out[i] = kCodes[i].code;
    return out;
  }();
  return codes;
}

std::string_view code_id(MiCode code) { return info(code).id; }
std::string_view code_label(MiCode code) { return info(code).label; }
MiClass code_class(MiCode code) { return info(code).cls; }
ReactionClass reaction_class(MiCode code) { return info(code).reaction; }

std::optional<MiCode> parse_code(std::string_view id) {
  for (const auto& c : kCodes)
    if (c.id == id) return c.code;
  return std::nullopt;
}

std::string_view class_id(MiClass cls) {
  switch (cls) {
    case MiClass::Question: return "question";
    case MiClass::Reflection: return "reflection";
    case MiClass::Information: return "information";
    case MiClass::Else: return "other";
  }
  return "other";
}

std::string_view reaction_class_id(ReactionClass cls) { return kReactionIds[static_cast<int>(cls)]; }

std::optional<ReactionClass> parse_reaction_class(std::string_view id) {
  for (int i = 0; i < kReactionClassCount; ++i)
    if (kReactionIds[i] == id) return static_cast<ReactionClass>(i);
  return std::nullopt;
}

bool is_mi_adherent(MiCode code) {
  return code == MiCode::Affirm || code == MiCode::EmphasizeAutonomy || code == MiCode::SeekCollaboration ||
         code == MiCode::PersuadeWithPermission;
}

bool is_mi_non_adherent(MiCode code) { return code == MiCode::Confront || code == MiCode::Persuade; }

bool is_mi_consistent(MiCode code) {
  return is_mi_adherent(code) || code == MiCode::SimpleReflection || code == MiCode::ComplexReflection ||
         code == MiCode::OpenQuestion;
}

}  // namespace rapport
