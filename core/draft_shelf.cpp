// DraftShelf: the author's drafts in one versioned record; import and play-test starts.
#include "draft_shelf.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace rapport::authoring {
namespace {

/// Reads a stored shelf; nullopt with `error` naming what is wrong (nothing is half-read).
std::optional<std::vector<Draft>> parse_shelf(std::string_view text, std::string* error) {
  Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    *error = "not valid JSON";
    return std::nullopt;
  }
  if (!doc.is_object() || !doc.contains("format_version") || !doc["format_version"].is_number_integer()) {
    *error = "/format_version: missing or not an integer";
    return std::nullopt;
  }
  if (doc["format_version"] != kDraftsFormatVersion) {
    *error = "/format_version: version " + doc["format_version"].dump() + " is newer than this build reads (" +
             std::to_string(kDraftsFormatVersion) + ")";
    return std::nullopt;
  }
  if (!doc.contains("drafts") || !doc["drafts"].is_array()) {
    *error = "/drafts: missing or not an array";
    return std::nullopt;
  }
  std::vector<Draft> out;
  for (size_t i = 0; i < doc["drafts"].size(); ++i) {
    const Json& d = doc["drafts"][i];
    const std::string at = "/drafts/" + std::to_string(i);
    if (!d.is_object() || !d.contains("id") || !d["id"].is_string() || d["id"].get_ref<const std::string&>().empty()) {
      *error = at + "/id: missing or not a non-empty string";
      return std::nullopt;
    }
    if (!d.contains("saved") || !d["saved"].is_string()) {
      *error = at + "/saved: missing or not a string";
      return std::nullopt;
    }
    if (!d.contains("scenario") || !d["scenario"].is_object()) {
      *error = at + "/scenario: missing or not an object";
      return std::nullopt;
    }
    out.push_back(Draft{d["id"].get<std::string>(), d["saved"].get<std::string>(), d["scenario"]});
  }
  return out;
}

