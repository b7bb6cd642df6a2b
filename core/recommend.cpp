// Next-scenario suggestion; see recommend.h.
#include "recommend.h"

#include <cstdio>
#include <initializer_list>

namespace rapport {

Suggestion suggest_next(const std::vector<const Scenario*>& library, const ProgressRecord& progress) {
  Suggestion out;
  if (library.empty()) return out;
  const Scenario* unplayed = nullptr;
  for (const Scenario* s : library)
    if (progress.completed(s->id) == 0 && (!unplayed || s->difficulty < unplayed->difficulty)) unplayed = s;
  const int n = progress.sessions_completed();
  if (n == 0) {
    out.scenario = unplayed ? unplayed : library.front();
    out.reason = "A gentle place to start.";
    return out;
  }
  // The learner's habits, from their runs: a retry repeats its run's first replies.
  double rq = 0, complex = 0;
  const std::vector<const SessionRecord*> runs = progress.runs();
  for (const SessionRecord* rec : runs) {
    rq += rec->rq_ratio;
    complex += rec->percent_complex;
  }
  rq /= runs.empty() ? 1 : static_cast<double>(runs.size());
  complex /= runs.empty() ? 1 : static_cast<double>(runs.size());
  auto best_of = [&](const Scenario& s) { return progress.best_score(s.id).value_or(-1); };
  auto pick = [&](std::initializer_list<const char*> challenges) -> const Scenario* {
    const Scenario* found = nullptr;
    for (const Scenario* s : library)
      for (const char* c : challenges)
        if (s->challenge == c && (!found || best_of(*s) < best_of(*found))) found = s;
    return found;
  };
  char buf[200];
  if (rq < 1.0) {
    if (const Scenario* s = pick({"questioned_advice", "complaint"})) {
      std::snprintf(buf, sizeof buf,
                    "You ask more than you reflect (%.1f reflections per question). This client rewards listening.",
                    rq);
      return {s, buf};
    }
  }
  if (complex < 40.0) {
    if (const Scenario* s = pick({"reluctant_change", "project_delays", "bad_news"})) {
      std::snprintf(buf, sizeof buf,
                    "%.0f%% of your reflections are complex. This client needs you to name what is unsaid.", complex);
      return {s, buf};
    }
  }
  if (unplayed) return {unplayed, "You have not met this client yet."};
  const Scenario* lowest = library.front();
  for (const Scenario* s : library)
    if (best_of(*s) < best_of(*lowest)) lowest = s;
  std::snprintf(buf, sizeof buf, "Your lowest best score so far (%d): try to beat it.", best_of(*lowest));
  return {lowest, buf};
}

}  // namespace rapport
