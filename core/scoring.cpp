// Scoring implementation; the formula is documented in scoring.h.
#include "scoring.h"

#include "coaching.h"
#include "reply_coder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rapport {

std::string_view band_label(Band band) {
  switch (band) {
    case Band::BelowFair: return "below fair";
    case Band::Fair: return "fair";
    case Band::Good: return "good";
  }
  return "below fair";
}

MitiSummary summarise_codes(const std::vector<MiCode>& codes, const std::vector<MiCode>& leads) {
  MitiSummary s;
  for (MiCode c : leads) {
    s.counts[static_cast<int>(c)]++;
    s.reflections++;
    if (c == MiCode::ComplexReflection) s.complex_reflections++;
  }
  for (MiCode c : codes) {
    s.counts[static_cast<int>(c)]++;
    if (c == MiCode::OpenQuestion || c == MiCode::ClosedQuestion) s.questions++;
    if (c == MiCode::OpenQuestion) s.open_questions++;
    if (c == MiCode::SimpleReflection || c == MiCode::ComplexReflection) s.reflections++;
    if (c == MiCode::ComplexReflection) s.complex_reflections++;
    if (is_mi_adherent(c)) s.adherent++;
    if (is_mi_non_adherent(c)) s.non_adherent++;
    if (is_mi_consistent(c)) s.consistent++;
  }
  s.replies = static_cast<int>(codes.size());
  s.consistent_band = s.non_adherent > 0 || s.consistent == 0 ? Band::BelowFair
                      : 2 * s.consistent > s.replies          ? Band::Good
                                                              : Band::Fair;
  s.reflection_to_question = s.questions > 0 ? double(s.reflections) / s.questions : double(s.reflections);
  s.percent_complex = s.reflections > 0 ? 100.0 * s.complex_reflections / s.reflections : 0.0;
  s.percent_open = s.questions > 0 ? 100.0 * s.open_questions / s.questions : 0.0;
  s.rq_band = s.reflection_to_question >= 2.0   ? Band::Good
              : s.reflection_to_question >= 1.0 ? Band::Fair
                                                : Band::BelowFair;
  s.complex_band = s.percent_complex >= 50.0 ? Band::Good : s.percent_complex >= 40.0 ? Band::Fair : Band::BelowFair;
  if (s.reflections == 0) s.rq_band = s.complex_band = Band::BelowFair;
  return s;
}

bool reflection_leads(const Turn& t) {
  // Read once: the chat, the side panel and the live coach ask at every frame they draw, and a
  // self-coded turn's scored code runs the coder. Typed replies only: an authored reply's code is
  // its author's reading of the whole of it.
  if (t.lead == Turn::kLeadUnread) {
    std::optional<MiCode> lead;
    if (t.typed && code_class(scored_code(t)) == MiClass::Question) lead = lead_reflection(t.reply, t.client_line);
    t.lead = lead ? static_cast<int>(*lead) : Turn::kNoLead;
  }
  return t.lead >= 0;
}

MitiSummary summarise_transcript(const Dialogue& d) {
  std::vector<MiCode> codes, leads;
  for (const Turn& t : d.transcript()) {
    codes.push_back(scored_code(t));
    if (reflection_leads(t)) leads.push_back(static_cast<MiCode>(t.lead));
  }
  return summarise_codes(codes, leads);
}

std::string consistency_text(const MitiSummary& m) {
  return std::to_string(m.consistent) + " of " + std::to_string(m.replies);
}

std::string adherence_note(const MitiSummary& m) {
  // What the band rests on, in the app's words: reviewer X read "7 of 8 · below fair" beside "4 of 7 ·
  // good", and "0 adherent, 0 non-adherent" as jargon nobody explained.
  if (m.non_adherent > 0) return std::to_string(m.non_adherent) + " pushed, so below fair";
  return "good is over half, none pushed";
}

std::string reflection_ratio_text(int reflections, int questions) {
  char buf[48];
  if (questions > 0)
    std::snprintf(buf, sizeof buf, "%.1f : 1", double(reflections) / questions);
  else if (reflections > 0)
    // Not "3 : 0" beside "1.5 : 1" (reviewers V and W): without a question there is no ratio.
    std::snprintf(buf, sizeof buf, reflections == 1 ? "%d reflection" : "%d reflections", reflections);
  else
    return "none";
  return buf;
}

std::string stored_reflection_ratio_text(const std::map<std::string, int>& codes, double stored_ratio) {
  if (codes.empty()) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.1f : 1", stored_ratio);
    return buf;
  }
  auto n = [&](MiCode c) {
    auto it = codes.find(std::string(code_id(c)));
    return it == codes.end() ? 0 : it->second;
  };
  return reflection_ratio_text(n(MiCode::SimpleReflection) + n(MiCode::ComplexReflection),
                               n(MiCode::OpenQuestion) + n(MiCode::ClosedQuestion));
}

std::string followup_points_line(int points, bool counted, double coverage) {
  const std::string n = std::to_string(points) + (points == 1 ? " point" : " points");
  const std::string at = std::to_string(static_cast<int>(kFollowupCountsAt * 100 + 0.5)) + "%";
  if (counted)
    return coverage >= kFollowupCountsAt
               ? "Counted: " + n + " added to your score."
               : "Counted from an earlier version: " + n + " are on your score. This one is below " + at + ".";
  if (coverage >= kFollowupCountsAt)
    return "It covers the essentials: " + n + " go on your score when you copy it, send it or go back to the results.";
  return "At " + at + " it adds " + n + " to your score.";
}

