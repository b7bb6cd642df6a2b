// Helpers shared by the core tests: reading repository files and loading the shipped scenarios.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dialogue.h"
#include "scenario.h"
#include "scenario_doc.h"

namespace rapport::testing {

inline std::string source_path(const std::string& relative) { return std::string(RAPPORT_SOURCE_DIR) + "/" + relative; }

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Every shipped scenario file (scenarios/*.json except the schema), sorted.
inline std::vector<std::string> scenario_paths() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(source_path("scenarios")))
    if (e.path().extension() == ".json" && e.path().filename() != "schema.json") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

inline Scenario load_shipped(const std::string& id) {
  std::string path = source_path("scenarios/" + id + ".json");
  LoadResult r = load_scenario(read_text(path), path);
  if (!r.ok()) throw std::runtime_error(r.errors.empty() ? "load failed" : r.errors.front());
  return *r.scenario;
}

/// A shipped scenario file opened as an authoring-studio draft.
inline authoring::ScenarioDoc open_shipped_draft(const std::string& id) {
  std::string error;
  auto doc = authoring::ScenarioDoc::open(read_text(source_path("scenarios/" + id + ".json")), &error);
  if (!doc) throw std::runtime_error(id + ": " + error);
  return *doc;
}

/// Plays `s` with the recommended preparation, then `choices` (0-based offered positions).
inline Dialogue play(const Scenario& s, const std::vector<size_t>& choices) {
  Dialogue d(s);
  while (d.phase() == Phase::Prepare) {
    const PrepStep* step = d.prep_step();
    size_t pick = 0;
    for (size_t i = 0; i < step->options.size(); ++i)
      if (step->options[i].recommended) pick = i;
    EXPECT_TRUE(d.choose_prep(pick));
  }
  for (size_t c : choices) EXPECT_TRUE(d.choose(c)) << "at node " << (d.node() ? d.node()->id : "?");
  return d;
}

}  // namespace rapport::testing
