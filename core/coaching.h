// One-line coaching for each MI code: what the reply did and what to try, shown after typed
// replies and in the debrief.
#pragma once

#include <string_view>

#include "mi_codes.h"

namespace rapport {

/// A short, practical tip for a reply of this code (praise for MI-consistent codes, a concrete
/// alternative for the others).
std::string_view coaching_tip(MiCode code);

}  // namespace rapport
