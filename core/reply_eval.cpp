// The reply coder's evaluation, used by the tests and the trainer (tools/train_coder.cpp): labelled
// replies read from JSON lines, per-code and four-class figures, and the calibration error.
#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "reply_coder.h"

namespace rapport {
namespace coder {
namespace {

/// A line of nothing but spaces (named apart from reply_coder.cpp's helper: a unity build joins them).
bool blank_line(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

}  // namespace

std::vector<LabelledReply> parse_labelled_replies(std::string_view jsonl, std::string* error) {
  std::vector<LabelledReply> out;
  std::size_t pos = 0;
  int line_no = 0;
  while (pos < jsonl.size()) {
    std::size_t end = jsonl.find('\n', pos);
    if (end == std::string_view::npos) end = jsonl.size();
    const std::string_view line = jsonl.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (blank_line(line)) continue;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    const auto fail = [&](const std::string& why) {
      if (error) *error = "line " + std::to_string(line_no) + ": " + why;
      return out;
    };
    if (!j.is_object()) return fail("not a JSON object");
    if (!j.contains("text") || !j["text"].is_string()) return fail("missing \"text\"");
    if (!j.contains("code") || !j["code"].is_string()) return fail("missing \"code\"");
    const auto code = parse_code(j["code"].get<std::string>());
    if (!code) return fail("unknown code \"" + j["code"].get<std::string>() + "\"");
    LabelledReply r;
    r.conv = j.value("conv", "");
    r.context = j.value("context", "");
    r.setting = j.value("setting", "");
    r.text = j["text"].get<std::string>();
    r.code = *code;
    out.push_back(std::move(r));
  }
  return out;
}

void CalibrationBins::add(const CodedReply& coded, MiCode truth) {
  const int b = std::min(9, static_cast<int>(coded.confidence * 10.f));
  conf[b] += coded.confidence;
  hits[b] += coded.code == truth;
  ++count;
}

double CalibrationBins::error() const {
  double ece = 0;
  const double n = static_cast<double>(std::max<std::size_t>(count, 1));
  for (int b = 0; b < 10; ++b) ece += std::fabs(conf[b] - hits[b]) / n;
  return ece;
}

Evaluation evaluate(const std::vector<LabelledReply>& replies, const CoderWeights& weights) {
  Evaluation e;
  std::array<std::array<int, 4>, 4> class_confusion{};
  CalibrationBins bins;
  int correct = 0;
  for (const LabelledReply& r : replies) {
    const CodedReply coded = classify_reply_with(weights, r.text, r.context);
    bins.add(coded, r.code);
    const MiCode got = coded.code;
    ++e.confusion[static_cast<int>(r.code)][static_cast<int>(got)];
    ++class_confusion[static_cast<int>(code_class(r.code))][static_cast<int>(code_class(got))];
    correct += got == r.code;
  }
  const auto score = [](const auto& confusion, int k, int n) {
    Score s;
    int tp = confusion[k][k], predicted = 0, actual = 0;
    for (int i = 0; i < n; ++i) {
      predicted += confusion[i][k];
      actual += confusion[k][i];
    }
    s.support = actual;
    s.precision = predicted ? static_cast<double>(tp) / predicted : 0.0;
    s.recall = actual ? static_cast<double>(tp) / actual : 0.0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
    return s;
  };
  for (int k = 0; k < kMiCodeCount; ++k) {
    e.codes[k] = score(e.confusion, k, kMiCodeCount);
    e.code_macro_f1 += e.codes[k].f1 / kMiCodeCount;
  }
  for (int k = 0; k < 4; ++k) {
    e.classes[k] = score(class_confusion, k, 4);
    e.class_macro_f1 += e.classes[k].f1 / 4;
  }
  e.accuracy = replies.empty() ? 0.0 : static_cast<double>(correct) / replies.size();
  e.calibration_error = bins.error();
  return e;
}

}  // namespace coder
}  // namespace rapport
