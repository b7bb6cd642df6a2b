// Follow-up email: the template renderer, the example emails after a playthrough, the skeleton
// the learner writes in, the signature, the completeness check of a draft, and
// `rapport play --followup`.
#include "followup.h"
#include "followup_detail.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "lint.h"
#include "plan_format.h"
#include "progress.h"
#include "test_support.h"

namespace rapport {
namespace {

using nlohmann::json;
using testing::load_shipped;

// --- Template renderer ---

TEST(FollowUp, RendersVariablesAndDottedPaths) {
  json data = {{"name", "Dana"}, {"client", {{"name", "Dana Okafor"}, {"org", {{"city", "Leeds"}}}}}, {"n", 3}};
  std::string error = "stale";
  EXPECT_EQ(render_template("Hi {{name}} ({{ client.name }}, {{client.org.city}}) x{{n}}", data, &error),
            "Hi Dana (Dana Okafor, Leeds) x3");
  EXPECT_EQ(error, "");
}

TEST(FollowUp, MissingNamesRenderEmpty) {
  json data = {{"client", {{"name", "Dana"}}}};
  EXPECT_EQ(render_template("[{{nope}}][{{client.nope}}][{{client.name.deeper}}][{{a..b}}]", data), "[][][][]");
}

TEST(FollowUp, SectionsIterateArraysWithElementAsContext) {
  json data = {{"title", "T"},
               {"items", {"a", "b", "c"}},
               {"steps", {{{"text", "draft"}, {"due", "Friday"}}, {{"text", "review"}, {"due", ""}}}}};
  EXPECT_EQ(render_template("{{#items}}<{{.}}>{{/items}}", data), "<a><b><c>");
  // Inside an element, names come from the element first, then from outer contexts.
  EXPECT_EQ(render_template("{{#steps}}{{text}}{{#due}} by {{due}}{{/due}} ({{title}});{{/steps}}", data),
            "draft by Friday (T);review (T);");
}

TEST(FollowUp, SectionsOnTruthyValuesAndInvertedSections) {
  json data = {{"yes", true}, {"no", false}, {"empty", json::array()}, {"word", "hello"}, {"obj", {{"k", "v"}}}};
  EXPECT_EQ(render_template("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}{{#missing}}M{{/missing}}", data),
            "Y");
  EXPECT_EQ(render_template("{{#word}}[{{.}}]{{/word}}{{#obj}}{{k}}{{/obj}}", data), "[hello]v");
  EXPECT_EQ(render_template("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^empty}}E{{/empty}}{{^missing}}M{{/missing}}", data),
            "NEM");
}

TEST(FollowUp, StandaloneSectionLinesLeaveNoBlankLines) {
  json data = {{"items", {"a", "b"}}};
  EXPECT_EQ(render_template("List:\n{{#items}}\n- {{.}}\n{{/items}}\n{{! a note }}\nEnd\n", data),
            "List:\n- a\n- b\nEnd\n");
}

TEST(FollowUp, UnbalancedTagsAreErrorsNamingTagAndOffset) {
  json data = {{"a", true}};
  std::string error;
  EXPECT_EQ(render_template("ok {{#a}} never closed", data, &error), "");
  EXPECT_NE(error.find("'{{#a}}'"), std::string::npos) << error;
  EXPECT_NE(error.find("byte 3"), std::string::npos) << error;

  EXPECT_EQ(render_template("text {{/a}}", data, &error), "");
  EXPECT_NE(error.find("'{{/a}}'"), std::string::npos) << error;
  EXPECT_NE(error.find("byte 5"), std::string::npos) << error;

  EXPECT_EQ(render_template("{{#a}}{{#b}}{{/a}}{{/b}}", data, &error), "");
  EXPECT_NE(error.find("'{{/a}}'"), std::string::npos) << error;
  EXPECT_NE(error.find("'{{#b}}'"), std::string::npos) << error;

  EXPECT_EQ(render_template("Hi {{name", data, &error), "");
  EXPECT_NE(error.find("byte 3"), std::string::npos) << error;

  EXPECT_EQ(render_template("Hi {{ }}", data, &error), "");
  EXPECT_NE(error.find("byte 3"), std::string::npos) << error;
}

TEST(FollowUp, NestingIsCapped) {
  json data = {{"a", true}};
  std::string error;
  auto nested = [](int depth) {
    std::string t;
    for (int i = 0; i < depth; ++i) t += "{{#a}}";
    t += "x";
    for (int i = 0; i < depth; ++i) t += "{{/a}}";
    return t;
  };
  EXPECT_EQ(render_template(nested(kTemplateMaxNesting), data, &error), "x");
  EXPECT_EQ(error, "");
  EXPECT_EQ(render_template(nested(kTemplateMaxNesting + 1), data, &error), "");
  EXPECT_NE(error.find("nested deeper than 32"), std::string::npos) << error;
  EXPECT_EQ(render_template(nested(200000), data, &error), "");  // no stack blow-up
  EXPECT_FALSE(error.empty());
}

TEST(FollowUp, HandlesMegabyteTemplatesAndInvalidUtf8) {
  json data = {{"name", "Dana"}, {"items", {1, 2}}};
  std::string big;
  while (big.size() < (1u << 20)) big += "Hi {{name}} \xff\xfe\xc3 \xF0\x9F\x99\x82 {{#items}}{{.}}{{/items}}\n";
  std::string error;
  std::string out = render_template(big, data, &error);
  EXPECT_EQ(error, "");
  EXPECT_NE(out.find("Hi Dana \xff\xfe\xc3 \xF0\x9F\x99\x82 12\n"), std::string::npos);

  std::string opens(1u << 20, '{');  // a megabyte of "{{" with no closing braces
  EXPECT_EQ(render_template(opens, data, &error), "");
  EXPECT_FALSE(error.empty());
  std::string tags;
  while (tags.size() < (1u << 20)) tags += "{{/a}}{{#";
  EXPECT_EQ(render_template(tags, data, &error), "");
  EXPECT_FALSE(error.empty());
}

TEST(FollowUp, ExplosiveNestedListsStopWithAnError) {
  json data = {{"a", json::array()}};
  for (int i = 0; i < 100; ++i) data["a"].push_back(i);
  std::string tmpl;
  for (int i = 0; i < kTemplateMaxNesting; ++i) tmpl += "{{#a}}";
  tmpl += "{{.}}";
  for (int i = 0; i < kTemplateMaxNesting; ++i) tmpl += "{{/a}}";
  std::string error;
  EXPECT_EQ(render_template(tmpl, data, &error), "");  // 100^32 elements: refused, not hung
  EXPECT_NE(error.find("expands past"), std::string::npos) << error;
}

// --- Templates from the scenario file ---

TEST(FollowUp, ParsesScenarioTemplate) {
  std::string error = "stale";
  EXPECT_FALSE(parse_followup_template(json{{"id", "x"}}, &error));
  EXPECT_EQ(error, "");

  auto t = parse_followup_template(
      json{{"followup", {{"subject", "Re: {{scenario.title}}"}, {"body", "Hi {{client.first_name}}"}}}}, &error);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->subject, "Re: {{scenario.title}}");
  EXPECT_EQ(t->body, "Hi {{client.first_name}}");

