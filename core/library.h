// The scenario library a page ships: which files it holds, how they load (whole, or only what a
// library card shows for the first frame) and the order the library lists them in.
#pragma once

#include <string>
#include <vector>

#include "scenario.h"

namespace rapport {

struct Library {
  std::vector<Scenario> scenarios;  // in library order (sort_library)
  std::vector<std::string> errors;  // one per problem, each naming its file
};

/// Loads every `*.json` file of `folder` (in file-name order, then sorted by sort_library). A
/// broken file is reported in `errors` and the others still load. With `cards_only`, reads just
/// what the library cards show (read_scenario_card), for a first frame; files it cannot read are
/// left for the full load to report. A missing folder is an error, not an exception.
Library load_library(const std::string& folder, bool cards_only = false);

/// The library's order: easiest first; equal difficulty keeps the order given.
void sort_library(std::vector<Scenario>& scenarios);

/// Reads a whole file in one call ("" when it cannot be read): streaming through an
/// ostringstream costs a virtual call per byte in the wasm build.
std::string read_whole_file(const std::string& path);

}  // namespace rapport
