// `rapport play`: plays a scenario headless from a list of choices and prints the transcript,
// the ending and the score, for authors and tests.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "debrief.h"
#include "dialogue.h"
#include "files.h"
#include "followup.h"
#include "reply_coder.h"
#include "scoring.h"

namespace rapport::cli {

/// The seed `rapport play` shuffles with unless told otherwise (the browser tests load the app
/// with ?seed=1 to see the same order).
constexpr long long kDefaultPlaySeed = 1;

int cmd_play(int argc, char** argv) {
  std::string path, choose, prep;
  std::vector<std::string> typed;  // --typed texts, played in order where --choose says "t"
  bool followup = false;
  // Replies and preparation options are shuffled exactly as the app does; a fixed seed by default
  // (printed), so that the same command plays the same session. 0 is the authored order.
  long long seed = kDefaultPlaySeed;
  bool bad_seed = false;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--choose") == 0 && i + 1 < argc) choose = argv[++i];
    else if (std::strcmp(argv[i], "--typed") == 0 && i + 1 < argc) typed.emplace_back(argv[++i]);
    else if (std::strcmp(argv[i], "--prep") == 0 && i + 1 < argc) prep = argv[++i];
    else if (std::strcmp(argv[i], "--followup") == 0) followup = true;
    else if (std::strcmp(argv[i], "--authored-order") == 0) seed = 0;
    else if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
      char* end = nullptr;
      seed = std::strtoll(argv[++i], &end, 10);
      bad_seed = !end || *end != '\0' || seed < 1 || seed > 0xFFFFFFFFll;
    }
    else path = argv[i];
  }
  // "t" in --choose stands for the next --typed text (coded by the reply coder, as the app does).
  std::string numbers = choose;
  size_t typed_count = 0;
  for (size_t at = 0; (at = numbers.find('t', at)) != std::string::npos; ++typed_count) numbers[at] = '0';
  std::vector<int> choices, prep_choices;
  if (path.empty() || bad_seed || typed_count != typed.size() || !parse_index_list(numbers, choices) ||
      !parse_index_list(prep, prep_choices)) {
    std::fputs("usage: rapport play <scenario.json> --choose 1,3,t,2 [--typed \"text\"]... [--prep 1,2,1,1]\n"
               "                    [--seed N (1 to 4294967295) | --authored-order] [--followup]\n"
               "  --choose and --prep count in the order shown, which is printed before each choice\n",
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
  Dialogue d(s, static_cast<std::uint32_t>(seed));
  std::printf(seed ? "SEED %lld\n" : "SEED 0 (authored order)\n", seed);
  // Preparation: the given options (1-based, in the order shown), else the recommended ones.
  for (size_t step = 0; d.phase() == Phase::Prepare; ++step) {
    const PrepStep* ps = d.prep_step();
    const std::vector<size_t> order = d.prep_order();
    size_t pick = order.empty() ? 0 : order.front();
    if (step < prep_choices.size()) {
      const auto shown = static_cast<size_t>(prep_choices[step] - 1);
      if (shown >= order.size()) {
        std::fprintf(stderr, "prep step %zu: no option %zu\n", step + 1, shown + 1);
        return 1;
      }
      pick = order[shown];
    } else {
      for (size_t o : order)
        if (ps->options[o].recommended) { pick = o; break; }
    }
    for (size_t k = 0; k < order.size(); ++k)
      std::printf("  %c. %s\n", static_cast<char>('A' + k), ps->options[order[k]].text.c_str());
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
    for (size_t k = 0; k < offer.size(); ++k) std::printf("  %zu. %s\n", k + 1, d.node()->replies[offer[k]].text.c_str());
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
  for (const DebriefLine& line : transcript_debrief(d)) std::printf("DEBRIEF %s: %s\n", line.kind.c_str(), line.text.c_str());
  std::printf("SCORE %d (skill %d, tactics %d, outcome %d, trust %d)\n", score.total, score.skill,
              score.tactics_score, score.outcome, score.trust_final);
  if (followup) {
    // The scenario's own template when it has one, else the example for the ending; template errors
    // are the author's to fix.
    std::string error;
    std::optional<FollowUpTemplate> own = parse_followup_template(nlohmann::json::parse(text, nullptr, false), &error);
    FollowUpTemplate tmpl = own ? *own : default_followup_template(d.ending()->kind);
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
