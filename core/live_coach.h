// Live coaching beside the conversation (wide screens): the session's MITI summary scores so far,
// each with its band, and one thing to try next, decided from the transcript and the client's
// latest line.
#pragma once

#include <string>
#include <vector>

#include "dialogue.h"
#include "scoring.h"

namespace rapport {

struct CoachFigure {
  std::string label;    // "Reflections to questions"
  std::string value;    // "1.5 : 1", "50%", "4 of 5"
  std::string target;   // "good is 2 : 1"
  bool banded = false;  // false before there is anything to rate
  Band band = Band::BelowFair;
};

struct LiveCoaching {
  std::vector<CoachFigure> figures;  // reflections to questions, complex reflections, MI-consistent replies
  std::string next;                  // one thing to try with the next reply
  std::string why;                   // what in the session led to it
};

/// The reflections-to-questions figure is rated (banded) once the learner has asked or reflected
/// this many times; before that its value shows without a verdict.
inline constexpr int kRateRatioFrom = 3;

/// Coaching on the session so far. Rules, first match wins: nothing said yet; the last reply was
/// MI-inconsistent (confront, persuade without permission); the client's latest line was change
/// talk, then sustain talk; more questions than reflections after two questions; reflections
/// mostly simple after two; otherwise keep going and summarise.
LiveCoaching live_coaching(const Dialogue& dialogue);

}  // namespace rapport
