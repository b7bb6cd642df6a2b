// Writes the fuzzers' seed corpora from the repository's own files (scenarios, coder data, fixed
// fuzz regressions) plus a few hand-made progress records and saved sessions played through the
// real engine. Run by ci/fuzz.sh: make_seeds <source dir> <output dir>; never committed.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "dialogue.h"
#include "progress.h"
#include "reply_coder.h"
#include "scenario.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Writes numbered seed files into one fuzzer's folder.
class SeedDir {
 public:
  explicit SeedDir(const fs::path& dir) : dir_(dir) { fs::create_directories(dir_); }
  void add(const std::string& bytes) {
    std::ofstream(dir_ / ("seed-" + std::to_string(count_++)), std::ios::binary) << bytes;
  }
  void add_named(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  int count() const { return count_; }

 private:
  fs::path dir_;
  int count_ = 0;
};

std::vector<fs::path> files_in(const fs::path& dir, const std::string& ext) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file() && (ext.empty() || e.path().extension() == ext)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

/// Plays `scenario` with recommended prep and the given offered-reply positions (wrapping),
/// calling `each` with the saved state before every step and at the end.
template <class Each>
rapport::Dialogue play(const rapport::Scenario& scenario, const std::vector<size_t>& path, Each each) {
  rapport::Dialogue d(scenario);
  while (d.phase() == rapport::Phase::Prepare) {
    each(d);
    const rapport::PrepStep* step = d.prep_step();
    size_t pick = 0;
    for (size_t i = 0; i < step->options.size(); ++i)
      if (step->options[i].recommended) pick = i;
    d.choose_prep(pick);
  }
  for (size_t i = 0; d.phase() == rapport::Phase::Conversation && i < 40; ++i) {
    each(d);
    std::vector<size_t> offer = d.offered();
    if (offer.empty()) break;
    if (i == 2)
      d.submit_typed("So part of you wants this and part of you is worried?", rapport::MiCode::ComplexReflection);
    else
      d.choose(path.empty() ? 0 : path[i % path.size()] % offer.size());
  }
  each(d);
  return d;
}

/// A finished session as the app stores it, with a compact transcript.
rapport::SessionRecord session_from(const rapport::Dialogue& d, int n) {
  rapport::SessionRecord s;
  s.id = "2030-01-0" + std::to_string(1 + n % 9) + "T10:00:00Z-" + d.scenario().id + "-" + std::to_string(n);
  s.scenario = d.scenario().id;
  s.finished = "2030-01-0" + std::to_string(1 + n % 9) + "T10:00:00Z";
  s.mode = n % 2 ? "text" : "choice";
  s.outcome = d.ending() ? d.ending()->kind : "";
  s.ending_title = d.ending() ? d.ending()->title : "";
  s.score = 40 + n * 7 % 60;
  s.rq_ratio = 1.25;
  s.percent_complex = 40;
  s.journal = n % 3 ? "" : "Asked before advising this time.";
  json transcript = json::array();
  for (const auto& t : d.transcript())
    transcript.push_back(
        {{"client", t.client_line}, {"reply", t.reply}, {"code", std::string(rapport::code_id(t.code))}});
  s.transcript = transcript;
  for (const auto& t : d.transcript()) s.codes[std::string(rapport::code_id(t.code))]++;
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_seeds <source dir> <output dir>\n";
    return 2;
  }
  const fs::path src = argv[1], out = argv[2];
  fs::remove_all(out);