  t = parse_followup_template(json{{"followup", {{"body", "Hi"}}}}, &error);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->subject, default_followup_template().subject);

  EXPECT_FALSE(parse_followup_template(json{{"followup", "Hi"}}, &error));
  EXPECT_NE(error.find("/followup"), std::string::npos);
  EXPECT_FALSE(parse_followup_template(json{{"followup", {{"subject", "s"}}}}, &error));
  EXPECT_NE(error.find("/followup/body"), std::string::npos);
  EXPECT_FALSE(parse_followup_template(json{{"followup", {{"body", "x"}, {"bdy", "y"}}}}, &error));
  EXPECT_NE(error.find("bdy"), std::string::npos);
  EXPECT_FALSE(parse_followup_template(json{{"followup", {{"body", "{{#steps}}x"}}}}, &error));
  EXPECT_NE(error.find("/followup/body"), std::string::npos);
  EXPECT_NE(error.find("'{{#steps}}'"), std::string::npos);

  EXPECT_EQ(followup_template_for(json{{"followup", 3}}, &error).body, default_followup_template().body);
  EXPECT_FALSE(error.empty());
}

// --- The email after a playthrough ---

/// Recommended preparation, then `choices` (0-based offered positions).
Dialogue play(const Scenario& s, const std::vector<size_t>& choices) {
  Dialogue d(s);
  while (d.phase() == Phase::Prepare) {
    const PrepStep* step = d.prep_step();
    size_t pick = 0;
    for (size_t i = 0; i < step->options.size(); ++i)
      if (step->options[i].recommended) pick = i;
    EXPECT_TRUE(d.choose_prep(pick));
  }
  for (size_t c : choices) EXPECT_TRUE(d.choose(c)) << "at node " << (d.node() ? d.node()->id : "?");
  return d;
}

