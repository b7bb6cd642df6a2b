// Matching a typed reply to the authored reply closest in meaning, so that the client answers
// what the learner actually said: a similarity over content words (lightly stemmed) and word
// pairs, in [0, 1].
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario.h"

namespace rapport {

/// Dice similarity of the two texts' content-word stems and adjacent word pairs (0..1).
double reply_similarity(std::string_view a, std::string_view b);

/// Typed replies closer than this to an authored reply follow that reply's branch.
inline constexpr double kReplyMatchThreshold = 0.3;

/// A typed playback of the client's plan ("So: you tell Kwame on Monday, you ask the trustees...")
/// is information to the coder (the labellers' convention for summaries of steps) and a summary
/// to the client: this close to an authored reflection, it follows that reflection.
inline constexpr double kPlaybackMatchThreshold = 0.4;

/// Among `offered` (indexes into node.replies), the reply of the same reaction class as `code`
/// closest to `text`, when its similarity reaches kReplyMatchThreshold; for information, also a
/// reflection that reaches kPlaybackMatchThreshold. A typed-only question is followed only by a
/// question of its own code (open or closed).
std::optional<std::size_t> closest_reply(const Node& node, const std::vector<std::size_t>& offered,
                                         std::string_view text, MiCode code);

/// The scenario's next steps (points of kind next_step) that a typed reply names as a plan: a
/// reply that says when or who commits ("by Tuesday", "tonight", "I'll", "let's", "shall I") and
/// shares at least two of a step's content words, and at least half of them ("Can I send you the
/// costed plan and the three options by Wednesday?" names "Send the revised plan and costs for the
/// phased option"; "our booking link" and "your managers" do not name "Walk through the booking
/// workflow with the practice manager"). A conditional sentence ("whether", "if") agrees nothing.
/// In scenario order.
std::vector<std::string> named_next_steps(const Scenario& scenario, std::string_view text);

/// The flag a typed reply that lays out a plan sets until the next reply (lays_out_a_plan()), so a
/// client line can answer it instead of asking "So what happens now?" straight after being told.
inline constexpr std::string_view kToldPlanFlag = "told_next_steps";

/// True when a reply commits to something ("I'll", "we'll", "we will", "let's", "shall") and says
/// when ("tomorrow", "by Thursday", "10am", "next week"), outside conditional sentences: "I'll
/// book the surveyor for 10am tomorrow and ring you by 5pm Thursday".
bool lays_out_a_plan(std::string_view text);

/// True when a reply promises an action of the learner's ("I'll look into it", "I will get back to
/// you", "let me chase that") and says nowhere when (not lays_out_a_plan()), outside questions and
/// conditional sentences. "I'll be honest" and "I'll tell you what" promise nothing: the action is
/// one of a list of doing verbs (look, check, chase, send, ring...). Reviewer Q's "I'll look into
/// it" and R's "I'll sort it out for you" went by without a word on when.
bool promises_without_a_day(std::string_view text);

}  // namespace rapport
