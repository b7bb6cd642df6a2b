// Session scoring from the transcript: MITI 4.2.1 summary scores with bands, the tactic
// checklist from the preparation-to-follow-up practice, and one 0-100 score for the LMS.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "dialogue.h"

namespace rapport {

enum class Band { BelowFair, Fair, Good };
std::string_view band_label(Band band);

struct MitiSummary {
  std::array<int, kMiCodeCount> counts{};  // per MiCode
  int questions = 0, open_questions = 0;
  int reflections = 0, complex_reflections = 0;
  int adherent = 0, non_adherent = 0;
  int consistent = 0, replies = 0;      // MI-consistent replies (is_mi_consistent) of all replies
  double reflection_to_question = 0;    // reflections / questions (reflections when no questions)
  double percent_complex = 0;           // of all reflections, 0..100
  double percent_open = 0;              // of all questions, 0..100
  Band rq_band = Band::BelowFair;       // fair >= 1:1, good >= 2:1
  Band complex_band = Band::BelowFair;  // fair >= 40%, good >= 50%
  /// Good when more than half are MI-consistent and none pushed (non-adherent); below fair when one
  /// pushed or none is consistent ("0 of 1" is not fair).
  Band consistent_band = Band::BelowFair;
};

/// `codes`: one per reply. `leads`: the reflections that lead question replies, which MITI codes
/// besides the question ("It sounds like the last adviser burned you. What would you need to
/// see?"): they count in the reflections (and the code counts), not as replies.
MitiSummary summarise_codes(const std::vector<MiCode>& codes, const std::vector<MiCode>& leads = {});
/// The summary of a conversation so far, as the results and the live coach show it: each turn's
/// scored_code(), and the reflection leading each typed question (lead_reflection()).
MitiSummary summarise_transcript(const Dialogue& d);

/// The MI-consistent figure as the live coach and the results both show it ("6 of 9"), and the
/// results' note under it, which says what the band rests on ("1 pushed, so below fair"; "good is
/// over half, none pushed"): the live coach's "6 of 9" and the results' "2 / 1" had read as two
/// verdicts on one conversation, and "7 of 8 · below fair" beside "4 of 7 · good" as a contradiction.
std::string consistency_text(const MitiSummary& m);
std::string adherence_note(const MitiSummary& m);

/// The reflections-per-question figure as the results and the progress trend both show it:
/// "1.5 : 1"; "2 : 0" with reflections and no question (no ratio exists); "none" with neither.
std::string reflection_ratio_text(int reflections, int questions);
/// The same for a stored session, from its code counts (ids as code_id gives them). A record
/// without counts (older saves) shows its stored ratio, "1.0 : 1".
std::string stored_reflection_ratio_text(const std::map<std::string, int>& codes, double stored_ratio);

/// The code a turn counts as in the session's figures. A self-coded turn counts as the learner said
/// when self_code_counts() (one of the coder's two likeliest readings of the words, or a reflection
/// in the words of one); else as the words were read, as the client heard them: a reviewer's stock
/// apology, self-coded a reflection, had made "Complex reflections 100%" and ticked "Showed
/// empathy". The transcript keeps the learner's code.
MiCode scored_code(const Turn& t);

/// True for a typed question that a reflection leads, counted in the reflections
/// (lead_reflection(), read once per turn and kept in Turn::lead).
bool reflection_leads(const Turn& t);

struct Tactic {
  std::string id;
  std::string label;
  bool done = false;
  std::string evidence;  // why it is ticked or not, in a few words
};

struct SessionScore {
  MitiSummary miti;
  std::vector<Tactic> tactics;  // prepared, setting, listened, empathy, solutions, next_steps, followed_up
  int skill = 0;                // 0..100 from the codes
  int tactics_score = 0;        // 0..100 share of tactics done
  int outcome = 0;              // 0..100 from the ending
  int trust_final = 0;          // 0..100
  int total = 0;                // 0..100, see score_session()
  /// What a follow-up email covering the essentials (coverage >= 0.75) adds to `total`: earned
  /// when the "followed_up" tactic is done, still to earn when it is not. The results and the
  /// follow-up screen say so, so that the score never changes without a reason shown.
  int followup_points = 0;
  bool followup_counted = false;  // the "followed_up" tactic is done: followup_points are in `total`
};

/// A session passes (SCORM "passed") at this score unless the LMS
/// or the package build (RAPPORT_MASTERY_SCORE, web/lms.js's default) sets another.
inline constexpr int kDefaultMasteryScore = 70;

/// A follow-up email counts ("Followed up in writing") from this coverage of its checklist.
inline constexpr double kFollowupCountsAt = 0.75;

/// What the follow-up email does to the score, for the line under its coverage: the points already
/// counted (from this draft or an earlier, better one: "Counted: 3 points..." stayed under a draft at
/// 30%, and read as if the weak draft had earned them), what it will add at kFollowupCountsAt, or
/// that it covers that much.
std::string followup_points_line(int points, bool counted, double coverage);

/// Scores a session. `followed_up` is whether a follow-up email was completed (0..1 coverage).
///
/// total = round(0.40 * skill + 0.25 * tactics + 0.20 * outcome + 0.15 * final trust), where
///   skill   = 100 * (0.5 * share of MI-consistent replies + 0.25 * min(R:Q, 2) / 2
///             + 0.25 * share of complex reflections) - 10 per MI-non-adherent reply (floor 0);
///   tactics = 100 * ticked tactics / 7;
///   outcome = 100 breakthrough, 50 partial, 0 rupture or unfinished.
SessionScore score_session(const Dialogue& dialogue, double followup_coverage = 0.0);

}  // namespace rapport