const std::vector<size_t> kBreakthrough = {0, 0, 0, 1, 0, 0, 0, 0};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// A next step as the email words it ("draft the pilot plan with your dispatch targets").
std::string step_text(const Dialogue& d, const std::string& id) {
  json data = followup_data(d, "Alex");
  for (const auto& step : data["next_steps"])
    if (step["id"] == id) return step["action"].get<std::string>();
  return "(no step " + id + ")";
}

const FollowUpCheck::Item* item(const FollowUpCheck& c, const std::string& id) {
  for (const auto& i : c.items)
    if (i.id == id) return &i;
  return nullptr;
}

TEST(FollowUp, DataListsEstablishedPointsAndOwners) {
  Scenario s = load_shipped("questioned-advice");
  Dialogue d = play(s, kBreakthrough);
  ASSERT_EQ(d.phase(), Phase::Ended);
  json data = followup_data(d, "Alex");
  EXPECT_EQ(data["client"]["first_name"], "Dana");
  EXPECT_EQ(data["client"]["organisation"], "Halden Freight");
  EXPECT_EQ(data["learner"]["name"], "Alex");
  EXPECT_EQ(data["ending"], "breakthrough");
  EXPECT_EQ(data["has_next_steps"], true);
  EXPECT_FALSE(data["discussion"].empty());
  std::map<std::string, std::string> labels;
  for (const auto& step : data["next_steps"])
    labels[step["id"].get<std::string>()] = step["owner_label"].get<std::string>();
  EXPECT_EQ(labels["step_draft"], "I will");
  EXPECT_EQ(labels["step_managers"], "You said you would");
  EXPECT_EQ(labels["step_board_paper"], "We agreed to");
}

TEST(FollowUp, DefaultEmailAfterBreakthroughNamesEveryStep) {
  Scenario s = load_shipped("questioned-advice");
  Dialogue d = play(s, kBreakthrough);
  ASSERT_EQ(d.phase(), Phase::Ended);
  ASSERT_EQ(d.ending()->kind, "breakthrough");
  std::string error;
  std::string email = render_followup(d, default_followup_template(), "Alex", &error);
  ASSERT_EQ(error, "");
  EXPECT_EQ(email.find(default_followup_template().subject + "\n\n"), 0u);
  EXPECT_NE(email.find("Hi Dana,"), std::string::npos) << email;
  EXPECT_NE(email.find("Alex"), std::string::npos);
  EXPECT_EQ(email.find("{{"), std::string::npos);
  // Each step follows its owner ("I will draft ..."), in words addressed to the client, with its date.
  EXPECT_NE(email.find("- I will draft the pilot plan with your dispatch targets, by Friday.\n"), std::string::npos)
      << email;
  for (const char* id : {"step_draft", "step_managers", "step_board_paper", "step_pilot_plan"}) {
    const Point* p = s.find_point(id);
    ASSERT_NE(p, nullptr) << id;
    std::string action = step_text(d, id);
    EXPECT_NE(lower(action).find(lower(p->text).substr(0, 12)), std::string::npos) << id;
    EXPECT_NE(email.find(action + ", " + p->due + "."), std::string::npos) << id << "\n" << email;
  }

  FollowUpCheck check = check_followup(d, email);
  EXPECT_DOUBLE_EQ(check.coverage, 1.0);
  EXPECT_TRUE(check.flags.empty());
  for (const auto& i : check.items) EXPECT_TRUE(i.covered) << i.id;
  EXPECT_EQ(check.items.size(), 3u + 4u);  // summary, timeline, reply invite + four steps
}

TEST(FollowUp, BareThanksCoversLittle) {
  Scenario s = load_shipped("questioned-advice");
  Dialogue d = play(s, kBreakthrough);
  FollowUpCheck check = check_followup(d, "Thanks for the meeting.");
  EXPECT_LT(check.coverage, 0.2);
  for (const auto& i : check.items) {
    EXPECT_FALSE(i.covered) << i.id;
    EXPECT_FALSE(i.hint.empty()) << i.id;
  }
}

