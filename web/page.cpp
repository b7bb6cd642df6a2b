// EM_JS glue for page.h.
#include "page.h"

#include <cstdio>
#include <cstdlib>

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include "theme.h"

// clang-format off
// clang-format off
EM_JS(void, js_sync_fields, (const char* json), {
  if (window.rapportPage) window.rapportPage.syncFields(JSON.parse(UTF8ToString(json)));
});
// clang-format on
// clang-format off
EM_JS(int, js_field_focused, (), {
  return window.rapportPage && window.rapportPage.fieldFocused() ? 1 : 0;
});
// clang-format on
// clang-format off
EM_JS(void, js_copy, (const char* text), {
  if (window.rapportPage) window.rapportPage.copy(UTF8ToString(text));
});
// clang-format on
// clang-format off
EM_JS(void, js_download, (const char* name, const char* text), {
  if (window.rapportPage) window.rapportPage.download(UTF8ToString(name), UTF8ToString(text));
});
// clang-format on
// clang-format off
EM_JS(void, js_export_package, (const char* json), {
  if (window.rapportPage) window.rapportPage.exportPackage(UTF8ToString(json));
});
// clang-format on
// clang-format off
EM_JS(char*, js_page_url, (), {
  var url = window.rapportPage ? window.rapportPage.pageUrl() : location.href;
  var n = lengthBytesUTF8(url) + 1, p = _malloc(n);
  stringToUTF8(url, p, n);
  return p;
});
// clang-format on
// clang-format off
EM_JS(void, js_open_studio, (), {
  if (window.rapportPage) window.rapportPage.openStudio();
});
// clang-format on
// clang-format off
EM_JS(void, js_open_url, (const char* url), {
  if (window.rapportPage) window.rapportPage.openUrl(UTF8ToString(url));
});
// clang-format on
// clang-format off
EM_JS(void, js_pick_progress, (), {
  var input = document.getElementById('progress-file');
  if (input) input.click();
});
// clang-format on
// clang-format on

namespace rapport::web {
namespace {

std::string css_color(ImU32 c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "rgb(%u,%u,%u)", (c >> IM_COL32_R_SHIFT) & 0xFF, (c >> IM_COL32_G_SHIFT) & 0xFF,
                (c >> IM_COL32_B_SHIFT) & 0xFF);
  return buf;
}

}  // namespace

void sync_text_fields(const std::vector<ui::TextFieldSpec>& fields, float dpr, const ui::Theme& theme) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : fields)
    list.push_back({{"id", f.id},
                    {"x", f.min.x / dpr},
                    {"y", f.min.y / dpr},
                    {"w", (f.max.x - f.min.x) / dpr},
                    {"h", (f.max.y - f.min.y) / dpr},
                    {"value", f.value},
                    {"revision", f.revision},
                    {"placeholder", f.placeholder},
                    {"enterSubmits", f.enter_submits},
                    {"readOnly", f.read_only},
                    {"focus", f.focus}});
  nlohmann::json msg = {{"fields", list},
                        {"fontSize", theme.fonts.body ? theme.fonts.body->FontSize / dpr : 17.0f},
                        {"color", css_color(theme.colors.text)},
                        {"background", css_color(theme.colors.surface)},
                        {"placeholderColor", css_color(theme.colors.text_muted)}};
  // Only tell the page when something changed: most frames move nothing.
  static std::string last;
  std::string text = msg.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text == last) return;
  last = text;
  js_sync_fields(text.c_str());
}

bool text_field_focused() { return js_field_focused() != 0; }
void copy_to_clipboard(const std::string& text) { js_copy(text.c_str()); }
void download_text(const std::string& name, const std::string& text) { js_download(name.c_str(), text.c_str()); }
void open_url(const std::string& url) { js_open_url(url.c_str()); }
void pick_progress_file() { js_pick_progress(); }

void export_package(const std::string& request) { js_export_package(request.c_str()); }
void open_studio_page() { js_open_studio(); }

std::string page_url() {
  char* raw = js_page_url();
  std::string url(raw);
  std::free(raw);
  return url;
}

}  // namespace rapport::web