MiCode scored_code(const Turn& t) {
  if (!t.self_coded) return t.code;
  const CodedReply read = classify_reply(t.reply, t.client_line);
  return self_code_counts(t.code, read, t.reply) ? t.code : read.code;
}

SessionScore score_session(const Dialogue& d, double followup_coverage) {
  SessionScore out;
  const Scenario& sc = d.scenario();
  out.miti = summarise_transcript(d);
  const MitiSummary& m = out.miti;

  // Preparation: how many prep choices were the recommended ones; the setting step on its own.
  int prep_good = 0, prep_total = 0;
  bool setting_good = false, has_setting = false;
  for (size_t i = 0; i < d.prep_choices().size() && i < sc.prep.size(); ++i) {
    const PrepStep& step = sc.prep[i];
    bool good = false;
    for (const auto& o : step.options)
      if (o.id == d.prep_choices()[i]) good = o.recommended;
    if (step.topic == "setting") {
      has_setting = true;
      setting_good = good;
    } else {
      prep_total++;
      prep_good += good ? 1 : 0;
    }
  }
  int next_steps = 0;
  for (const auto& id : d.points())
    if (const Point* p = sc.find_point(id); p && p->kind == "next_step") next_steps++;
  int empathy = m.complex_reflections + m.counts[static_cast<int>(MiCode::Affirm)];
  int solving = m.counts[static_cast<int>(MiCode::SeekCollaboration)] +
                m.counts[static_cast<int>(MiCode::PersuadeWithPermission)];
  // An open question while solutions or next steps are on the table invites the client's own
  // ("What would you like to do first?"): a reviewer's results said "no shared problem-solving"
  // beside "a plan he designed".
  // So does a reflection there (of the client's own idea: reviewer P's "You want your own people
  // holding the stopwatch, not us" as Dana designed her trial) and an offer put as a question
  // ("Shall I draft it with your targets by Friday?").
  for (const auto& t : d.transcript()) {
    const MiCode c = scored_code(t);
    if (c == MiCode::OpenQuestion || code_class(c) == MiClass::Reflection ||
        (c == MiCode::ClosedQuestion && offers_next_step(t.reply)))
      if (const Node* n = sc.find_node(t.node); n && (n->stage == "solve" || n->stage == "close")) solving++;
  }

  auto tick = [&](const char* id, const char* label, bool done, std::string evidence) {
    out.tactics.push_back({id, label, done, std::move(evidence)});
  };
  tick("prepared", "Prepared: data, their view, options", prep_total > 0 && prep_good * 2 >= prep_total + 1,
       // Named, since the setting is counted on its own: a reviewer with four preparation steps read
       // "3 of 3 preparation choices" as a miscount.
       std::to_string(prep_good) + " of " + std::to_string(prep_total) +
           " choices about the data, their view and the options were strong (the setting counts on its own)");
  tick("setting", "Chose the timing and setting", has_setting && setting_good,
       has_setting ? (setting_good ? "a private, unhurried setting" : "a setting that worked against you")
                   : "no setting chosen");
  tick("listened", "Listened and reflected", m.reflections >= 2,
       std::to_string(m.reflections) + " reflection" + (m.reflections == 1 ? "" : "s"));
  tick("empathy", "Showed empathy", empathy >= 1,
       empathy >= 1 ? "named feelings or recognised effort" : "no complex reflection or affirmation");
  tick("solutions", "Steered to solutions together", solving >= 1,
       solving >= 1 ? "invited the client's ideas or asked before advising" : "no shared problem-solving");
  tick("next_steps", "Agreed next steps", next_steps >= 1,
       std::to_string(next_steps) + " next step" + (next_steps == 1 ? "" : "s") + " agreed");
  out.followup_counted = followup_coverage >= kFollowupCountsAt;
  tick("followed_up", "Followed up in writing", out.followup_counted,
       out.followup_counted ? "follow-up email covers the essentials" : "no complete follow-up email yet");

  int done = 0;
  for (const auto& t : out.tactics) done += t.done ? 1 : 0;
  const int others_done = done - (out.followup_counted ? 1 : 0);  // all but "followed_up"
  const auto tactics_score = [&](int n) {
    return static_cast<int>(std::lround(100.0 * n / static_cast<double>(out.tactics.size())));
  };
  out.tactics_score = tactics_score(done);

  double skill = 0;
  if (m.replies > 0) {
    double rq = std::min(m.reflection_to_question, 2.0) / 2.0;
    skill = 100.0 * (0.5 * m.consistent / m.replies + 0.25 * rq + 0.25 * m.percent_complex / 100.0);
    skill -= 10.0 * m.non_adherent;
  }
  out.skill = static_cast<int>(std::lround(std::clamp(skill, 0.0, 100.0)));

  if (const Ending* e = d.ending()) out.outcome = e->kind == "breakthrough" ? 100 : e->kind == "partial" ? 50 : 0;
  out.trust_final = d.value("trust");
  const auto total = [&](int tactics) {
    return static_cast<int>(
        std::lround(0.40 * out.skill + 0.25 * tactics + 0.20 * out.outcome + 0.15 * out.trust_final));
  };
  out.total = total(out.tactics_score);
  out.followup_points = total(tactics_score(others_done + 1)) - total(tactics_score(others_done));
  return out;
}

}  // namespace rapport