TEST(FollowUp, BlameWordingIsFlaggedAndLowersCoverage) {
  Scenario s = load_shipped("questioned-advice");
  Dialogue d = play(s, kBreakthrough);
  std::string email = render_followup(d, default_followup_template(), "Alex");
  double clean = check_followup(d, email).coverage;
  FollowUpCheck check = check_followup(d, "As I told you, the numbers hold. " + email + "\nYou MUST reply ASAP.");
  ASSERT_EQ(check.flags.size(), 3u);
  auto quoted = [&](const std::string& words) {
    return std::any_of(check.flags.begin(), check.flags.end(),
                       [&](const std::string& f) { return f.find("\"" + words + "\"") != std::string::npos; });
  };
  EXPECT_TRUE(quoted("As I told you"));
  EXPECT_TRUE(quoted("You MUST"));
  EXPECT_TRUE(quoted("ASAP"));
  EXPECT_NEAR(check.coverage, clean - 0.3, 1e-9);
}

TEST(FollowUp, DraftMissingOneStepMarksExactlyThatStep) {
  Scenario s = load_shipped("questioned-advice");
  Dialogue d = play(s, kBreakthrough);
  for (const char* missing : {"step_draft", "step_managers", "step_board_paper", "step_pilot_plan"}) {
    std::string email = render_followup(d, default_followup_template(), "Alex");
    size_t at = email.find(step_text(d, missing));
    ASSERT_NE(at, std::string::npos) << missing;
    size_t line_begin = email.rfind('\n', at) + 1, line_end = email.find('\n', at);
    email.erase(line_begin, line_end - line_begin + 1);
    FollowUpCheck check = check_followup(d, email);
    for (const auto& i : check.items)
      EXPECT_EQ(i.covered, i.id != std::string("step:") + missing) << "without " << missing << ": " << i.id;
    EXPECT_NE(item(check, std::string("step:") + missing)->hint.find(s.find_point(missing)->due), std::string::npos);
  }
}

TEST(FollowUp, ChecksTimelineAndReplyWording) {
  Scenario s = load_shipped("questioned-advice");
  Dialogue d = play(s, kBreakthrough);
  for (const char* when :
       {"on Monday", "by Friday", "next week", "tomorrow", "12 March", "March 12th", "12/03", "2024-03-12",
        "within 5 days", "in two weeks", "at 3pm", "at 15:00", "on the 14th", "end of the month"})
    EXPECT_TRUE(item(check_followup(d, std::string("I'll send it ") + when + "."), "timeline")->covered) << when;
  for (const char* not_when : {"Thanks for the meeting.", "A 90-day pilot.", "Costs rose 1.5 times.", "It may help."})
    EXPECT_FALSE(item(check_followup(d, not_when), "timeline")->covered) << not_when;
  for (const char* invite : {"Let me know what you think.", "Please reply with changes.", "Any questions?",
                             "Tell me if there is anything I missed.", "Do correct me if I'm wrong."})
    EXPECT_TRUE(item(check_followup(d, invite), "reply_invite")->covered) << invite;
  EXPECT_FALSE(item(check_followup(d, "Speak soon."), "reply_invite")->covered);
}

TEST(FollowUp, CheckHandlesMegabyteDraftsEmojiAndInvalidUtf8) {
  Scenario s = load_shipped("questioned-advice");
  Dialogue d = play(s, kBreakthrough);
  std::string email = render_followup(d, default_followup_template(), "Alex");
  std::string big;
  while (big.size() < (1u << 20)) big += "\xF0\x9F\x99\x82 \xff\xfe\xc3( ASAP!! Friday\xe2\x80\x99s plan ";
  FollowUpCheck check = check_followup(d, big + email + "\xc3");
  EXPECT_EQ(check.flags.size(), 1u);  // repeated wording is flagged once
  EXPECT_NEAR(check.coverage, 0.9, 1e-9);
  EXPECT_EQ(check_followup(d, std::string(1u << 20, '\xff')).coverage, 0.0);
  EXPECT_EQ(check_followup(d, "").coverage, 0.0);
}

