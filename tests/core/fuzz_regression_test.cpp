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

TEST(FuzzRegression, ScenarioLoader) { replay("scenario_loader", fuzz::fuzz_scenario_loader); }
TEST(FuzzRegression, Progress) { replay("progress", fuzz::fuzz_progress); }
TEST(FuzzRegression, ReplyCoder) { replay("reply_coder", fuzz::fuzz_reply_coder); }
TEST(FuzzRegression, DialogueRestore) { replay("dialogue_restore", fuzz::fuzz_dialogue_restore); }
#ifdef RAPPORT_HAVE_FOLLOWUP
TEST(FuzzRegression, Followup) { replay("followup", fuzz::fuzz_followup); }
#endif

}  // namespace
}  // namespace rapport
