// Entry point of the `rapport` tool: dispatches to the subcommands in commands.h.
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

#include "commands.h"

namespace {

void usage() {
  std::fputs(
      "usage: rapport <command> [args]\n"
      "  lint [--stats] <file|dir>...         validate scenarios and check their graphs\n"
      "  play <scenario.json> --choose 1,2,.. play headless (shuffled as the app does: --seed N,\n"
      "                                       --authored-order) and print the transcript\n"
      "       [--prep 1,2,..] [--followup]\n"
      "  code                                 code JSON-lines replies from stdin\n",
      stderr);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage();
    return 2;
  }
  const char* cmd = argv[1];
  if (std::strcmp(cmd, "lint") == 0) return rapport::cli::cmd_lint(argc - 2, argv + 2);
  if (std::strcmp(cmd, "play") == 0) return rapport::cli::cmd_play(argc - 2, argv + 2);
  if (std::strcmp(cmd, "code") == 0) return rapport::cli::cmd_code(argc - 2, argv + 2);
  usage();
  return 2;
}
