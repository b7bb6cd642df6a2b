// The fuzz targets' entry logic, shared by the libFuzzer harnesses (tests/fuzz/*_fuzz.cpp) and the
// GoogleTest that replays saved crashers (tests/core/fuzz_regression_test.cpp).
//
// Each function takes arbitrary bytes, drives one core entry point and checks the promises that
// must hold for any input. A broken promise calls RAPPORT_FUZZ_FAIL (abort by default, so that
// libFuzzer records the input; the regression test turns it into a test failure).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dialogue.h"
#include "lint.h"
#include "progress.h"
#include "reply_coder.h"
#include "scenario.h"
#include "scoring.h"

#if __has_include("followup.h")
#include "followup.h"
#define RAPPORT_HAVE_FOLLOWUP 1
#endif

#ifndef RAPPORT_FUZZ_FAIL
#define RAPPORT_FUZZ_FAIL(message)                              \
  do {                                                          \
    std::fprintf(stderr, "fuzz check failed: %s\n", (message)); \
    std::abort();                                               \
  } while (0)
#endif

namespace rapport::fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Splits the input at its first NUL byte: (before, after). Without a NUL, all of it is `first`.
inline std::pair<std::string_view, std::string_view> split_at_nul(std::string_view text) {
  size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return {text, {}};
  return {text.substr(0, nul), text.substr(nul + 1)};
}

// --- scenario loader -------------------------------------------------------------------------

/// load_scenario on the bytes; on success lint_scenario too. Errors must come with messages.
inline void fuzz_scenario_loader(const uint8_t* data, size_t size) {
  (void)read_scenario_card(as_text(data, size));  // the web app's first-frame reader
  LoadResult r = load_scenario(as_text(data, size), "fuzz.json");
  if (!r.ok()) {
    if (r.errors.empty()) RAPPORT_FUZZ_FAIL("load_scenario failed without an error message");
    return;
  }
  std::vector<std::string> problems = lint_scenario(*r.scenario, "fuzz.json");
  for (const auto& p : problems)
    if (p.empty()) RAPPORT_FUZZ_FAIL("lint_scenario produced an empty message");
}

// --- progress record and book ----------------------------------------------------------------

/// progress_from_json_text on the bytes, then a ProgressBook over a store holding them: load, add
/// a session, save, reload. Unreadable bytes must end up in the backup key exactly; the added
/// session must survive the reload.
inline void fuzz_progress(const uint8_t* data, size_t size) {
  const std::string input(as_text(data, size));
  std::string error;
  const bool readable = progress_from_json_text(input, &error).has_value();
  if (!readable && error.empty()) RAPPORT_FUZZ_FAIL("unreadable progress without an error message");

  MemoryProgressStore store;
  store.write(kProgressKey, input);
  ProgressBook book(store);
  book.load();
  if (!readable) {
    auto backup = store.read(kProgressBackupKey);
    if (!backup || *backup != input) RAPPORT_FUZZ_FAIL("unreadable progress was not kept in the backup key");
    if (book.take_notices().empty()) RAPPORT_FUZZ_FAIL("unreadable progress raised no notice");
  }
  const size_t before = book.record().sessions.size();

  SessionRecord s;
  s.id = "fuzz-session-0001";
  s.scenario = "questioned-advice";
  s.finished = "2030-01-01T00:00:00Z";
  s.mode = "choice";
  s.outcome = "partial";
  s.ending_title = "A pilot, maybe";
  s.score = 61;
  s.rq_ratio = 1.5;
  s.percent_complex = 50;
  s.codes = {{"open_question", 2}, {"complex_reflection", 1}};
  s.transcript = nlohmann::json::array({{{"client", "Why should I trust this?"}, {"reply", "What worries you most?"}}});
  if (!book.add_session(s)) RAPPORT_FUZZ_FAIL("add_session could not save to an unlimited store");
  if (book.record().sessions.size() < before + 1) RAPPORT_FUZZ_FAIL("add_session lost sessions");
  if (!readable) {
    auto backup = store.read(kProgressBackupKey);
    if (!backup || *backup != input) RAPPORT_FUZZ_FAIL("saving overwrote the backup of unreadable progress");
  }

  ProgressBook again(store);
  again.load();
  const auto& sessions = again.record().sessions;
  if (sessions.size() != book.record().sessions.size()) RAPPORT_FUZZ_FAIL("reload changed the number of sessions");
  if (std::none_of(sessions.begin(), sessions.end(),
                   [](const SessionRecord& r) { return r.id == "fuzz-session-0001"; }))
    RAPPORT_FUZZ_FAIL("the added session is missing after reload");
  if (!again.take_notices().empty()) RAPPORT_FUZZ_FAIL("the book cannot read what it saved itself");
}

