// Benchmarks of the MI reply coder: replies per second over a realistic mix, and a capped 1 MB reply.
#include <benchmark/benchmark.h>

#include <string>
#include <utility>
#include <vector>

#include "reply_coder.h"

namespace {

// A mix of typical replies: short backchannels, questions, reflections, advice, long turns.
const std::vector<std::pair<std::string, std::string>>& reply_mix() {
  static const std::vector<std::pair<std::string, std::string>> mix = {
      {"What brings you in today?", ""},
      {"mm-hmm", "I just feel like nobody listens."},
      {"So you've been smoking since you were fifteen.", "I've smoked since I was fifteen."},
      {"It sounds like part of you wants to stop and part of you isn't ready yet.",
       "I know I should quit but I don't know."},
      {"You should really cut back to two glasses a night.", "I drink a bottle most nights."},
      {"Would it be okay if I shared what some other clients have tried?", "I've tried everything."},
      {"Do you take the tablets with food?", "The metformin makes me feel sick."},
      {"The refund goes back to your card in three to five working days. Does that make sense?",
       "When do I get my money back?"},
      {"It's your call, you know the team better than I do.", "Should we cut the reporting module?"},
      {"That's not realistic, we agreed the deadline in March.", "The deadline is impossible."},
      {"you've really stuck with it, that's impressive", "I tracked every expense for a month."},
      {"um so like what would you want to do with the money if it wasn't going on cigarettes",
       "probably 80 bucks a week? never added it up"},
      {"Since you asked, one option is a two-year term at 10% instead of 20%. Another is the standard tier, "
       "which drops a couple of features you may not use. Tell me which fits better for your budget cycle.",
       "fine, what options"},
      {"Hi, thanks for calling, this is Priya. Can I get your account number?", ""},
      {"How many people on your team use the spreadsheets?", "We're pretty happy with spreadsheets."},
      {"You're worried the budget won't stretch?", "I'm worried the budget won't stretch to the new hires."},
  };
  return mix;
}

void BM_ReplyCoder_TypicalMix(benchmark::State& state) {
  const auto& mix = reply_mix();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& [text, context] = mix[i++ % mix.size()];
    benchmark::DoNotOptimize(rapport::classify_reply(text, context));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ReplyCoder_TypicalMix);

void BM_ReplyCoder_OneMegabyteReply(benchmark::State& state) {
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "so you feel like nobody listens and the budget is tight? ";
  for (auto _ : state) benchmark::DoNotOptimize(rapport::classify_reply(huge, huge));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ReplyCoder_OneMegabyteReply);

}  // namespace