  // Scenario loader: every shipped scenario as authored and minified, plus broken variants.
  SeedDir scenarios(out / "scenario_loader");
  std::vector<rapport::Scenario> loaded;
  std::vector<json> scenario_docs;
  for (const auto& path : files_in(src / "scenarios", ".json")) {
    std::string text = read_file(path);
    scenarios.add(text);
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) continue;
    scenarios.add(doc.dump());
    scenario_docs.push_back(doc);
    json v2 = doc;
    v2["format_version"] = 2;
    scenarios.add(v2.dump());
    if (doc.contains("nodes") && doc["nodes"].is_array() && doc["nodes"].size() > 2) {
      json small = doc;
      small["nodes"].erase(small["nodes"].begin() + 2, small["nodes"].end());
      scenarios.add(small.dump());
    }
    if (path.filename() == "schema.json") continue;
    rapport::LoadResult r = rapport::load_scenario(text, path.string());
    if (r.ok()) loaded.push_back(*r.scenario);
  }

  // A small complete scenario (every field kind, loads and lints) keeps short inputs meaningful.
  const std::string mini =
      R"json({"format_version":1,"id":"mini","title":"T","summary":"S","domain":"sales","challenge":"complaint","difficulty":1,"minutes":3,"briefing":"B","client":{"name":"N","role":"R","organisation":"O","wants":"W","fears":"F"},"state":{"trust":40,"calm":50},"prep":[{"id":"p","topic":"data","question":"Q","options":[{"id":"a","text":"A","effects":{"trust":5},"sets_flags":["f"],"recommended":true,"feedback":"G"},{"id":"b","text":"B","feedback":"H"}]}],"start":"n1","nodes":[{"id":"n1","stage":"open","client":[{"text":"hi","when":{"min":{"trust":45},"flags":["f"]}},{"text":"hello"}],"replies":[{"text":"What happened?","code":"open_question","effects":{"trust":10},"next":"n2","establishes":["d1"]},{"text":"Calm down.","code":"confront","effects":{"trust":-20},"next":"bad","better":"X","tip":"Y"},{"text":"Tell me more.","code":"open_question","requires":["f"],"next":"n2","next_if":[{"when":{"max":{"calm":30}},"next":"bad"}],"say":"ok","sets_flags":["g"]}],"typed":{"default":{"next":"n2"},"pressure":{"effects":{"trust":-5},"next":"bad","say":"no"}}},{"id":"n2","stage":"close","client":[{"text":"so?"}],"replies":[{"text":"Shall we meet Friday?","code":"seek_collaboration","next":"good","establishes":["s1"]},{"text":"You must.","code":"persuade","next":"meh","better":"Z"},{"text":"Okay.","code":"other","next":"meh","better":"W"}],"typed":{"default":{"next":"meh","establishes":["s1"]}}}],"points":[{"id":"d1","kind":"discussion","text":"D"},{"id":"s1","kind":"next_step","text":"S","owner":"you","due":"Friday"}],"endings":[{"id":"good","kind":"breakthrough","title":"G","debrief":"g"},{"id":"meh","kind":"partial","title":"M","debrief":"m"},{"id":"bad","kind":"rupture","title":"B","debrief":"b"}]})json";
  scenarios.add(mini);
  scenarios.add(json::parse(mini).dump(1));

  // Saved sessions (questioned-advice only: the restore fuzzer plays that one).
  SeedDir restore(out / "dialogue_restore");
  std::vector<rapport::Dialogue> finished;
  for (const auto& s : loaded) {
    int step = 0;
    for (std::vector<size_t> path : {std::vector<size_t>{0}, {1, 1, 1, 2, 1, 1, 1, 1}, {2}, {1, 0, 2, 1}}) {
      finished.push_back(play(s, path, [&](const rapport::Dialogue& d) {
        if (s.id == "questioned-advice" && step++ % 2 == 0) restore.add(d.to_json().dump());
      }));
    }
  }

  // Progress records: empty, realistic (transcripts, unfinished session, settings), damaged.
  SeedDir progress(out / "progress");
  rapport::ProgressRecord record;
  progress.add(rapport::progress_to_json(record).dump());
  for (size_t i = 0; i < finished.size(); ++i)
    record.sessions.push_back(session_from(finished[i], static_cast<int>(i)));
  if (!finished.empty()) record.unfinished = finished.front().to_json();
  record.settings = nlohmann::json{{"text_mode", true}, {"reduce_motion", false}};
  std::string full = rapport::progress_to_json(record).dump();
  progress.add(full);
  record.sessions.resize(std::min<size_t>(record.sessions.size(), 2));
  progress.add(rapport::progress_to_json(record).dump(2));
  progress.add(full.substr(0, full.size() / 2));
  progress.add(R"({"format_version":2,"sessions":[]})");
  progress.add(R"({"format_version":1,"sessions":[{"id":"a","scenario":"late-again","score":"high"}]})");
  progress.add(R"({"format_version":1,"sessions":{},"settings":[]})");
  progress.add("not json at all");

  // Reply coder: labelled replies as text NUL context.
  SeedDir coder(out / "reply_coder");
  int line_no = 0;
  for (const auto& path : files_in(src / "tests/data/coder", ".jsonl")) {
    std::istringstream lines(read_file(path));
    for (std::string line; std::getline(lines, line);) {
      if (line_no++ % 7 != 0) continue;  // a sample keeps the corpus small
      json j = json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object()) continue;
      std::string seed = j.value("text", "");
      seed += '\0';
      seed += j.value("context", "");
      coder.add(seed);
    }
  }
  for (const auto& s : loaded)
    for (const auto& n : s.nodes)
      for (const auto& r : n.replies)
        coder.add(r.text + std::string(1, '\0') + (n.client.empty() ? "" : n.client[0].text));

  // Follow-up templates: the scenarios' own follow-up texts (if any) with a data record.
  SeedDir followup(out / "followup");
  json data = {{"client", {{"name", "Dana Okafor"}, {"role", "Operations Director"}}},
               {"points", json::array({"service levels", "the pilot"})},
               {"learner", "Sam"}};
  std::function<void(const json&)> collect = [&](const json& v) {
    if (v.is_string())
      followup.add(v.get<std::string>() + std::string(1, '\0') + data.dump());
    else if (v.is_structured())
      for (const auto& item : v) collect(item);
  };
  for (const auto& doc : scenario_docs)
    if (doc.is_object() && doc.contains("followup")) collect(doc["followup"]);
  followup.add("Dear {{client.name}},\n\nThank you for your time today.\n" + std::string(1, '\0') + data.dump());

  // Every fixed regression input is a seed for its fuzzer too ("pending-*" ones still crash).
  const fs::path regressions = src / "tests/data/fuzz-regressions";
  for (const auto& path : files_in(regressions, "")) {
    if (path.parent_path().parent_path() != regressions) continue;  // only <fuzzer>/<file>
    if (path.filename().string().rfind("pending-", 0) == 0) continue;
    SeedDir(out / path.parent_path().filename()).add_named("regression-" + path.filename().string(), read_file(path));
  }

  std::cout << "seeds: scenario_loader " << scenarios.count() << ", dialogue_restore " << restore.count()
            << ", progress " << progress.count() << ", reply_coder " << coder.count() << ", followup "
            << followup.count() << "\n";
  return 0;
}
