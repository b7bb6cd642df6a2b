// File helpers for the command-line tool (the core itself only takes strings).
#pragma once

#include <string>
#include <vector>

namespace rapport::cli {

/// Reads a whole file; false when it cannot be read.
bool read_file(const std::string& path, std::string& out);
/// Expands directories into their *.json files (sorted), skipping schema.json; files pass through.
std::vector<std::string> scenario_files(const std::vector<std::string>& paths);
/// Parses "1,3,2" into {1,3,2}; false on anything else.
bool parse_index_list(const std::string& text, std::vector<int>& out);

}  // namespace rapport::cli
