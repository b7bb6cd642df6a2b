// JavaScript glue for browser.h. Every call guards against storage being absent or full.
#include "browser.h"

#include <cstdlib>

#include <emscripten.h>
#include <nlohmann/json.hpp>

// clang-format off
// clang-format off
EM_JS(char*, js_storage_get, (const char* key), {
  try {
    var v = window.localStorage.getItem(UTF8ToString(key));
    if (v === null) return 0;
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
  } catch (e) { return 0; }
});
// clang-format on

// clang-format off
EM_JS(int, js_storage_set, (const char* key, const char* value), {
  try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); return 1; }
  catch (e) { return 0; }
});
// clang-format on

// clang-format off
EM_JS(void, js_storage_remove, (const char* key), {
  try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});
// clang-format on

// clang-format off
EM_JS(void, js_console, (int error, const char* text), {
  (error ? console.error : console.warn).call(console, UTF8ToString(text));
});
// clang-format on

// clang-format off
EM_JS(void, js_announce, (const char* text), {
  var el = document.getElementById('live');
  if (el) el.textContent = UTF8ToString(text);
});
// clang-format on

// clang-format off
EM_JS(char*, js_now_iso, (), {
  var s = new Date().toISOString();
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
// clang-format on

// clang-format off
EM_JS(void, js_publish_frame, (int frames, int presented), {
  var r = window.rapport || (window.rapport = {});
  if (!Object.getOwnPropertyDescriptor(r, 'hitsJson')) {
    var last = '[]';
    Object.defineProperty(r, 'hitsJson', {configurable: true, enumerable: true, get: function() {
      try { last = UTF8ToString(_rapport_hits_json()); } catch (e) { /* a stopped runtime: the last read */ }
      return last;
    }});
  }
  r.frames = frames;
  r.presented = presented;
  r.ready = true;
});
// clang-format on

// clang-format off
EM_JS(void, js_publish_text_px, (float smallest, float body), {
  var r = window.rapport || (window.rapport = {});
  r.textPx = {smallest: smallest, body: body};
});
// clang-format on

// clang-format off
EM_JS(void, js_first_frame, (), {
  if (window.rapportShell && window.rapportShell.firstFrame) window.rapportShell.firstFrame();
});
// clang-format on
// clang-format on

namespace rapport::web {

std::optional<std::string> LocalStorageStore::read(std::string_view key) {
  std::string k(key);
  char* p = js_storage_get(k.c_str());
  if (!p) return std::nullopt;
  std::string out(p);
  std::free(p);
  return out;
}

bool LocalStorageStore::write(std::string_view key, const std::string& value) {
  std::string k(key);
  return js_storage_set(k.c_str(), value.c_str()) != 0;
}

void LocalStorageStore::remove(std::string_view key) {
  std::string k(key);
  js_storage_remove(k.c_str());
}

void announce(const std::string& text) { js_announce(text.c_str()); }

std::string now_iso() {
  char* p = js_now_iso();
  std::string out(p);
  std::free(p);
  return out;
}

void publish_frame(int frames_drawn, int frames_presented) { js_publish_frame(frames_drawn, frames_presented); }
void publish_text_px(float smallest, float body) { js_publish_text_px(smallest, body); }

void first_frame_shown() { js_first_frame(); }

void console_warn(const std::string& text) { js_console(0, text.c_str()); }
void console_error(const std::string& text) { js_console(1, text.c_str()); }

}  // namespace rapport::web