// --- reply coder -----------------------------------------------------------------------------

/// classify_reply with the bytes split at the first NUL into reply text and client context.
inline void fuzz_reply_coder(const uint8_t* data, size_t size) {
  auto [text, context] = split_at_nul(as_text(data, size));
  CodedReply coded = classify_reply(text, context);
  int code = static_cast<int>(coded.code);
  if (code < 0 || code >= kMiCodeCount) RAPPORT_FUZZ_FAIL("classify_reply returned an unknown code");
  if (!std::isfinite(coded.confidence) || coded.confidence < 0.0f || coded.confidence > 1.0f)
    RAPPORT_FUZZ_FAIL("classify_reply returned a confidence outside 0..1");
  if (coded.cues.size() > 64) RAPPORT_FUZZ_FAIL("classify_reply returned an unbounded list of cues");
}

// --- dialogue restore ------------------------------------------------------------------------

/// The scenario the restore fuzzer plays (questioned-advice), loaded once.
inline const Scenario& fuzz_restore_scenario() {
  static const Scenario scenario = [] {
    std::ifstream in(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/questioned-advice.json", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    LoadResult r = load_scenario(ss.str(), "questioned-advice.json");
    if (!r.ok()) RAPPORT_FUZZ_FAIL("cannot load scenarios/questioned-advice.json");
    return r.scenario.value_or(Scenario{});
  }();
  return scenario;
}

/// Dialogue::restore on the bytes as JSON for questioned-advice; when accepted, the state must
/// survive to_json -> restore unchanged, and the offered choices are played to an ending.
inline void fuzz_dialogue_restore(const uint8_t* data, size_t size) {
  const Scenario& scenario = fuzz_restore_scenario();
  std::string_view text = as_text(data, size);
  nlohmann::json saved = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (saved.is_discarded()) return;
  Dialogue d(scenario);
  std::string error = d.restore(saved);
  if (!error.empty()) return;

  nlohmann::json once = d.to_json();
  Dialogue again(scenario);
  if (!again.restore(once).empty()) RAPPORT_FUZZ_FAIL("restore refused what to_json wrote");
  if (again.to_json() != once) RAPPORT_FUZZ_FAIL("to_json -> restore -> to_json is not exact");

  // Choices derived from the input bytes, so that different inputs walk different paths.
  size_t pick = 0;
  for (size_t i = 0; i < size; ++i) pick = pick * 31 + data[i];
  for (int step = 0; step < 200 && d.phase() != Phase::Ended; ++step) {
    pick = pick * 6364136223846793005ULL + 1442695040888963407ULL;
    if (d.phase() == Phase::Prepare) {
      const PrepStep* prep = d.prep_step();
      if (!prep || prep->options.empty()) break;
      if (!d.choose_prep((pick >> 33) % prep->options.size()))
        RAPPORT_FUZZ_FAIL("choose_prep refused an offered option");
    } else {
      std::vector<size_t> offer = d.offered();
      if (offer.empty()) break;
      if ((pick >> 60) == 0) {
        d.submit_typed("So you're worried about the service levels?", MiCode::ComplexReflection);
      } else if (!d.choose((pick >> 33) % offer.size())) {
        RAPPORT_FUZZ_FAIL("choose refused an offered reply");
      }
    }
  }
  (void)score_session(d, 0.5);
  (void)d.trust_series();
  d.retry_from(d.transcript().size() / 2);
  (void)d.to_json().dump();
}

// --- follow-up templates ---------------------------------------------------------------------

#ifdef RAPPORT_HAVE_FOLLOWUP
/// render_template with the bytes split at the first NUL into template and JSON data (a fixed
/// record when the data part is not JSON).
inline void fuzz_followup(const uint8_t* data, size_t size) {
  auto [tmpl, data_text] = split_at_nul(as_text(data, size));
  nlohmann::json values = nlohmann::json::parse(data_text.begin(), data_text.end(), nullptr, false);
  if (values.is_discarded())
    values = {
        {"client", {{"name", "Dana Okafor"}, {"role", "Operations Director"}}},
        {"points", nlohmann::json::array({"service levels", "the pilot"})},
        {"next_steps", nlohmann::json::array({{{"text", "Send the cost model"}, {"owner", "you"}, {"due", "Friday"}}})},
        {"learner", "Sam"}};
  std::string error;
  std::string out = render_template(tmpl, values, &error);
  (void)out;
}
#endif

}  // namespace rapport::fuzz
