// Library discovery, loading and order.
#include "library.h"
#include "small_sort.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace rapport {

std::string read_whole_file(const std::string& path) {
  std::string out;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    if (std::fseek(f, 0, SEEK_END) == 0) {
      long size = std::ftell(f);
      if (size > 0 && std::fseek(f, 0, SEEK_SET) == 0) {
        out.resize(static_cast<size_t>(size));
        out.resize(std::fread(out.data(), 1, out.size(), f));
      }
    }
    std::fclose(f);
  }
  return out;
}

void sort_library(std::vector<Scenario>& scenarios) {
  small_stable_sort(scenarios.begin(), scenarios.end(),
                    [](const Scenario& a, const Scenario& b) { return a.difficulty < b.difficulty; });
}

Library load_library(const std::string& folder, bool cards_only) {
  Library lib;
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(folder, ec))
    if (e.path().extension() == ".json" && e.path().filename() != "schema.json") paths.push_back(e.path().string());
  if (ec) lib.errors.push_back(folder + ": the scenario folder cannot be read (" + ec.message() + ")");
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    const std::string name = std::filesystem::path(path).filename().string();
    const std::string text = read_whole_file(path);
    if (cards_only) {
      if (auto card = read_scenario_card(text)) lib.scenarios.push_back(std::move(*card));
      continue;
    }
    LoadResult r = load_scenario(text, name);
    if (r.ok())
      lib.scenarios.push_back(std::move(*r.scenario));
    else
      lib.errors.insert(lib.errors.end(), r.errors.begin(), r.errors.end());
  }
  sort_library(lib.scenarios);
  return lib;
}

}  // namespace rapport
