// The subcommands of the `rapport` command-line tool; each returns the process exit code.
#pragma once

namespace rapport::cli {

/// `rapport lint [--stats] <file|dir>...`: validate scenarios and check their graphs.
int cmd_lint(int argc, char** argv);
/// `rapport play <scenario.json> --choose 1,3,2 [--prep 1,2,..] [--followup]`: headless playthrough.
int cmd_play(int argc, char** argv);
/// `rapport code`: JSON lines in ({"text","context"}), one coded JSON line out per input.
int cmd_code(int argc, char** argv);

}  // namespace rapport::cli
