// `rapport lint`: loads every scenario, reports format and graph errors, optionally prints stats.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "files.h"
#include "lint.h"
#include "play_stats.h"
#include "scenario.h"

namespace rapport::cli {

int cmd_lint(int argc, char** argv) {
  bool stats = false;
  std::vector<std::string> paths;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--stats") == 0) stats = true;
    else paths.emplace_back(argv[i]);
  }
  if (paths.empty()) {
    std::fputs("usage: rapport lint [--stats] <file|dir>...\n", stderr);
    return 2;
  }
  int failures = 0;
  std::vector<std::string> files = scenario_files(paths);
  if (files.empty()) {
    std::fputs("rapport lint: no scenario files found\n", stderr);
    return 1;
  }
  for (const auto& file : files) {
    std::string text;
    if (!read_file(file, text)) {
      std::fprintf(stderr, "%s: cannot be read\n", file.c_str());
      failures++;
      continue;
    }
    LoadResult loaded = load_scenario(text, file);
    std::vector<std::string> errors = loaded.errors;
    if (loaded.ok()) {
      std::vector<std::string> graph = lint_scenario(*loaded.scenario, file);
      errors.insert(errors.end(), graph.begin(), graph.end());
    }
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
    if (!errors.empty()) failures++;
    if (loaded.ok())
      for (const auto& w : model_replies_heard_as_pushing(*loaded.scenario, file))
        std::fprintf(stderr, "%s (warning)\n", w.c_str());
    if (stats && loaded.ok()) {
      nlohmann::json j = stats_to_json(scenario_stats(*loaded.scenario));
      // Can it be won without reading? First-offered play (shuffled, 20 seeds) against random play.
      PlayRates rates = play_rates(*loaded.scenario);
      play_avoiding_length(*loaded.scenario, rates);
      j["first_choice_breakthrough"] = std::round(rates.first_choice_breakthrough * 1000) / 1000;
      j["random_breakthrough"] = std::round(rates.random_breakthrough * 1000) / 1000;
      j["not_longest_breakthrough"] = std::round(rates.not_longest_breakthrough * 1000) / 1000;
      j["not_shortest_breakthrough"] = std::round(rates.not_shortest_breakthrough * 1000) / 1000;
      j["longest_ending"] = rates.longest_ending;
      j["shortest_ending"] = rates.shortest_ending;
      if (std::string w = difficulty_warning(*loaded.scenario, rates); !w.empty())
        std::fprintf(stderr, "%s: %s (warning)\n", file.c_str(), w.c_str());
      if (std::string w = length_tell_warning(rates); !w.empty())
        std::fprintf(stderr, "%s: %s (warning)\n", file.c_str(), w.c_str());
      j["measured_difficulty"] = measured_difficulty(rates.random_breakthrough);
      std::printf("%s\n", j.dump().c_str());
    }
  }
  if (!stats)
    std::fprintf(stderr, "rapport lint: %zu file(s), %d with errors\n", files.size(), failures);
  return failures > 0 ? 1 : 0;
}

}  // namespace rapport::cli
