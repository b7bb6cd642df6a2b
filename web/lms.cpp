// JavaScript glue for lms.h: calls into window.rapportLms (web/lms.js) and the LMS-backed store.
#include "lms.h"

#include "json_guard.h"

#include <cstdlib>

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include "mi_codes.h"

// clang-format off
// clang-format off
EM_JS(int, js_lms_connected, (), {
  return window.rapportLms && window.rapportLms.connected ? 1 : 0;
});
// clang-format on

// clang-format off
EM_JS(char*, js_lms_suspend_data, (), {
  var v = window.rapportLms && window.rapportLms.suspendData;
  if (!v) return 0;
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});
// clang-format on

// clang-format off
EM_JS(int, js_lms_suspend_limit, (), {
  var n = window.rapportLms && Number(window.rapportLms.suspendLimit);
  return n > 0 ? n : 4096;
});
// clang-format on

// clang-format off
EM_JS(void, js_lms_call, (const char* method, const char* json), {
  var lms = window.rapportLms;
  var name = UTF8ToString(method);
  if (!lms || !lms.connected || typeof lms[name] !== 'function') return;
  try {
    var text = UTF8ToString(json);
    lms[name](name === 'saveSuspendData' || name === 'sessionStarted' ? text : JSON.parse(text));
  } catch (e) { console.warn('Rapport LMS: ' + name + ' failed: ' + e.message); }
});
// clang-format on

// clang-format off
EM_JS(int, js_lms_review, (), {
  return window.rapportLms && window.rapportLms.review ? 1 : 0;
});
// clang-format on

// clang-format off
EM_JS(int, js_lms_save_suspend_data, (const char* data), {
  var lms = window.rapportLms;
  if (!lms || !lms.connected || typeof lms.saveSuspendData !== 'function') return 0;
  try { return lms.saveSuspendData(UTF8ToString(data)) === false ? 0 : 1; }
  catch (e) { console.warn('Rapport LMS: saveSuspendData failed: ' + e.message); return 0; }
});
// clang-format on
// clang-format on

namespace rapport::web {

using json = nlohmann::json;

namespace {

void lms_call(const char* method, const std::string& arg) { js_lms_call(method, arg.c_str()); }

/// The letter of an offered reply as SCORM choice responses spell it: a, b, c, ...
std::string choice_letter(int offered_index) {
  if (offered_index < 0) return "a";
  if (offered_index < 26) return std::string(1, static_cast<char>('a' + offered_index));
  return std::to_string(offered_index + 1);
}

}  // namespace

bool lms_connected() { return js_lms_connected() != 0; }

bool lms_review_mode() { return js_lms_review() != 0; }

std::string JsResumeField::read() {
  char* p = js_lms_suspend_data();
  if (!p) return {};
  std::string data(p);
  std::free(p);
  return data;
}

bool JsResumeField::write(const std::string& data) { return js_lms_save_suspend_data(data.c_str()) != 0; }

size_t JsResumeField::limit() const { return static_cast<size_t>(js_lms_suspend_limit()); }

void install_lms(rapport::ui::AppServices& services) {
  if (!lms_connected()) return;

  auto started = services.session_started;
  services.session_started = [started](const Dialogue& d) {
    if (started) started(d);
    lms_call("sessionStarted", d.scenario().id);
  };

  auto turn_finished = services.turn_finished;
  services.turn_finished = [turn_finished](const Dialogue& d, const Turn& t) {
    if (turn_finished) turn_finished(d, t);
    json turn = {{"scenario", d.scenario().id},
                 {"turn", d.transcript().size()},
                 {"typed", t.typed},
                 {"response", t.typed ? t.reply : choice_letter(t.choice)},
                 {"correct", is_mi_consistent(t.code)},
                 {"code", std::string(code_label(t.code))},
                 {"client", t.client_line}};
    lms_call("recordTurn", turn.dump(-1, ' ', false, json::error_handler_t::replace));
  };

  // The LMS keeps the best score of the attempt, so a score raised later by the follow-up email
  // is reported the same way. A retry's score is not the learner's: it knew how its run went.
  auto report = [](const Dialogue& d, const SessionScore& score, const SessionRecord& rec) {
    json result = {{"scenario", d.scenario().id},
                   {"score", score.total},
                   {"outcome", rec.outcome},
                   {"counts", rec.counts_as_run()}};
    lms_call("sessionFinished", result.dump(-1, ' ', false, json::error_handler_t::replace));
  };
  auto finished = services.session_finished;
  services.session_finished = [finished, report](const Dialogue& d, const SessionScore& score,
                                                 const SessionRecord& rec) {
    if (finished) finished(d, score, rec);
    report(d, score, rec);
  };
  auto rescored = services.session_rescored;
  services.session_rescored = [rescored, report](const Dialogue& d, const SessionScore& score,
                                                 const SessionRecord& rec) {
    if (rescored) rescored(d, score, rec);
    report(d, score, rec);
  };
}

}  // namespace rapport::web
