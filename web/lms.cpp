// JavaScript glue for lms.h: calls into window.rapportLms (web/lms.js) and the LMS-backed store.
#include "lms.h"

#include "json_guard.h"

#include <cstdlib>
#include <memory>

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include "mi_codes.h"
#include "suspend.h"

// clang-format off
EM_JS(int, js_lms_connected, (), {
  return window.rapportLms && window.rapportLms.connected ? 1 : 0;
});

EM_JS(char*, js_lms_suspend_data, (), {
  var v = window.rapportLms && window.rapportLms.suspendData;
  if (!v) return 0;
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});

EM_JS(int, js_lms_suspend_limit, (), {
  var n = window.rapportLms && Number(window.rapportLms.suspendLimit);
  return n > 0 ? n : 4096;
});

EM_JS(void, js_lms_call, (const char* method, const char* json), {
  var lms = window.rapportLms;
  var name = UTF8ToString(method);
  if (!lms || !lms.connected || typeof lms[name] !== 'function') return;
  try {
    var text = UTF8ToString(json);
    lms[name](name === 'saveSuspendData' || name === 'sessionStarted' ? text : JSON.parse(text));
  } catch (e) { console.warn('Rapport LMS: ' + name + ' failed: ' + e.message); }
});

EM_JS(void, js_lms_warn, (const char* text), {
  console.warn('Rapport LMS: ' + UTF8ToString(text));
});
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

std::optional<std::string> LmsProgressStore::read(std::string_view key) {
  if (auto local = local_->read(key)) return local;
  if (key != kProgressKey) return std::nullopt;
  char* p = js_lms_suspend_data();
  if (!p) return std::nullopt;
  std::string data(p);
  std::free(p);
  std::string error;
  auto record = decode_suspend_data(data, &error);
  if (!record) {
    if (error != last_error_) js_lms_warn(("the LMS's resume data was not used: " + error).c_str());
    last_error_ = error;
    return std::nullopt;
  }
  return safe_dump(progress_to_json(*record));
}

bool LmsProgressStore::write(std::string_view key, const std::string& value) {
  if (key == kProgressKey) {
    if (auto record = progress_from_json_text(value, nullptr))
      lms_call("saveSuspendData", encode_suspend_data(*record, static_cast<size_t>(js_lms_suspend_limit())));
  }
  bool ok = local_->write(key, value);
  // A stale local copy must never shadow the newer one just given to the LMS.
  if (!ok && key == kProgressKey) local_->remove(key);
  return ok;
}

void LmsProgressStore::remove(std::string_view key) { local_->remove(key); }

void install_lms(rapport::ui::AppServices& services, bool resume) {
  if (!lms_connected() || !services.store) return;
  if (resume) {
    static std::unique_ptr<LmsProgressStore> store;
    if (!store) store = std::make_unique<LmsProgressStore>(*services.store);
    services.store = store.get();
  }

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
  // is reported the same way.
  auto report = [](const Dialogue& d, const SessionScore& score, const SessionRecord& rec) {
    json result = {{"scenario", d.scenario().id}, {"score", score.total}, {"outcome", rec.outcome}};
    lms_call("sessionFinished", result.dump(-1, ' ', false, json::error_handler_t::replace));
  };
  auto finished = services.session_finished;
  services.session_finished = [finished, report](const Dialogue& d, const SessionScore& score, const SessionRecord& rec) {
    if (finished) finished(d, score, rec);
    report(d, score, rec);
  };
  auto rescored = services.session_rescored;
  services.session_rescored = [rescored, report](const Dialogue& d, const SessionScore& score, const SessionRecord& rec) {
    if (rescored) rescored(d, score, rec);
    report(d, score, rec);
  };
}

}  // namespace rapport::web
