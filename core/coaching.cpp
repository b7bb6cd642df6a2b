// The coaching tips per MI code.
#include "coaching.h"

namespace rapport {

std::string_view coaching_tip(MiCode code) {
  switch (code) {
    case MiCode::OpenQuestion:
      return "Good: an open question lets the client say what matters to them. Follow it with a reflection.";
    case MiCode::ClosedQuestion:
      return "Closed questions get facts. To hear the concern behind them, try 'what' or 'how'.";
    case MiCode::SimpleReflection:
      return "You showed you heard. Next time add the feeling or meaning behind their words.";
    case MiCode::ComplexReflection:
      return "Strong: you named what was under the words. This builds trust fastest.";
    case MiCode::Affirm:
      return "Recognising the client's effort or values keeps them engaged. Keep it specific.";
    case MiCode::EmphasizeAutonomy:
      return "Putting the choice with the client lowers resistance.";
    case MiCode::SeekCollaboration:
      return "Inviting their ideas makes the plan theirs.";
    case MiCode::GivingInformation:
      return "Information lands better after you ask what they already know or want to hear.";
    case MiCode::Persuade:
      return "Advice without permission invites push-back. Ask first: 'Would it help if I shared an idea?'";
    case MiCode::PersuadeWithPermission:
      return "Advice offered with room to disagree keeps the client in charge.";
    case MiCode::Confront:
      return "Arguing or blaming hardens the client's position. Reflect their view before offering yours.";
    case MiCode::Other:
      return "Say more: a question or a reflection moves the conversation forward.";
  }
  return "";
}

}  // namespace rapport
