// The cues a coded reply shows the learner ("starts with 'what'", "restates the client's
// 'budget'"): the hand features that most favoured the chosen code, kept to reasons a trainer
// would give for that code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mi_codes.h"
#include "reply_coder.h"
#include "reply_features.h"

namespace rapport {
namespace coder {
namespace detail {

std::string in_quotes(std::string_view s);

/// Up to three cues for `code`, one of each kind; a fallback when no feature explains it.
std::vector<std::string> model_cues(const CoderWeights& w, const ReplyFeatures& f, MiCode code, std::string_view text);

}  // namespace detail
}  // namespace coder
}  // namespace rapport
