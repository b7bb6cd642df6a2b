// `rapport play`: plays a scenario headless from a list of choices and prints the transcript,
// the ending and the score, for authors and tests.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "commands.h"
#include "dialogue.h"
#include "files.h"
#include "followup.h"
#include "reply_coder.h"
#include "scoring.h"

namespace rapport::cli {

int cmd_play(int argc, char** argv) {
  std::string path, choose, prep;
  std::vector<std::string> typed;  // --typed texts, played in order where --choose says "t"
  bool followup = false;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--choose") == 0 && i + 1 < argc) choose = argv[++i];
    else if (std::strcmp(argv[i], "--typed") == 0 && i + 1 < argc) typed.emplace_back(argv[++i]);
    else if (std::strcmp(argv[i], "--prep") == 0 && i + 1 < argc) prep = argv[++i];
    else if (std::strcmp(argv[i], "--followup") == 0) followup = true;
    else path = argv[i];
  }
  // "t" in --choose stands for the next --typed text (coded by the reply coder, as the app does).
  std::string numbers = choose;
  size_t typed_count = 0;
  for (size_t at = 0; (at = numbers.find('t', at)) != std::string::npos; ++typed_count) numbers[at] = '0';
  std::vector<int> choices, prep_choices;
  if (path.empty() || typed_count != typed.size() || !parse_index_list(numbers, choices) ||
      !parse_index_list(prep, prep_choices)) {
    std::fputs("usage: rapport play <scenario.json> --choose 1,3,t,2 [--typed \"text\"]... [--prep 1,2,1,1] [--followup]\n",
               stderr);
    return 2;
  }
  size_t zeros = 0;
  for (int c : choices) zeros += c == 0;
  if (zeros != typed_count) {
    std::fputs("rapport play: each \"t\" in --choose must stand alone, and 0 is not a choice\n", stderr);
    return 2;
  }
  size_t next_typed = 0;
  std::string text;
  if (!read_file(path, text)) {
    std::fprintf(stderr, "%s: cannot be read\n", path.c_str());
    return 1;
  }
  LoadResult loaded = load_scenario(text, path);
  if (!loaded.ok()) {
    for (const auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.c_str());
    return 1;
  }
  const Scenario& s = *loaded.scenario;
  Dialogue d(s);
  // Preparation: the given options (1-based), else the recommended ones.
  for (size_t step = 0; d.phase() == Phase::Prepare; ++step) {
    const PrepStep* ps = d.prep_step();
    size_t pick = 0;
    if (step < prep_choices.size()) {
      pick = static_cast<size_t>(prep_choices[step] - 1);
    } else {
      for (size_t o = 0; o < ps->options.size(); ++o)
        if (ps->options[o].recommended) { pick = o; break; }
    }
    if (!d.choose_prep(pick)) {
      std::fprintf(stderr, "prep step %zu: no option %zu\n", step + 1, pick + 1);
      return 1;
    }
    std::printf("PREP %s: %s\n", ps->id.c_str(), ps->options[pick].text.c_str());
  }
  for (size_t i = 0; i < choices.size(); ++i) {
    if (d.phase() != Phase::Conversation) {
      std::fprintf(stderr, "choice %zu: the conversation has already ended\n", i + 1);
      return 1;
    }
    std::printf("CLIENT: %s\n", d.client_line().c_str());
    if (choices[i] == 0) {
      const std::string& text = typed[next_typed++];
      CodedReply coded = classify_reply(text, d.client_line());
      std::printf("YOU typed [%s]: %s\n", std::string(code_id(coded.code)).c_str(), text.c_str());
      d.submit_typed(text, coded.code, coded.cues.empty() ? std::string() : coded.cues.front());
      continue;
    }
    std::vector<size_t> offer = d.offered();
    size_t pick = static_cast<size_t>(choices[i] - 1);
    if (choices[i] < 1 || pick >= offer.size()) {
      std::fprintf(stderr, "choice %zu: %d is not one of the %zu replies offered at node '%s'\n", i + 1, choices[i],
                   offer.size(), d.node()->id.c_str());
      return 1;
    }
    const Reply& r = d.node()->replies[offer[pick]];
    std::printf("YOU [%s]: %s\n", std::string(code_id(r.code)).c_str(), r.text.c_str());
    d.choose(pick);
  }
  if (d.phase() != Phase::Ended) {
    std::printf("CLIENT: %s\n", d.client_line().c_str());
    std::printf("NOT ENDED at node '%s' after %zu choices\n", d.node()->id.c_str(), choices.size());
    return 3;
  }
  if (!d.client_line().empty()) std::printf("CLIENT: %s\n", d.client_line().c_str());
  SessionScore score = score_session(d);
  std::printf("ENDING %s (%s): %s\n", d.ending()->id.c_str(), d.ending()->kind.c_str(), d.ending()->title.c_str());
  std::printf("SCORE %d (skill %d, tactics %d, outcome %d, trust %d)\n", score.total, score.skill,
              score.tactics_score, score.outcome, score.trust_final);
  if (followup) {
    // The scenario's own template when it has one, else the default; template errors are the author's to fix.
    std::string error;
    FollowUpTemplate tmpl = followup_template_for(nlohmann::json::parse(text, nullptr, false), &error);
    std::string email = error.empty() ? render_followup(d, tmpl, "Alex", &error) : std::string();
    if (!error.empty()) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), error.c_str());
      return 1;
    }
    std::printf("FOLLOWUP:\n%s", email.c_str());
  }
  return 0;
}

}  // namespace rapport::cli
