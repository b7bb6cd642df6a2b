// What the home and Progress screens say about the learner's history, decided here so that the
// screens only draw it. Retries ("Retry from this turn") are kept and shown in the history, but
// the counts, best scores and skill trends are of runs from the start: a retry knew how the run
// it came from went (reviewer V saw "best 80 of 4 runs" after one run and three retries).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "progress.h"

namespace rapport {

/// The home screen's line under the title: "2 sessions completed · 3 retries · last score 63 ·
/// best 80", or the invitation to begin.
std::string progress_headline(const ProgressRecord& record);

/// One scenario on the Progress screen: "best 80 of 2 runs · 3 retries, best 85", or "not
/// played yet".
std::string scenario_record_line(const ProgressRecord& record, std::string_view scenario);

/// The skill figures over the runs (ProgressRecord::runs()), oldest first.
struct SkillTrend {
  std::vector<double> reflections_per_question, percent_complex, score;
  std::vector<std::string> reflection_texts;  // how each ratio reads ("1 : 0" has no ratio)
  /// Under the charts when retries were left out: "3 retries are left out: they knew how
  /// their run went." Empty otherwise.
  std::string note;
};
SkillTrend skill_trend(const ProgressRecord& record);

/// The second line of a history entry: "Trust rebuilt · score 78 · retry from your reply 6 ·
/// 3 of 6 typed", and the journal on a line of its own.
std::string history_detail(const SessionRecord& session);

/// "Retry from your reply 6" for a retry; "" for a run from the start.
std::string retry_text(const SessionRecord& session);

}  // namespace rapport
