// Replays every input the fuzzers ever crashed on (tests/data/fuzz-regressions/<fuzzer>/) through
// the same entry points as the fuzzers (tests/fuzz/fuzz_targets.h). Run under native-asan too.
//
// Files named "pending-<bug>-*" pin a reported bug in code outside tests/ that is not fixed yet;
// their DISABLED_ test below names the bug. Once it is fixed: drop the "pending-" prefix (the
// ordinary per-fuzzer test then replays the file), delete the DISABLED_ test, and remove the
// matching filter in fuzz_targets.h.
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

TEST(FuzzRegression, ScenarioLoader) { replay("scenario_loader", fuzz::fuzz_scenario_loader); }
TEST(FuzzRegression, Progress) { replay("progress", fuzz::fuzz_progress); }
TEST(FuzzRegression, ReplyCoder) { replay("reply_coder", fuzz::fuzz_reply_coder); }
TEST(FuzzRegression, DialogueRestore) { replay("dialogue_restore", fuzz::fuzz_dialogue_restore); }
#ifdef RAPPORT_HAVE_FOLLOWUP
TEST(FuzzRegression, Followup) { replay("followup", fuzz::fuzz_followup); }
#endif

// --- open bugs (see the report in the file header) -------------------------------------------

// core/scenario.cpp, load_scenario: text that is not JSON because a number overflows (`[1e400]`)
// is parsed a second time "to learn where it broke", which throws json::out_of_range (406);
// only json::parse_error is caught, so the exception escapes and std::terminate ends the app.
TEST(FuzzRegression, ScenarioLoaderNumberOverflowEscapes) {
  EXPECT_GT(replay("scenario_loader", fuzz::fuzz_scenario_loader, "pending-number-overflow"), 0u);
}

// core/dialogue.cpp, Dialogue::restore: numbers outside int range (a float such as 4.5e84, or a
// 20-digit integer) are read with get<int>() / get<std::map<std::string, int>>() (undefined
// behaviour, UBSan float-cast-overflow); state values are not checked against 0..100, so a
// restored trust of 2147483647 overflows in Dialogue::apply on the next reply.
TEST(FuzzRegression, DialogueRestoreHugeNumbers) {
  EXPECT_GT(replay("dialogue_restore", fuzz::fuzz_dialogue_restore, "pending-huge-number"), 0u);
}

// core/progress.cpp, progress_from_json_text: a session's "score" (and "codes" counts) are read
// with get<int>(); a float out of int range (1e300) is undefined behaviour (float-cast-overflow).
TEST(FuzzRegression, ProgressHugeScore) {
  EXPECT_GT(replay("progress", fuzz::fuzz_progress, "pending-huge-number"), 0u);
}

}  // namespace
}  // namespace rapport
