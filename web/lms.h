// The LMS (SCORM 1.2 / 2004) side of the web app: reports replies, scores and completion through
// the page's SCORM bridge (web/lms.js, window.rapportLms) and keeps a compact copy of the
// progress record in the LMS's resume field (core/suspend.h), so a learner resumes in the LMS
// even when the browser's local storage is cleared or partitioned in the LMS's frame.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app.h"
#include "progress.h"

namespace rapport::web {

/// True when lms.js found an LMS API and initialised the attempt.
bool lms_connected();

/// ProgressStore that writes through to `local` (browser local storage) and, for the progress
/// record, also to the LMS's suspend_data (then Commit). Reads prefer `local`; when it holds no
/// record, the LMS's suspend_data is decoded instead (its unfinished session in replay form).
class LmsProgressStore : public ProgressStore {
 public:
  explicit LmsProgressStore(ProgressStore& local) : local_(&local) {}
  std::optional<std::string> read(std::string_view key) override;
  bool write(std::string_view key, const std::string& value) override;
  void remove(std::string_view key) override;

 private:
  ProgressStore* local_;
  std::string last_error_;
};

/// When an LMS is connected: chains LMS reporting onto the session events in `services` and, with
/// `resume`, replaces `services.store` with an LmsProgressStore over it (kept for the program's
/// lifetime). A kiosk passes `resume` false: its visitors' sessions are still reported, but none
/// is kept in or read back from suspend_data, so the next visitor starts afresh. Without an LMS it
/// changes nothing.
void install_lms(rapport::ui::AppServices& services, bool resume = true);

}  // namespace rapport::web