TEST(FollowUp, EmailWithoutNextStepsProposesAnotherTalk) {
  Scenario s = load_shipped("questioned-advice");
  Dialogue d = play(s, {});
  ASSERT_EQ(d.phase(), Phase::Conversation);
  std::string email = render_followup(d, default_followup_template(), "Alex");
  EXPECT_NE(email.find("did not settle on next steps"), std::string::npos) << email;
  EXPECT_EQ(email.find("What we agreed"), std::string::npos);
}

// --- Command line ---

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  return out;
}

TEST(FollowUp, CliPrintsDefaultEmail) {
  std::string out =
      run(std::string(RAPPORT_CLI) + " play scenarios/questioned-advice.json --authored-order --choose 1,1,1,2,1,1,1,1 --followup");
  size_t at = out.find("FOLLOWUP:\n");
  ASSERT_NE(at, std::string::npos) << out;
  std::string email = out.substr(at);
  EXPECT_NE(email.find("Hi Dana,"), std::string::npos) << out;
  EXPECT_NE(email.find("by Friday"), std::string::npos);
  EXPECT_NE(email.find("Alex"), std::string::npos);
  EXPECT_EQ(out.find("not part of this build"), std::string::npos);
}

TEST(FollowUp, CliUsesScenarioOwnTemplate) {
  json doc = json::parse(testing::read_text(testing::source_path("scenarios/questioned-advice.json")));
  doc["followup"] = {
      {"subject", "Re: {{scenario.title}}"},
      {"body", "Dear {{client.name}},\n{{#next_steps}}* {{text}} ({{due}})\n{{/next_steps}}{{learner.name}}\n"}};
  auto path = std::filesystem::temp_directory_path() / "rapport-followup-test-scenario.json";
  std::ofstream(path) << doc.dump(2);
  std::string out = run(std::string(RAPPORT_CLI) + " play " + path.string() + " --authored-order --choose 1,1,1,2,1,1,1,1 --followup");
  std::filesystem::remove(path);
  EXPECT_NE(out.find("FOLLOWUP:\nRe: Why should we trust your numbers?\n\nDear Dana Okafor,\n"), std::string::npos)
      << out;
  EXPECT_NE(out.find("* Write the board paper together (next Wednesday)\n"), std::string::npos) << out;
}

}  // namespace
}  // namespace rapport

namespace rapport {
namespace {

/// questioned-advice's file with its follow-up template replaced by `followup`.
std::string with_followup(const json& followup) {
  json doc = json::parse(testing::read_text(testing::source_path("scenarios/questioned-advice.json")));
  doc["followup"] = followup;
  return doc.dump();
}

// Issue 15, bug 6: the loader validated subject and body joined, so a section opened in the
// subject and closed in the body loaded; rendering them one at a time then failed and the
// learner got a blank email. The two parsers also disagreed on whether `subject` is required.
TEST(FollowUp, SubjectAndBodyAreValidatedSeparatelyOnLoad) {
  LoadResult split = load_scenario(with_followup({{"subject", "Re: {{#partial}}our talk"}, {"body", "{{/partial}}Hi"}}),
                                   "split.json");
  ASSERT_FALSE(split.ok());
  EXPECT_NE(split.errors.front().find("/followup/subject"), std::string::npos) << split.errors.front();

  LoadResult body_only = load_scenario(with_followup({{"body", "Hi {{client.first_name}}"}}), "body-only.json");
  ASSERT_TRUE(body_only.ok()) << body_only.errors.front();
  ASSERT_TRUE(body_only.scenario->followup);
  EXPECT_EQ(body_only.scenario->followup->subject, default_followup_template().subject)
      << "the loader and parse_followup_template agree: subject may be left out";
}

TEST(FollowUp, TheExampleIsNeverBlank) {
  Scenario s = load_shipped("questioned-advice");
  Dialogue d = play(s, kBreakthrough);
  ASSERT_EQ(d.phase(), Phase::Ended);
  // A template the loader could not have accepted (set directly): rendering fails.
  s.followup = FollowUpTemplate{"Re: {{#partial}}", "{{/partial}}"};
  FollowUpExample draft = followup_example(d, "");
  EXPECT_NE(draft.text.find(s.client.name.substr(0, s.client.name.find(' '))), std::string::npos) << draft.text;
  EXPECT_NE(draft.error.find("subject"), std::string::npos) << draft.error;
  EXPECT_NE(draft.error.find("standard example"), std::string::npos) << draft.error;

  s.followup = FollowUpTemplate{"Next steps", "Hi {{client.first_name}}"};
  draft = followup_example(d, "");
  EXPECT_EQ(draft.error, "");
  EXPECT_EQ(draft.text, "Next steps\n\nHi " + s.client.name.substr(0, s.client.name.find(' ')));
}

TEST(FollowUp, LintRendersTheScenarioTemplate) {
  Scenario s = load_shipped("questioned-advice");
  EXPECT_TRUE(lint_scenario(s, "qa.json").empty());
  // Sections nested over the discussion points expand past the render budget: only rendering
  // shows it.
  std::string bomb;
  for (int i = 0; i < kTemplateMaxNesting; ++i) bomb += "{{#discussion}}";
  bomb += "{{.}}";
  for (int i = 0; i < kTemplateMaxNesting; ++i) bomb += "{{/discussion}}";
  s.followup = FollowUpTemplate{"s", bomb};
  std::vector<std::string> errors = lint_scenario(s, "qa.json");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("qa.json: /followup: the template does not render (body)"), std::string::npos) << errors[0];
}

}  // namespace
}  // namespace rapport

