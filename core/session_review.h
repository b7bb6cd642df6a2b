// A finished session looked at again from the learner's history: what the Progress screen opens
// when a history row is chosen. Built from the stored SessionRecord alone (the scenario may have
// changed or be missing since), tolerant of old records and of transcripts removed to save space.
#pragma once

#include <string>
#include <vector>

#include "mi_codes.h"
#include "progress.h"
#include "scenario.h"

namespace rapport {

struct ReviewTurn {
  std::string client;      // what the client had said
  std::string reply;       // what the learner said, exactly as chosen or typed
  std::string code_label;  // "Open question" (code_chip_text); empty when the stored code is unknown
  bool monologue = false;  // a typed reply over kRamblingWords
  bool heard_as_advice = false;
  bool consistent = false;    // the code is MI-consistent
  bool inconsistent = false;  // persuade or confront
  bool typed = false;
  std::string tip;
  /// The coach's note on the reply as the conversation showed it ("Heard: ..." and the tip);
  /// empty when the record holds neither.
  std::string coach_note;
};

struct SessionReview {
  std::string title;    // the scenario's title, or its id when it is not in this library
  std::string client;   // the client's name, when the scenario is known
  std::string date;     // the day it finished, "2026-12-03"
  std::string outcome;  // the ending's title
  std::string kind;     // breakthrough, partial, rupture
  int score = 0;
  bool typed = false;
  std::string replies;  // "chosen replies", "typed replies", "3 of 6 typed" (replies_given)
  std::string retry;    // "Retry from your reply 6" (retry_text); empty for a run from the start
  std::vector<ReviewTurn> turns;
  std::string last_words;  // the client's final line, when stored
  std::string journal;
  std::string followup_email;  // the learner's own email, when they wrote one
  /// The button that plays the session again to write or finish its email (Session::reopen):
  /// "Write the follow-up email" or "Edit the follow-up email"; empty when the record cannot be
  /// played again (its scenario is gone, it predates the kept start, its transcript was dropped).
  std::string followup_button;
  /// Why no transcript is shown, or which parts could not be read; empty when all is there.
  std::string note;
};

/// Reads `record` for display; `scenario` is the library's scenario of that id, or nullptr when
/// it is no longer there. Never throws, whatever the stored transcript holds.
SessionReview review_session(const SessionRecord& record, const Scenario* scenario);

/// How a session's replies were given, for the progress list and the history: "chosen", "typed",
/// or "3 of 6 typed" when the learner did both (reviewer O read "typed" on a session where half
/// the replies were chosen). Counted from the transcript when it is kept; without it, a session
/// with a typed reply is "some typed".
std::string replies_given(const SessionRecord& record);

}  // namespace rapport
