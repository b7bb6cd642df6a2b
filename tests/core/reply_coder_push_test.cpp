// Reviewer Q (7 December): the replies learners type when a client pushes back. Guarantees, "trust
// me", advice put as what the learner would do, and sarcasm without a stock opening had been
// information, closed questions or affirmations, and most of them gained trust.
#include <gtest/gtest.h>

#include "coder_checks.h"
#include "reply_coder.h"

namespace rapport {
namespace {

using testing::code_of;
using testing::describe;

TEST(ReplyCoderPush, GuaranteesAndTrustMeSell) {
  for (const auto& [reply, line] : std::initializer_list<std::pair<const char*, const char*>>{
           {"Trust me, the Castlegate one is fair. I guarantee you'd agree if you read it.",
            "If Castlegate's complained as well, I'd argue with that one."},
           {"I guarantee you'll be glad you held on. Clients who sold with other firms in 2020 all regretted it.",
            "I don't want explanations, I want it sold. Please don't lecture me."},
           {"Our day rate is already 20% below what the big agencies charge. But you'll see the difference in what "
            "we deliver.",
            "I need you to tell me how we do this."},
           {"Every other housing association we work with phased their portal. He'll come round, trust me.",
            "My director wanted the messaging. I can't see him signing it off."},
           {"That's the contractual minimum, but in practice we hit nearly 100%. You won't be disappointed.",
            "Your contract only says 95%."},
           {"Honestly, it pays for itself within a year.", "It's a lot of money for a scheduling tool."},
           // Reviewer R: a competitor run down (a complex reflection, +8, "the reply that built the most
           // trust"), and guarantees of other shapes.
           {"Other agencies will happily promise you 1,200, but they'll just burn your budget on junk leads that "
            "never book a showroom visit.",
            "Every agency's first answer is some version of 'not realistic'."},
           {"I guarantee Petrel will pay for itself in the first month. Ninety no-shows at £48 is £4,320 a month.",
            "No-shows are the big one."},
           {"I guarantee you this time will be different. Trust me, I'll make sure it gets fixed.",
            "I don't believe a word you lot say."}}) {
    const CodedReply r = classify_reply(reply, line);
    EXPECT_EQ(r.code, MiCode::Persuade) << reply << ": " << describe(r);
  }
  EXPECT_NE(code_of("I know. I'm sorry. We will make this right, I guarantee it.", "This is the third time."),
            MiCode::Persuade);
  EXPECT_EQ(code_of("Well, you get what you pay for.", "The other agency quoted 15%."), MiCode::Confront);
  // A promise of what the learner will do, and "trust me" inside a question, stay as they were.
  EXPECT_NE(code_of("I'll send the revised costs by Tuesday, I promise.", "I need the numbers."), MiCode::Persuade);
  EXPECT_NE(code_of("Why can't you just trust me on this?", "I'm not convinced."), MiCode::Persuade);
  EXPECT_EQ(code_class(code_of("You're not alone there, trust me. What would a good week look like for you?",
                               "Everyone else seems to manage.")),
            MiClass::Question);
}

TEST(ReplyCoderPush, AdviceAsWhatYouWouldDoIsAdvice) {
  const CodedReply shoes = classify_reply(
      "If I were in your shoes I'd write a short template for the payroll replies so nothing goes out as one line. "
      "How does that sound?",
      "I don't want to be the bloke who sends one-liners.");
  EXPECT_EQ(shoes.code, MiCode::Persuade) << describe(shoes);
  EXPECT_EQ(code_of("If I were you I'd give the weekly injection a three-month trial. What do you reckon?",
                    "I do want to stay well. I just don't want to be on needles at fifty-eight."),
            MiCode::Persuade);
  // Asked for, or left with the client, it is advice with permission.
  EXPECT_EQ(code_of("If it were me, I'd negotiate the start date first. It's your call, though.",
                    "What would you do in my position?"),
            MiCode::PersuadeWithPermission);
  EXPECT_EQ(code_of("In your shoes I'd keep the cash aside. But you know your family best, and it's your decision.",
                    "I keep going back and forth."),
            MiCode::PersuadeWithPermission);
  // Someone else in the client's shoes is a question about them, and asking first stays asking.
  EXPECT_EQ(code_class(code_of("What would you tell one of your old pupils, if they were in your shoes?",
                               "I don't know what to do.")),
            MiClass::Question);
  EXPECT_EQ(code_of("Would it be alright if I was your named contact from now on?", "Thank you."),
            MiCode::SeekCollaboration);
}

TEST(ReplyCoderPush, SarcasmWithoutAStockOpening) {
  for (const auto& [reply, line] : std::initializer_list<std::pair<const char*, const char*>>{
           {"Well, that's great, two years of work in a drawer.",
            "Meanwhile tenants wait forty minutes on hold to report a leak."},
           {"Well, that's great, so we just give up before we've even started.",
            "Mind you. We tried a help channel in 2022. Lasted a week."},
           {"Well, good for your sister, I'm sure she's got it all worked out.",
            "And I feel so foolish. My sister sold everything in March."},
           // Reviewer R's.
           {"Well, that's just great. A whole pitch gone, all thanks to us.",
            "Last Tuesday I froze halfway through a pitch and lost it."},
           {"Well, that's great. Two winters of paint over the mould, and now it's all my fault, is it?",
            "Do you know what it's like, sat on the landing at two in the morning?"}}) {
    const CodedReply r = classify_reply(reply, line);
    EXPECT_EQ(r.code, MiCode::Confront) << reply << ": " << describe(r);
    EXPECT_EQ(r.cues.front().rfind("sarcasm ('Well, ", 0), 0u) << describe(r);
  }
  EXPECT_EQ(code_of("Oh brilliant, so the partners would rather keep losing ninety appointments a month than spend "
                    "a bit more.",
                    "The partners will ask why we didn't just go cheap."),
            MiCode::Confront);
  // Good news cheered, and "good for you" meant, stay as they were.
  EXPECT_NE(code_of("Well, good for you. That took real nerve, walking in there.", "I told him no."), MiCode::Confront);
  EXPECT_NE(code_of("Oh, that's great, you kept every receipt. That makes the claim much easier.",
                    "I've got all the receipts in a folder."),
            MiCode::Confront);
}

// Reviewer Q: "...so honestly the injection is your best option" was information after "I'm not
// keen, I'll be honest with you.", which the coder had read as the client asking for advice ("be
// honest": 120 labelled clients' lines hold it, none of them asks).
TEST(ReplyCoderPush, ABestOptionInsistsAfterAClientWhoIsBeingHonest) {
  const CodedReply best = classify_reply(
      "Your HbA1c has gone from 58 to 71 in a year, that's way over target, so honestly the injection is your best "
      "option.",
      "The doctor wants me on injections. I'm not keen, I'll be honest with you.");
  EXPECT_EQ(best.code, MiCode::Persuade) << describe(best);
  // Asked, it is not insisting.
  EXPECT_NE(code_of("In my view the injection is your best option.", "Be honest with me. What would you do?"),
            MiCode::Persuade);
}

// Reviewer R: the client's own plan played back ("Got it: you'll have the re-plan from me by Friday...")
// was advice without permission, -6, and "Don't start rewriting it for me".
TEST(ReplyCoderPush, TheClientsOwnPlanPlayedBackIsNotAdvice) {
  const char* plan =
      "Fine. The re-plan by Friday. I'll pick a route with my warehouse manager, Monday probably. And I want the "
      "Tuesday and Friday updates starting this week.";
  const CodedReply back = classify_reply(
      "Got it: you'll have the re-plan from me by Friday, written updates every Tuesday and Friday from this week, and "
      "you'll choose the route with your warehouse manager on Monday.",
      plan);
  EXPECT_NE(back.code, MiCode::Persuade) << describe(back);
  // Advice after the same words is still advice.
  EXPECT_EQ(code_of("Got it: you should drop the warehouse manager and pick the route yourself today.", plan),
            MiCode::Persuade);
}

// Reviewer Q: a menu with the choice handed back, closing on "Which of those...?", was a closed
// question, with the tip that closed questions get facts.
TEST(ReplyCoderPush, AMenuWithTheChoiceHandedBackIsNotAClosedQuestion) {
  const CodedReply menu = classify_reply(
      "Nobody's going to make you. There are a few routes: a three-month trial of the injection, three months of "
      "changes you choose and then a recheck, or both. It's your call. Which of those, if any, fits your life?",
      "Hard to say, that. So what happens now? Because I'm still not doing needles.");
  EXPECT_TRUE(menu.code == MiCode::EmphasizeAutonomy || menu.code == MiCode::PersuadeWithPermission) << describe(menu);
  // Without the choice handed back it is the question it looks like.
  EXPECT_EQ(code_of("Which would you rather take to your board?", "So what now?"), MiCode::ClosedQuestion);
}

// Reviewer Q: an apology, then a reflection, was `other` ("Say more: a question or a reflection
// moves the conversation forward") or an affirmation, by its apology.
TEST(ReplyCoderPush, AReflectionAfterAnApologyIsAReflection) {
  for (const auto& [reply, line] : std::initializer_list<std::pair<const char*, const char*>>{
           {"Sorry for the formal invite, I should have said. You're bracing for this to be the start of something "
            "formal after six years of good work.",
            "You booked a room. Is this a disciplinary?"},
           {"Sorry, that came out wrong. What matters most to you is tenants reporting a repair and paying rent "
            "without ringing.",
            "My director wanted the messaging module."}}) {
    const CodedReply r = classify_reply(reply, line);
    EXPECT_EQ(code_class(r.code), MiClass::Reflection) << reply << ": " << describe(r);
  }
  // Agreeing that the client is right, and an apology alone, stay as they were.
  EXPECT_EQ(code_of("I'm sorry about that. You're right, and I should have acted on it.", "You never called back."),
            MiCode::Other);
  EXPECT_EQ(code_of("Sorry. I know.", "You never called back."), MiCode::Other);
}

// Reviewer S: "I understand but..." and "I hear you, however..." before an argument were neutral
// information (or a reflection, +8, and the session's best reply); an apology with what the client
// should have been given was advice (-12); "Why dont we just put you back..." an open question (+5).
TEST(ReplyCoderPush, YesButArguesApologiesDoNotAdviseAndWhyDontWeSuggests) {
  for (const auto& [reply, line] : std::initializer_list<std::pair<const char*, const char*>>{
           {"I understand but our track record on these mergers is 95%, the maths does add up",
            "It's just... Leeds can barely cope now."},
           {"I understand but three breaches is still three breaches, the SLA applies to everyone",
            "Three went over this month. I know."},
           {"I hear you, however you do have the \u00a325,000 cash reserve to fall back on, that covers 16 months",
            "If it goes, I've nothing to fall back on."},
           {"I hear you, however going back to all volunteers would be a big step backwards for the pantry",
            "Maybe we just go back to all volunteers."},
           {"Yeah, I understand you're frustrated but you did sign the agreement.", "This is daylight robbery."},
           // Reviewer U: a reflection (offered with information) and information.
           {"Yes, but the maths doesn't work, you can't have six modules for ninety grand.",
            "We need all six modules live by September."},
           {"Yeah but the quote clearly says a link to your existing system.",
            "I was told it would integrate with our booking system."}}) {
    const CodedReply r = classify_reply(reply, line);
    EXPECT_TRUE(r.code == MiCode::Confront || r.code == MiCode::Persuade) << reply << ": " << describe(r);
    EXPECT_EQ(r.cues.front().rfind("disagrees after acknowledging", 0), 0u) << reply << ": " << describe(r);
  }
  // Reviewer U's "that's not on us" was an affirmation, the session's best reply.
  EXPECT_EQ(code_of("Honestly the courier's label format changed, that's not on us.",
                    "Three deliveries this month went to the wrong depot."),
            MiCode::Confront);
  // Two-sided reflections, a hand-back, an acknowledgement on its own and an affirmation about the
  // client keep their codes.
  EXPECT_NE(code_of("Yes, but part of you is still hoping it works out.", "I don't know if we can do this."),
            MiCode::Confront);
  EXPECT_EQ(code_class(code_of("I know you want to sell, but part of you is worried it makes the loss permanent.",
                               "I just want out.")),
            MiClass::Reflection);
  EXPECT_EQ(code_of("I know it's not what you wanted, but it's your call in the end.", "I'm so tired of this."),
            MiCode::EmphasizeAutonomy);
  EXPECT_EQ(code_class(code_of("I understand. It's been a rough month for you.", "I'm so tired of this.")),
            MiClass::Reflection);
  EXPECT_EQ(code_of("I hear you. But what would it take for you to feel safe?", "I'm so tired of this."),
            MiCode::OpenQuestion);
  const MiCode praised =
      code_of("I know you're disappointed, but you did a brilliant job getting this far.", "We didn't get the grant.");
  EXPECT_TRUE(praised != MiCode::Confront && praised != MiCode::Persuade) << code_id(praised);

  const CodedReply sorry = classify_reply("sorry, you should have seen them first. It sounds like you feel blindsided",
                                          "Three breaches, I know. And yes, I hear there's a complaint as well. "
                                          "Nobody's shown me it.");
  EXPECT_EQ(code_class(sorry.code), MiClass::Reflection) << describe(sorry);
  EXPECT_EQ(code_of("You should have told us sooner.", "The ceiling's been leaking for a month."), MiCode::Confront);

  for (const char* why : {"Why dont we just put you back on the integration queue and I'll sort the routing",
                          "Why don't we switch you to the monthly plan?"})
    EXPECT_EQ(code_of(why, "It's too much."), MiCode::Persuade) << why;
  EXPECT_NE(code_of("Why don't we talk it through together?", "I don't know where to start."), MiCode::Persuade);

  // Dismissing the complaint confronts (reviewer S's was advice, with the tip to ask first).
  const CodedReply live = classify_reply(
      "the reorg wasnt my decision to be fair, management moved the integration queue and we all have to live with it",
      "I used to get thank-you emails for my replies. Now it's one-liners.");
  EXPECT_EQ(live.code, MiCode::Confront) << describe(live);

  // Defending the firm's record is not an answer (reviewer T's was praised as "a straight answer").
  const CodedReply record = classify_reply("our track record on go lives is 95% on time, this is really unusual for us",
                                           "Tell me straight: are we going live on the 24th or not?");
  EXPECT_EQ(record.code, MiCode::Persuade) << describe(record);
  EXPECT_EQ(code_class(code_of("How has our track record looked from your side?", "You're always late.")),
            MiClass::Question);

  // A commitment is information, not a reflection ("ill look into the options..." was offered as one).
  const CodedReply will = classify_reply("ill look into the options and get back to you",
                                         "I could live with something in between. What happens now?");
  EXPECT_EQ(will.code, MiCode::GivingInformation) << describe(will);
  EXPECT_FALSE(should_ask_which(will, "ill look into the options and get back to you", "", true)) << describe(will);
}

// Reviewer V: a reflection of change talk with "grow up" in it was a confrontation, and two of the
// codebook's own cues ("let's decide together", "I'm not going to force you") were small talk.
TEST(ReplyCoderPush, TheCodebooksCuesAndGrowingUp) {
  const char* granddaughter = "I want to see my granddaughter grow up. That's the point of all this.";
  for (const char* reply : {"You want to see your granddaughter grow up.", "You want to see her grow up.",
                            "You want to watch the kids grow up, and this scares you."})
    EXPECT_EQ(code_class(code_of(reply, granddaughter)), MiClass::Reflection) << reply;
  EXPECT_EQ(code_of("You need to grow up about this.", "You are late again."), MiCode::Confront);
  EXPECT_EQ(code_of("Oh grow up, everyone gets delays.", "You are late again."), MiCode::Confront);
  for (const char* reply : {"Let's decide together what to do next.", "Lets decide together what to do next.",
                            "Let's work it out together."}) {
    const CodedReply c = classify_reply(reply, "So what now?");
    EXPECT_EQ(c.code, MiCode::SeekCollaboration) << describe(c);
  }
  const CodedReply no_force = classify_reply("I'm not going to force you into anything.", "I don't want to be pushed.");
  EXPECT_EQ(no_force.code, MiCode::EmphasizeAutonomy) << describe(no_force);
  // Gathering is not deciding together; "Let's see." is a filler.
  EXPECT_NE(code_of("Let's get the numbers together. I'll come back Thursday.", "So what now?"),
            MiCode::SeekCollaboration);
  EXPECT_EQ(code_of("Let's see.", "So what now?"), MiCode::Other);
}

}  // namespace
}  // namespace rapport