// --- Issue 16: the learner writes the email; the example speaks to the client ---

namespace rapport {
namespace {

/// A shipped playthrough plan played to its end (the scenario outlives the dialogue).
struct Played {
  std::string plan;
  std::unique_ptr<Scenario> scenario;
  std::unique_ptr<Dialogue> dialogue;
};

Played play_plan(const std::string& path) {
  testing::ParseResult parsed = testing::parse_plan(testing::read_text(path), path);
  if (!parsed.plan) throw std::runtime_error(parsed.error);
  Played p{std::filesystem::path(path).filename().string(),
           std::make_unique<Scenario>(load_shipped(parsed.plan->scenario)), nullptr};
  p.dialogue = std::make_unique<Dialogue>(*p.scenario);
  Dialogue& d = *p.dialogue;
  for (size_t step = 0; d.phase() == Phase::Prepare; ++step) {
    size_t pick = 0;
    for (size_t o = 0; o < d.prep_step()->options.size(); ++o)
      if (d.prep_step()->options[o].recommended) pick = o;
    if (step < parsed.plan->prep.size()) pick = static_cast<size_t>(parsed.plan->prep[step] - 1);
    d.choose_prep(pick);
  }
  for (const auto& st : parsed.plan->steps)
    if (st.kind == testing::PlanStep::Kind::Choose) d.choose(static_cast<size_t>(st.choice - 1));
  return p;
}

/// Every shipped plan played through: each scenario and each of its endings.
const std::vector<Played>& every_plan() {
  static const std::vector<Played> played = [] {
    std::vector<Played> out;
    for (const auto& path : testing::plan_files()) out.push_back(play_plan(path));
    return out;
  }();
  return played;
}

/// True when `word` stands alone in `text` (not inside a longer word).
bool has_word(const std::string& text, const std::string& word) {
  auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1))
    if ((at == 0 || !letter(text[at - 1])) && (at + word.size() >= text.size() || !letter(text[at + word.size()])))
      return true;
  return false;
}

TEST(FollowUpIssue16, SkeletonCoversNothing) {
  ASSERT_GE(every_plan().size(), 30u);
  for (const Played& p : every_plan()) {
    ASSERT_EQ(p.dialogue->phase(), Phase::Ended) << p.plan;
    std::string skeleton = followup_skeleton(*p.dialogue, "Sam Lee");
    FollowUpCheck check = check_followup(*p.dialogue, skeleton);
    EXPECT_EQ(check.coverage, 0.0) << p.plan << "\n" << skeleton;
    for (const auto& i : check.items) EXPECT_FALSE(i.covered) << p.plan << ": the skeleton ticks " << i.id;
    EXPECT_TRUE(check.flags.empty()) << p.plan;
    std::string first = p.scenario->client.name.substr(0, p.scenario->client.name.find(' '));
    EXPECT_NE(skeleton.find("\n\nHi " + first + ",\n\n"), std::string::npos) << p.plan << "\n" << skeleton;
  }
  // The learner's own words make it rise.
  const Played& qa = every_plan().front();
  std::string typed = followup_skeleton(*qa.dialogue, "Sam") + "\nLet me know if I missed anything.";
  EXPECT_GT(check_followup(*qa.dialogue, typed).coverage, 0.0);
}

