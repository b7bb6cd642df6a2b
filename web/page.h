// Page services for the app: real HTML text fields over the canvas, the clipboard, downloads,
// mailto links and the progress-file picker. Implemented with EM_JS in page.cpp; the page's
// half lives in shell.html (window.rapportPage).
#pragma once

#include <string>
#include <vector>

#include "app.h"
#include "theme.h"

namespace rapport::web {

/// Shows `fields` as positioned <textarea>s (device pixels are divided by `dpr`), hides others.
void sync_text_fields(const std::vector<ui::TextFieldSpec>& fields, float dpr, const ui::Theme& theme);
/// True while one of the page's text fields has keyboard focus (keys then belong to it).
bool text_field_focused();
void copy_to_clipboard(const std::string& text);
void download_text(const std::string& name, const std::string& text);
void open_url(const std::string& url);
void pick_progress_file();
/// Builds and downloads a SCORM package from the studio's request (web/studio_export.js).
void export_package(const std::string& request);
/// The page's address without its query.
std::string page_url();
/// Opens the authoring studio's page (this page with ?author=1, which loads rapport-studio.wasm).
void open_studio_page();

}  // namespace rapport::web
