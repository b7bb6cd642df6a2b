// Progress in words; see progress_summary.h.
#include "progress_summary.h"

#include "scoring.h"
#include "session_review.h"

namespace rapport {
namespace {

constexpr const char* kDot = "  \xC2\xB7  ";

std::string count_of(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string progress_headline(const ProgressRecord& record) {
  const int runs = record.sessions_completed(), retries = record.retries();
  if (runs == 0 && retries == 0) return "Practise the conversations that matter. Pick a client to begin.";
  std::string out = count_of(runs, "session", "sessions") + " completed";
  if (retries > 0) out += std::string(kDot) + count_of(retries, "retry", "retries");
  return out + kDot + "last score " + std::to_string(record.last_score().value_or(0)) + kDot + "best " +
         std::to_string(record.best_score().value_or(0));
}

std::string scenario_record_line(const ProgressRecord& record, std::string_view scenario) {
  const int runs = record.completed(scenario), retries = record.retries(scenario);
  if (runs == 0 && retries == 0) return "not played yet";
  std::string out;
  if (runs > 0)
    out = "best " + std::to_string(record.best_score(scenario).value_or(0)) + " of " + count_of(runs, "run", "runs");
  if (retries > 0) {
    if (!out.empty()) out += kDot;
    out += count_of(retries, "retry", "retries") + ", best " +
           std::to_string(record.best_retry_score(scenario).value_or(0));
  }
  return out;
}

SkillTrend skill_trend(const ProgressRecord& record) {
  SkillTrend out;
  const std::vector<const SessionRecord*> runs = record.runs();
  for (const SessionRecord* s : runs) {
    out.reflections_per_question.push_back(s->rq_ratio);
    out.reflection_texts.push_back(stored_reflection_ratio_text(s->codes, s->rq_ratio));
    out.percent_complex.push_back(s->percent_complex);
    out.score.push_back(s->score);
  }
  const int left_out = static_cast<int>(record.sessions.size() - runs.size());
  if (left_out > 0)
    out.note = (left_out == 1 ? std::string("1 retry is") : std::to_string(left_out) + " retries are") +
               " left out of these charts: a retry knew how its run went. The history lists them.";
  return out;
}

std::string retry_text(const SessionRecord& session) {
  return session.counts_as_run() ? std::string() : "Retry from your reply " + std::to_string(session.retry_from);
}

std::string history_detail(const SessionRecord& session) {
  std::string out = session.ending_title + kDot + "score " + std::to_string(session.score);
  if (std::string retry = retry_text(session); !retry.empty()) {
    retry[0] = 'r';  // mid-line
    out += kDot + retry;
  }
  if (session.mode == "text") out += kDot + replies_given(session);
  if (!session.journal.empty()) out += "\nJournal: " + session.journal;
  return out;
}

}  // namespace rapport