TEST(FollowUpIssue16, ExampleSpeaksToTheClientInTheSecondPerson) {
  for (const Played& p : every_plan()) {
    FollowUpExample example = followup_example(*p.dialogue, "Sam Lee");
    ASSERT_EQ(example.error, "") << p.plan;
    std::string first = p.scenario->client.name.substr(0, p.scenario->client.name.find(' '));
    std::string greeting = "Hi " + first + ",\n";
    size_t at = example.text.find(greeting);
    ASSERT_NE(at, std::string::npos) << p.plan << "\n" << example.text;
    std::string body = example.text.substr(at + greeting.size());
    EXPECT_EQ(body.find(first + "'s"), std::string::npos) << p.plan << "\n" << body;
    EXPECT_EQ(body.find(first + "\xE2\x80\x99s"), std::string::npos) << p.plan << "\n" << body;
    EXPECT_FALSE(has_word(body, first)) << p.plan << ": the client named in the third person\n" << body;
    EXPECT_TRUE(has_word(body, "you")) << p.plan;
    EXPECT_FALSE(has_word(body, "You will")) << p.plan << ": a client step reads as an order\n" << body;
    // The example is a model: it covers everything the checklist asks, with no blame or pressure.
    FollowUpCheck check = check_followup(*p.dialogue, example.text);
    EXPECT_DOUBLE_EQ(check.coverage, 1.0) << p.plan << "\n" << example.text;
    for (const auto& i : check.items) EXPECT_TRUE(i.covered) << p.plan << ": " << i.id;
    EXPECT_TRUE(check.flags.empty()) << p.plan << ": " << (check.flags.empty() ? "" : check.flags[0]);
  }
  // medication-change's first discussion point reads "Frank's worries: ..." in the scenario file.
  Scenario s = load_shipped("medication-change");
  EXPECT_EQ(s.points.front().text.rfind("Frank's worries", 0), 0u);
  EXPECT_EQ(followup_detail::to_second_person(s.points.front().text, "Frank").rfind("Your worries", 0), 0u);
}

TEST(FollowUpIssue16, ClientStepsAreWhatTheClientSaidNotOrders) {
  Scenario s = load_shipped("questioned-advice");
  Dialogue d = play(s, kBreakthrough);
  std::string email = followup_example(d, "Sam").text;
  EXPECT_NE(email.find("- You said you would review the plan with the Leeds and Wakefield depot managers, by Tuesday.\n"),
            std::string::npos)
      << email;
  EXPECT_NE(email.find("- We agreed to write the board paper together, next Wednesday.\n"), std::string::npos) << email;
  EXPECT_NE(email.find("- I will draft the pilot plan with your dispatch targets, by Friday.\n"), std::string::npos);
}

TEST(FollowUpIssue16, RuptureGivesARepairEmailAndPartialATentativeOne) {
  Scenario s = load_shipped("questioned-advice");
  Dialogue rupture = play(s, {2, 2});
  ASSERT_EQ(rupture.ending()->kind, "rupture");
  std::string repair = followup_example(rupture, "Sam").text;
  EXPECT_EQ(repair.rfind(default_followup_template("rupture").subject + "\n\n", 0), 0u) << repair;
  for (const char* words : {"I am sorry about how our conversation went", "that part is mine to own",
                            "talk again", "no pressure"})
    EXPECT_NE(repair.find(words), std::string::npos) << words << "\n" << repair;
  EXPECT_EQ(repair.find("What we agreed"), std::string::npos) << repair;
  EXPECT_EQ(repair.find("Thank you for making the time"), std::string::npos) << repair;

  for (const Played& p : every_plan()) {
    std::string kind = p.dialogue->ending()->kind;
    std::string text = followup_example(*p.dialogue, "Sam").text;
    EXPECT_EQ(text.find("I am sorry about how our conversation went") != std::string::npos, kind == "rupture")
        << p.plan;
    EXPECT_EQ(text.find("There is no rush on my side") != std::string::npos, kind == "partial") << p.plan;
  }
}

