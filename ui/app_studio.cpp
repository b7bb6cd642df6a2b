// The authoring studio's side of the app: opening it, the form's text buffers, and play-tests of a
// draft in the real conversation screen that store and report nothing.
#include <nlohmann/json.hpp>

#include "studio.h"
#include "app.h"

#include "draft_shelf.h"

namespace rapport::ui {

void App::open_studio_here() {
  if (!studio_) {
    std::vector<authoring::BuiltIn> built_ins;
    if (services_.built_in_text)
      for (const Scenario& s : scenarios_)
        if (std::string text = services_.built_in_text(s.id); !text.empty())
          built_ins.push_back(authoring::BuiltIn{s.id, s.title, std::move(text)});
    studio_ = std::make_shared<authoring::Studio>(services_.drafts_store ? *services_.drafts_store : *services_.store,
                                                  std::move(built_ins), services_.now);
  }
  screen_ = Screen::Studio;
  next_.scroll_top = true;
  animating_ = true;
  announce("Authoring studio");
}

std::string& App::studio_buffer(const std::string& pointer, const std::string& value) {
  auto [it, added] = studio_buffers_.try_emplace(pointer, value);
  return it->second;
}

void App::refresh_studio_buffers() {
  // Only between frames: the page's fields point at these strings until the next frame begins.
  if (studio_ && studio_buffers_revision_ != studio_->form_revision()) {
    studio_buffers_.clear();
    studio_buffers_revision_ = studio_->form_revision();
  }
}

void App::start_playtest_here(const std::string& node) {
  if (!studio_ || !studio_->editing()) return;
  if (in_frame_) {
    next_.playtest = node;
    return;
  }
  std::string error;
  std::optional<Scenario> s = authoring::playtest_scenario(
      studio_->doc(), authoring::PlayTestStart{node, node.empty() ? std::map<std::string, int>{} : playtest_state_},
      &error);
  if (!s) {
    notices_.push_back("The draft cannot be played yet: " + error);
    return;
  }
  playtest_ = std::make_unique<Scenario>(std::move(*s));
  playtest_from_ = node;
  current_ = -1;
  open_session(*playtest_, "Play-test: " + playtest_->title);
}

void App::export_studio_draft() {
  if (!studio_ || !studio_->editing()) return;
  if (services_.download_text) services_.download_text(studio_->export_name(), studio_->export_text());
  notices_.push_back("Exported " + studio_->export_name() + ": it loads in any Rapport page (drop it on the page).");
}

void App::export_studio_package(const std::string& scorm) {
  if (!studio_ || !studio_->editing() || !services_.export_package) return;
  // The chosen built-ins in library order.
  std::vector<std::string> chosen;
  for (const authoring::BuiltIn& b : studio_->built_ins())
    if (package_built_ins_.count(b.id)) chosen.push_back(b.id);
  std::string error;
  std::optional<std::string> request = studio_->package_request(scorm, chosen, &error);
  if (!request) {
    notices_.push_back("No package yet: " + error + ".");
    return;
  }
  services_.export_package(*request);
  notices_.push_back("Building the SCORM " + scorm + " package: it downloads in a moment.");
}

std::string App::studio_kiosk_link() const {
  if (!studio_ || !studio_->editing()) return {};
  std::string base = services_.page_url ? services_.page_url() : std::string("index.html");
  return base + "?kiosk=1&drafts=" + studio_->doc().id();
}

void App::add_drafts_to_library(const std::string& ids) {
  ProgressStore& store = services_.drafts_store ? *services_.drafts_store : *services_.store;
  size_t from = 0;
  while (from <= ids.size()) {
    const size_t comma = std::min(ids.find(',', from), ids.size());
    const std::string id = ids.substr(from, comma - from);
    from = comma + 1;
    if (id.empty()) continue;
    const std::optional<std::string> text = authoring::stored_draft_text(store, id);
    if (!text) {
      notices_.push_back("The link asked for a draft called '" + id + "', which this browser does not have.");
      continue;
    }
    if (add_scenario_text(id + ".json", *text)) notices_.pop_back();  // no "Loaded" notice for visitors
  }
}

void App::use_authored_library(const std::string& file, const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("scenarios") || !j["scenarios"].is_array()) {
    notices_.push_back(file + ": /scenarios: missing or not an array of scenarios");
    return;
  }
  for (size_t i = 0; i < j["scenarios"].size(); ++i)
    if (add_scenario_text(file, j["scenarios"][i].dump())) notices_.pop_back();  // learners need no "Loaded"
  // A running session (a deep link) points into the library: it is not filtered then.
  if (session_ || !j.contains("library") || !j["library"].is_array() || j["library"].empty()) return;
  std::set<std::string> shown;
  for (const auto& id : j["library"])
    if (id.is_string()) shown.insert(id.get<std::string>());
  for (auto it = scenarios_.begin(); it != scenarios_.end();)
    it = shown.count(it->id) ? std::next(it) : scenarios_.erase(it);
}

void App::back_to_studio_here() {
  std::string at;
  if (session_ && session_->dialogue().node()) at = session_->dialogue().node()->id;
  set_session(nullptr);
  playtest_.reset();
  pending_prep_.reset();
  if (studio_ && studio_->editing() && !at.empty())
    studio_->select(authoring::Selection{authoring::Selection::Kind::Node, at, -1});
  open_studio_here();
}

void link_studio(bool linked) {
  static const App::StudioPart part{
      [](App& app) { app.open_studio_here(); },
      draw_studio,
      [](App& app, const std::string& node) { app.start_playtest_here(node); },
      [](App& app) { app.back_to_studio_here(); },
      [](App& app, const std::string& file, const std::string& text) { return app.studio_->import_file(file, text); },
      [](App& app) { app.refresh_studio_buffers(); },
  };
  App::studio_part_ = linked ? &part : nullptr;
}

}  // namespace rapport::ui
