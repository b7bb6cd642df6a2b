// `rapport code`: codes learner replies read from stdin, one JSON line out per line in.
// A line is {"text": ..., "context": ...} (context optional: the client's previous line, or a
// list of earlier lines whose last one counts) or, when it is not a JSON object, the reply text
// itself. A byte-order mark, Windows line ends and bytes that are not UTF-8 are tolerated. Output: {"code": ...,
// "confidence": ..., "cues": [...], "runner_up": ..., "runner_up_confidence": ..., "ask_which": whether the app would
// ask "which did you mean?" with coaching on}.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include <sys/types.h>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "coaching.h"
#include "reply_coder.h"
#include "utf8_text.h"

namespace rapport::cli {
namespace {

/// Reads one line (without '\n' or a trailing '\r'), NUL bytes included; false at end of input.
bool read_line(std::FILE* in, std::string& line) {
  static char* buffer = nullptr;
  static std::size_t capacity = 0;
  const ssize_t n = ::getline(&buffer, &capacity, in);
  if (n < 0) return false;
  line.assign(buffer, static_cast<std::size_t>(n));
  if (!line.empty() && line.back() == '\n') line.pop_back();
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

/// A context given as a list of earlier lines (oldest first) counts its last one.
std::string context_of(const nlohmann::json& j) {
  if (!j.contains("context")) return "";
  const nlohmann::json& c = j["context"];
  if (c.is_string()) return c.get<std::string>();
  if (c.is_array() && !c.empty() && c.back().is_string()) return c.back().get<std::string>();
  return "";
}

std::string code_line(std::string_view raw) {
  if (raw.starts_with("\xEF\xBB\xBF")) raw.remove_prefix(3);  // a byte-order mark (files saved on Windows)
  std::string text(raw), context;
  const auto first = raw.find_first_not_of(" \t");
  if (first != std::string_view::npos && raw[first] == '{') {
    auto j = nlohmann::json::parse(raw, nullptr, false);
    // One byte that is not UTF-8 (a file saved in another encoding) must not turn the line into
    // plain text: such bytes become U+FFFD and the line is read as JSON.
    if (j.is_discarded() && !utf8_valid(raw)) j = nlohmann::json::parse(utf8_repaired(raw), nullptr, false);
    if (j.is_object()) {
      text = j.contains("text") && j["text"].is_string() ? j["text"].get<std::string>() : "";
      context = context_of(j);
    }
  }
  const CodedReply coded = classify_reply(text, context);
  nlohmann::json out;
  out["code"] = std::string(code_id(coded.code));
  out["confidence"] = std::round(static_cast<double>(coded.confidence) * 1000.0) / 1000.0;
  out["cues"] = coded.cues;
  out["runner_up"] = std::string(code_id(coded.runner_up));
  out["runner_up_confidence"] = std::round(static_cast<double>(coded.runner_up_confidence) * 1000.0) / 1000.0;
  // With coaching on, the app would ask the learner which of the two they meant.
  out["ask_which"] = should_ask_which(coded, text, context, true);
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

int cmd_code(int argc, char** argv) {
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::fputs(
          "usage: rapport code < replies.jsonl\n"
          "  each input line: {\"text\": ..., \"context\": ...} or plain reply text\n"
          "  each output line: {\"code\": ..., \"confidence\": ..., \"cues\": [...], \"runner_up\": ...,\n"
          "                     \"runner_up_confidence\": ..., \"ask_which\": ...}\n",
          stdout);
      return 0;
    }
    std::fprintf(stderr, "rapport code: unknown argument '%s' (try --help)\n", argv[i]);
    return 2;
  }
  static char out_buffer[1 << 16];
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  std::string line;
  while (read_line(stdin, line)) {
    const std::string coded = code_line(line);
    std::fwrite(coded.data(), 1, coded.size(), stdout);
    std::fputc('\n', stdout);
  }
  std::fflush(stdout);
  return std::ferror(stdout) ? 1 : 0;
}

}  // namespace rapport::cli