TEST(FollowUpIssue16, SignatureUsesTheSettingsNameOrAPlaceholder) {
  Scenario s = load_shipped("questioned-advice");
  Dialogue d = play(s, kBreakthrough);
  const std::string ends = "Best regards,\nSam Lee\n";
  std::string skeleton = followup_skeleton(d, "Sam Lee"), example = followup_example(d, "Sam Lee").text;
  EXPECT_EQ(skeleton.substr(skeleton.size() - ends.size()), ends) << skeleton;
  EXPECT_EQ(example.substr(example.size() - ends.size()), ends) << example;
  EXPECT_TRUE(check_followup(d, skeleton).reminders.empty());

  // No name set: a placeholder the learner sees, and a reminder to replace it.
  for (const char* blank : {"", "   "}) {
    std::string unsigned_draft = followup_skeleton(d, blank);
    EXPECT_NE(unsigned_draft.find("Best regards,\n[your name]\n"), std::string::npos) << unsigned_draft;
    EXPECT_NE(followup_example(d, blank).text.find("\n[your name]\n"), std::string::npos);
    FollowUpCheck check = check_followup(d, unsigned_draft);
    ASSERT_EQ(check.reminders.size(), 1u);
    EXPECT_NE(check.reminders[0].find("[your name]"), std::string::npos);
    EXPECT_NE(check.reminders[0].find("Settings"), std::string::npos);
    // Setting a name later signs the draft's sign-off line.
    EXPECT_FALSE(sign_followup_draft(unsigned_draft, blank, " "));
    EXPECT_TRUE(sign_followup_draft(unsigned_draft, blank, "Sam Lee"));
    EXPECT_EQ(unsigned_draft, skeleton);
    EXPECT_FALSE(sign_followup_draft(unsigned_draft, "Someone", "Else"));
  }
  // Found in the browser: Settings re-signs on every key, so after "S" the placeholder was gone
  // and the draft stayed signed "S". The sign-off follows the name as it is typed.
  std::string draft = followup_skeleton(d, "") + "\nP.S. Sam\n";
  std::string typed;
  for (char c : std::string("Sam Lee")) {
    std::string before = typed;
    typed += c;
    sign_followup_draft(draft, before, typed);
  }
  EXPECT_NE(draft.find("Best regards,\nSam Lee\n\nP.S. Sam\n"), std::string::npos) << draft;
}

TEST(FollowUpIssue16, NonAsciiNameIsKeptExactly) {
  Scenario s = load_shipped("questioned-advice");
  Dialogue d = play(s, kBreakthrough);
  const std::string name = "Zo\xC3\xAB \xC3\x91\xC3\xBA\xC3\xB1" "ez-\xE6\x9D\x8E \xD9\x84\xD9\x8A\xD9\x84\xD9\x89 "
                           "\xF0\x9F\x99\x82";  // "Zoë Ñúñez-李 ليلى 🙂"
  EXPECT_EQ(clean_learner_name(name), name);
  // Stored in the progress record's settings and read back exactly.
  MemoryProgressStore store;
  ProgressBook book(store);
  book.load();
  ASSERT_TRUE(book.set_settings({{"theme", "dark"}, {"learner_name", name}}));
  ProgressBook again(store);
  again.load();
  LearnerSettings read = read_learner_settings(again.record().settings);
  EXPECT_EQ(read.name, name);
  EXPECT_EQ(read.theme, "dark");
  std::string skeleton = followup_skeleton(d, read.name);
  EXPECT_EQ(skeleton.substr(skeleton.size() - name.size() - 1), name + "\n");
  EXPECT_NE(followup_example(d, read.name).text.find("\n" + name + "\n"), std::string::npos);
  // Only what cannot be a name goes: control characters, broken UTF-8, and past 120 bytes, whole
  // characters only.
  EXPECT_EQ(clean_learner_name("Sam\nLee\t\x01"), "SamLee");
  EXPECT_EQ(clean_learner_name("Zo\xC3 \xFF\xC3\xAB"), "Zo \xC3\xAB");
  std::string long_name;
  for (int i = 0; i < 100; ++i) long_name += "\xC3\xAB";  // 200 bytes of "ë"
  EXPECT_EQ(clean_learner_name(long_name), long_name.substr(0, 120));
  EXPECT_EQ(clean_learner_name("a" + long_name).size(), 119u);
  // A wrong-typed name is refused like the other settings.
  std::vector<std::string> problems;
  auto record = progress_from_json_text(R"({"format_version":2,"sessions":[],"settings":{"learner_name":7}})",
                                        nullptr, &problems);
  ASSERT_TRUE(record);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("learner_name"), std::string::npos) << problems[0];
}

}  // namespace
}  // namespace rapport