bool id_in(const std::vector<std::string>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

void DraftShelf::load() {
  drafts_.clear();
  holding_original_ = false;
  std::optional<std::string> raw = store_->read(kDraftsKey);
  if (!raw) return;
  std::string error;
  if (auto read = parse_shelf(*raw, &error)) {
    drafts_ = std::move(*read);
    return;
  }
  if (keep_aside(*store_, kDraftsBackupKey, *raw)) {
    notices_.push_back("Your saved drafts could not be read (" + error + "). The original was kept aside under '" +
                       std::string(kDraftsBackupKey) + "'; the studio started with no drafts.");
  } else {
    holding_original_ = true;
    notices_.push_back("Your saved drafts could not be read (" + error +
                       "), and the browser refused to keep a copy aside (storage may be full). The studio will "
                       "not save over them until a copy is kept: free some space and reload.");
  }
}

const Draft* DraftShelf::find(std::string_view id) const {
  for (const Draft& d : drafts_)
    if (d.id == id) return &d;
  return nullptr;
}

std::vector<std::string> DraftShelf::take_notices() {
  std::vector<std::string> out;
  out.swap(notices_);
  return out;
}

bool DraftShelf::write() {
  if (holding_original_) {
    notices_.push_back(
        "Not saved: the drafts stored before could not be read or kept aside, and saving would "
        "overwrite them. Export this draft to keep it.");
    return false;
  }
  Json doc{{"format_version", kDraftsFormatVersion}, {"drafts", Json::array()}};
  for (const Draft& d : drafts_)
    doc["drafts"].push_back(Json{{"id", d.id}, {"saved", d.saved}, {"scenario", d.scenario}});
  if (store_->write(kDraftsKey, doc.dump(-1, ' ', false, Json::error_handler_t::replace))) return true;
  notices_.push_back(
      "Not saved: the browser's storage is full or blocked. The draft is still open here; export it "
      "to keep a copy.");
  return false;
}

bool DraftShelf::save(const ScenarioDoc& doc, std::string_view now) {
  const std::string id = doc.id();
  if (id.empty()) {
    notices_.push_back("Not saved: a draft needs an id.");
    return false;
  }
  auto it = std::find_if(drafts_.begin(), drafts_.end(), [&](const Draft& d) { return d.id == id; });
  if (it == drafts_.end())
    drafts_.push_back(Draft{id, std::string(now), doc.json()});
  else
    *it = Draft{id, std::string(now), doc.json()};
  return write();
}

bool DraftShelf::remove(std::string_view id) {
  auto it = std::find_if(drafts_.begin(), drafts_.end(), [&](const Draft& d) { return d.id == id; });
  if (it == drafts_.end()) return false;
  drafts_.erase(it);
  return write();
}

std::string DraftShelf::free_id(std::string_view id, const std::vector<std::string>& also_taken) const {
  auto taken = [&](const std::string& candidate) { return find(candidate) || id_in(also_taken, candidate); };
  std::string base = std::string(id) + "-copy";
  if (!taken(base)) return base;
  for (int n = 2;; ++n)
    if (std::string candidate = base + "-" + std::to_string(n); !taken(candidate)) return candidate;
}

std::optional<std::string> stored_draft_text(ProgressStore& store, std::string_view id) {
  const std::optional<std::string> raw = store.read(kDraftsKey);
  if (!raw) return std::nullopt;
  const nlohmann::json doc = nlohmann::json::parse(*raw, nullptr, false);
  if (!doc.is_object() || doc.value("format_version", nlohmann::json()) != kDraftsFormatVersion) return std::nullopt;
  const auto drafts = doc.find("drafts");
  if (drafts == doc.end() || !drafts->is_array()) return std::nullopt;
  for (const nlohmann::json& d : *drafts)
    if (d.is_object() && d.value("id", nlohmann::json()) == id && d.contains("scenario") && d["scenario"].is_object())
      return d["scenario"].dump();
  return std::nullopt;
}

std::optional<ScenarioDoc> import_draft(std::string_view text, const std::vector<std::string>& taken,
                                        std::string* error, std::string* renamed) {
  std::optional<ScenarioDoc> doc = ScenarioDoc::open(text, error);
  if (!doc) return std::nullopt;
  const std::string id = doc->id();
  if (id.empty()) {
    if (error) *error = "/id: a scenario needs an id";
    return std::nullopt;
  }
  if (!id_in(taken, id)) return doc;
  std::string fresh = id + "-2";
  for (int n = 3; id_in(taken, fresh); ++n) fresh = id + "-" + std::to_string(n);
  doc->apply(edit::SetField{"/id", fresh});
  if (renamed) *renamed = "A scenario '" + id + "' already exists, so this one is '" + fresh + "'.";
  return doc;
}

std::optional<Scenario> playtest_scenario(const ScenarioDoc& doc, const PlayTestStart& start, std::string* error) {
  LoadResult loaded = load_scenario(doc.text(), "draft");
  if (!loaded.ok()) {
    if (error) *error = loaded.errors.empty() ? "the draft does not load" : loaded.errors.front();
    return std::nullopt;
  }
  Scenario s = std::move(*loaded.scenario);
  if (!start.node.empty()) {
    if (!s.find_node(start.node)) {
      if (error) *error = "no node '" + start.node + "' to start from";
      return std::nullopt;
    }
    s.start = start.node;
    s.prep.clear();  // preparation comes before the first line only
  }
  for (const auto& [name, value] : start.state) {
    if (!s.initial_state.count(name)) {
      if (error) *error = "no state variable '" + name + "'";
      return std::nullopt;
    }
    if (value < 0 || value > 100) {
      if (error) *error = "'" + name + "' starts between 0 and 100, not " + std::to_string(value);
      return std::nullopt;
    }
    s.initial_state[name] = value;
  }
  return s;
}

std::optional<DraftStats> draft_stats(const ScenarioDoc& doc, int random_plays) {
  LoadResult loaded = load_scenario(doc.text(), "draft");
  if (!loaded.ok()) return std::nullopt;
  return DraftStats{scenario_stats(*loaded.scenario), play_rates(*loaded.scenario, 20, random_plays)};
}

}  // namespace rapport::authoring
