// Replays every input the fuzzers ever crashed on (tests/data/fuzz-regressions/<fuzzer>/) through
// the same entry points as the fuzzers (tests/fuzz/fuzz_targets.h). Run under native-asan too.
//
// A file named "pending-<bug>-*" pins a reported bug that is not fixed yet: only a DISABLED_ test
// naming the bug replays it. None is open: the number overflow in load_scenario and the huge
// numbers in Dialogue::restore and progress_from_json_text are fixed (core/json_guard.*).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#define RAPPORT_FUZZ_FAIL(message) ADD_FAILURE() << (message)
#include "../fuzz/fuzz_targets.h"

namespace rapport {
namespace {

namespace fs = std::filesystem;
using Target = void (*)(const uint8_t*, size_t);

/// Files under tests/data/fuzz-regressions/<fuzzer>/ whose names start with `prefix` (all files
/// except "pending-*" ones when `prefix` is empty), sorted.
std::vector<fs::path> regression_files(const std::string& fuzzer, const std::string& prefix) {
  std::vector<fs::path> out;
  fs::path dir = fs::path(RAPPORT_SOURCE_DIR) / "tests/data/fuzz-regressions" / fuzzer;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (!e.is_regular_file()) continue;
    std::string name = e.path().filename().string();
    bool pending = name.rfind("pending-", 0) == 0;
    if (prefix.empty() ? !pending : name.rfind(prefix, 0) == 0) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Replays the files through `target`; returns how many it replayed.
size_t replay(const std::string& fuzzer, Target target, const std::string& prefix = "") {
  size_t n = 0;
  for (const auto& path : regression_files(fuzzer, prefix)) {
    SCOPED_TRACE(path.string());
    std::string bytes = read_bytes(path);
    target(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    n++;
  }
  return n;
}

// Each folder's inputs are replayed by its fuzzer's entry point; a folder that is missing or
// empty fails, so a renamed folder can never turn a test into one that replays nothing.
TEST(FuzzRegression, ScenarioLoader) { EXPECT_GT(replay("scenario_loader", fuzz::fuzz_scenario_loader), 0u); }
TEST(FuzzRegression, Progress) { EXPECT_GT(replay("progress", fuzz::fuzz_progress), 0u); }
TEST(FuzzRegression, DialogueRestore) { EXPECT_GT(replay("dialogue_restore", fuzz::fuzz_dialogue_restore), 0u); }

// Every folder under tests/data/fuzz-regressions/ belongs to a fuzzer replayed above (reply_coder
// and followup have no pinned inputs yet: when one is added, its folder fails here until a test
// replays it).
TEST(FuzzRegression, EveryFolderIsReplayed) {
  const std::vector<std::string> replayed = {"scenario_loader", "progress", "dialogue_restore"};
  size_t folders = 0;
  for (const auto& e : fs::directory_iterator(fs::path(RAPPORT_SOURCE_DIR) / "tests/data/fuzz-regressions")) {
    if (!e.is_directory()) continue;
    folders++;
    std::string name = e.path().filename().string();
    EXPECT_NE(std::find(replayed.begin(), replayed.end(), name), replayed.end()) << "no test replays " << name;
  }
  EXPECT_EQ(folders, replayed.size());
}

}  // namespace
}  // namespace rapport
