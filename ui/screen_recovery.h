// The recovery screen, drawn instead of the app when something escaped a frame, start-up or an
// entry point (web/main.cpp catches it): what happened, and the two ways on. It reads nothing
// from the App, which may be in any state by then.
#pragma once

#include <string>

namespace rapport::ui {

struct RecoveryScreen {
  std::string error;   // what escaped, for the learner (the console has it too)
  std::string status;  // the result of the last action ("Your data was downloaded.")
};

/// What the learner asked for this frame.
struct RecoveryRequest {
  bool export_data = false;
  bool start_fresh = false;
};

/// Draws the screen over the whole display; buttons are labelled "recovery:export" and
/// "recovery:fresh" in the hit table.
RecoveryRequest draw_recovery(const RecoveryScreen& screen);

}  // namespace rapport::ui
