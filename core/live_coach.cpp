#include "live_coach.h"

#include <cmath>
#include <cstdio>

#include "coaching.h"
#include "followup_detail.h"

namespace rapport {
namespace {

std::string ratio_text(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f : 1", r);
  return buf;
}

}  // namespace

LiveCoaching live_coaching(const Dialogue& d) {
  LiveCoaching out;
  const MitiSummary m = summarise_transcript(d);
  const std::string who = followup_detail::first_name(d.scenario().client.name);

  CoachFigure rq{"Reflections to questions", "no questions yet", "good is 2 : 1", false, Band::BelowFair};
  if (m.questions > 0) {
    rq.value = ratio_text(m.reflection_to_question);
    // Rated from the third question or reflection: reviewer W's kiosk showed "0.0 : 1 · below fair"
    // in red after two open questions, the first thing a walk-up visitor was told.
    rq.banded = m.questions + m.reflections >= kRateRatioFrom;
    rq.band = m.rq_band;
  } else if (m.reflections > 0) {
    rq.value = std::to_string(m.reflections) +
               (m.reflections == 1 ? " reflection, no questions" : " reflections, no questions");
    rq.banded = true;
    rq.band = Band::Good;
  }
  CoachFigure cx{"Complex reflections", "no reflections yet", "good is half or more", false, Band::BelowFair};
  if (m.reflections > 0) {
    cx.value =
        std::to_string(static_cast<int>(std::lround(m.percent_complex))) + "% of " + std::to_string(m.reflections);
    cx.banded = true;
    cx.band = m.complex_band;
  }
  CoachFigure mi{"MI-consistent replies", "none yet", "aim for all of them", false, Band::BelowFair};
  if (m.replies > 0) {
    mi.value = consistency_text(m);
    mi.banded = true;
    mi.band = m.consistent_band;  // none of them consistent is below fair (reviewer Q's "0 of 1 · fair")
  }
  out.figures = {rq, cx, mi};

  const Talk talk = d.node() ? d.talk_of(d.node()->id, d.client_line()) : Talk::Neutral;
  const auto& turns = d.transcript();
  if (turns.empty()) {
    // Asked a straight question ("Is it the Lottery?", "Is this a disciplinary?"), answer it first:
    // reviewer P was told to open with a question in the scenario whose brief says "tell her plainly".
    if (d.node() && asks_yes_or_no(d.client_line())) {
      out.next = "Answer " + who + "'s question plainly first, then leave room and reflect what you hear.";
      out.why = "Nothing said yet, and " + who + " asked you a straight question.";
    } else {
      out.next = "Start with an open question that lets " + who + " tell the story, then reflect what you hear.";
      out.why = "Nothing said yet.";
    }
  } else if (const MiCode last = scored_code(turns.back()); is_mi_non_adherent(last)) {
    out.next = "Step back: reflect what " + who + " feels, or ask permission before you advise.";
    out.why = "Your last reply pushed (" + std::string(code_label(last)) + ").";
  } else if (talk == Talk::Change) {
    out.next = "Reflect it back so that " + who + " hears it again, or ask what would make it work.";
    out.why = who + " just said something in favour of change.";
  } else if (talk == Talk::Sustain) {
    out.next =
        "Reflect the doubt instead of arguing; a two-sided reflection (\"on one hand... on the other...\") works well.";
    out.why = who + " just argued for things staying as they are.";
  } else if (m.questions >= 2 && m.reflections < m.questions) {
    out.next = "Reflect what you heard before you ask the next question.";
    out.why = "You have asked " + std::to_string(m.questions) + " questions and reflected " +
              (m.reflections == 1 ? "once." : std::to_string(m.reflections) + " times.");
  } else if (m.reflections >= 2 && m.complex_band == Band::BelowFair) {
    out.next = "Go past repeating the words: name the feeling or the value behind them.";
    out.why = "Most of your reflections so far repeat what was said.";
  } else {
    out.next =
        "Keep listening; when you have heard enough, sum up what matters to " + who + " and ask what they want to do.";
    out.why = "Your replies so far keep " + who + " talking.";
  }
  return out;
}

}  // namespace rapport
