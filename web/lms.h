// The LMS (SCORM 1.2 / 2004) side of the web app: reports replies, scores and completion through
// the page's SCORM bridge (web/lms.js, window.rapportLms) and keeps a compact copy of the
// progress record in the LMS's resume field (core/suspend.h), so a learner resumes in the LMS
// even when the browser's local storage is cleared or partitioned in the LMS's frame.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app.h"
#include "lms_store.h"
#include "progress.h"

namespace rapport::web {

/// True when lms.js found an LMS API and initialised the attempt.
bool lms_connected();

/// True when the LMS opened this launch in review or browse mode: nothing is recorded.
bool lms_review_mode();

/// The LMS's suspend_data through window.rapportLms (the policy is core/lms_store.h's).
class JsResumeField : public LmsResumeField {
 public:
  std::string read() override;
  bool write(const std::string& data) override;
  size_t limit() const override;
};

/// When an LMS is connected, chains LMS reporting onto the session events in `services` (a kiosk's
/// visitors' sessions are reported too). Where progress is kept is ProgressStorage's choice
/// (core/lms_store.h). Without an LMS it changes nothing.
void install_lms(rapport::ui::AppServices& services);

}  // namespace rapport::web
