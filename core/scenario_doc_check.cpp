// ScenarioDoc's checks: the loader's and the linter's messages pinned to nodes and replies, and
// the reply coder's second opinion on each reply's code.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "lint.h"
#include "reply_coder.h"
#include "scenario.h"
#include "scenario_doc.h"

namespace rapport::authoring {
namespace {

constexpr std::string_view kFile = "draft";

/// Splits "draft: /nodes/2/replies/0/next: message" into pointer and message.
Problem parse_message(const std::string& line) {
  Problem p;
  std::string rest = line;
  if (rest.rfind(std::string(kFile) + ": ", 0) == 0) rest = rest.substr(kFile.size() + 2);
  const size_t colon = rest.find(": ");
  if (!rest.empty() && rest[0] == '/' && colon != std::string::npos) {
    p.pointer = rest.substr(0, colon);
    p.message = rest.substr(colon + 2);
  } else {
    p.message = rest;
  }
  if (p.pointer == "/") p.pointer.clear();
  return p;
}

/// Fills `node` and `reply` from a pointer under /nodes/<i>[/replies/<j>].
void pin(const Json& doc, Problem& p) {
  static const std::string kNodes = "/nodes/";
  if (p.pointer.rfind(kNodes, 0) != 0) return;
  size_t end = p.pointer.find('/', kNodes.size());
  const std::string index = p.pointer.substr(kNodes.size(), end == std::string::npos ? end : end - kNodes.size());
  if (index.empty() || index.find_first_not_of("0123456789") != std::string::npos || index.size() > 6) return;
  const size_t i = std::stoul(index);
  if (!doc.contains("nodes") || !doc["nodes"].is_array() || i >= doc["nodes"].size()) return;
  const Json& node = doc["nodes"][i];
  if (node.is_object() && node.contains("id") && node["id"].is_string()) p.node = node["id"].get<std::string>();
  static const std::string kReplies = "/replies/";
  if (end == std::string::npos || p.pointer.compare(end, kReplies.size(), kReplies) != 0) return;
  const size_t start = end + kReplies.size();
  const size_t stop = p.pointer.find('/', start);
  const std::string reply = p.pointer.substr(start, stop == std::string::npos ? stop : stop - start);
  if (!reply.empty() && reply.find_first_not_of("0123456789") == std::string::npos && reply.size() <= 6)
    p.reply = std::stoi(reply);
}

std::string percent(float confidence) { return std::to_string(static_cast<int>(std::lround(confidence * 100))) + "%"; }

bool is_question(MiCode c) { return c == MiCode::OpenQuestion || c == MiCode::ClosedQuestion; }
bool is_reflection(MiCode c) { return c == MiCode::SimpleReflection || c == MiCode::ComplexReflection; }

}  // namespace

bool disagreement_matters(MiCode authored, MiCode coded) {
  if (is_mi_consistent(authored) && is_mi_non_adherent(coded)) return true;
  if (is_mi_non_adherent(authored) && is_mi_consistent(coded)) return true;
  return (is_reflection(authored) && is_question(coded)) || (is_question(authored) && is_reflection(coded));
}

namespace {

std::optional<std::string> disagreement_message(const CodedReply& coded, MiCode authored) {
  std::string message = "you labelled this " + std::string(code_label(authored)) + "; it reads as " +
                        std::string(code_label(coded.code)) + " (" + percent(coded.confidence) + ")";
  if (!coded.cues.empty()) {
    message += ":";
    for (size_t i = 0; i < coded.cues.size() && i < 3; ++i) message += (i ? ", " : " ") + coded.cues[i];
  }
  return message;
}

}  // namespace

std::optional<std::string> coder_disagreement(std::string_view text, std::string_view context, MiCode authored,
                                              float min_confidence) {
  const CodedReply coded = classify_reply(text, context);
  if (coded.code == authored || coded.confidence < min_confidence || !disagreement_matters(authored, coded.code))
    return std::nullopt;
  return disagreement_message(coded, authored);
}

std::vector<Problem> ScenarioDoc::problems() const {
  std::vector<Problem> out;
  const std::string text = doc_.dump(-1, ' ', false, Json::error_handler_t::replace);
  LoadResult loaded = load_scenario(text, kFile);
  for (const std::string& line : loaded.errors) out.push_back(parse_message(line));
  if (loaded.ok())
    for (const std::string& line : lint_scenario(*loaded.scenario, kFile)) out.push_back(parse_message(line));
  for (Problem& p : out) pin(doc_, p);

  // The coder's second opinion, on every reply whose text and code are readable.
  if (doc_.contains("nodes") && doc_["nodes"].is_array()) {
    for (size_t i = 0; i < doc_["nodes"].size(); ++i) {
      const Json& node = doc_["nodes"][i];
      if (!node.is_object() || !node.contains("replies") || !node["replies"].is_array()) continue;
      std::string context;
      if (node.contains("client") && node["client"].is_array() && !node["client"].empty() &&
          node["client"].back().is_object() && node["client"].back().contains("text") &&
          node["client"].back()["text"].is_string())
        context = node["client"].back()["text"].get<std::string>();
      const Json& replies = node["replies"];
      for (size_t j = 0; j < replies.size(); ++j) {
        const Json& r = replies[j];
        if (!r.is_object() || !r.contains("text") || !r["text"].is_string() || !r.contains("code") ||
            !r["code"].is_string())
          continue;
        const auto code = parse_code(r["code"].get_ref<const std::string&>());
        const std::string& said = r["text"].get_ref<const std::string&>();
        if (!code || said.empty()) continue;
        if (auto message = coder_disagreement(said, context, *code)) {
          Problem p;
          p.kind = Problem::Kind::CoderDisagrees;
          p.pointer = "/nodes/" + std::to_string(i) + "/replies/" + std::to_string(j) + "/code";
          p.message = std::move(*message);
          pin(doc_, p);
          out.push_back(std::move(p));
        }
      }
    }
  }
  // Model replies a learner may copy, heard as pushing with any of the node's lines (the better
  // replies too); a reply the coder already flagged above is not flagged twice.
  if (loaded.ok())
    for (const std::string& line : model_replies_heard_as_pushing(*loaded.scenario, kFile)) {
      Problem p = parse_message(line);
      const std::string reply = p.pointer.substr(0, p.pointer.rfind('/'));
      if (std::any_of(out.begin(), out.end(), [&](const Problem& q) {
            return q.kind == Problem::Kind::CoderDisagrees && q.pointer.rfind(reply + "/", 0) == 0;
          }))
        continue;
      p.kind = Problem::Kind::CoderDisagrees;
      pin(doc_, p);
      out.push_back(std::move(p));
    }
  return out;
}

}  // namespace rapport::authoring
