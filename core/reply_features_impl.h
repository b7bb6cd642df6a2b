// The reply coder's feature extraction, header-only so that the coder (reply_coder.cpp) and its
// trainer (tools/train_coder.cpp) share one definition; the types and the API are in
// reply_features.h, which includes this file at its end.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "reply_features.h"

namespace rapport::coder {

namespace detail {

inline constexpr int kMaxPhraseWords = 6;

constexpr bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Where each distinct value of a sorted list of 32-bit word hashes begins, and how many times it
/// comes: an open-addressing table, about one probe per look-up instead of a binary search (the
/// coder looks up every word of a reply in a dozen lists).
class HashRuns {
 public:
  void build(const std::vector<std::uint32_t>& sorted) {
    std::size_t capacity = 16;
    while (capacity < sorted.size() * 2) capacity <<= 1;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (std::size_t i = 0; i < sorted.size();) {
      std::size_t j = i;
      while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
      std::size_t at = spread(sorted[i]) & mask_;
      while (slots_[at].count != 0) at = (at + 1) & mask_;
      slots_[at] = Slot{sorted[i], static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j - i)};
      i = j;
    }
  }
  /// {first index, count} of `h` in the sorted list; count 0 when it is not there.
  std::pair<std::uint32_t, std::uint32_t> find(std::uint32_t h) const {
    for (std::size_t at = spread(h) & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.count == 0) return {0, 0};
      if (slot.hash == h) return {slot.begin, slot.count};
    }
  }

 private:
  struct Slot {
    std::uint32_t hash = 0, begin = 0, count = 0;  // count 0: an empty slot
  };
  static std::size_t spread(std::uint32_t h) { return h ^ (h >> 15); }
  std::vector<Slot> slots_ = std::vector<Slot>(1);
  std::size_t mask_ = 0;
};

/// A set of word hashes built from a space-separated list.
struct WordSet {
  explicit WordSet(std::string_view words) {
    std::vector<std::uint32_t> hashes;
    std::size_t i = 0;
    while (i < words.size()) {
      std::size_t j = words.find(' ', i);
      if (j == std::string_view::npos) j = words.size();
      std::uint32_t h = kFnvOffset;
      for (std::size_t k = i; k < j; ++k) h = fnv_step(h, static_cast<unsigned char>(words[k]));
      if (j > i) hashes.push_back(h);
      i = j + 1;
    }
    std::sort(hashes.begin(), hashes.end());
    runs.build(hashes);
  }
  bool contains(std::uint32_t h) const { return runs.find(h).second > 0; }
  HashRuns runs;
};

struct Phrase {
  std::array<std::uint32_t, kMaxPhraseWords> words;
  std::uint8_t count;
  PhraseGroup group;
  std::string_view text;
};

/// All lookup tables (phrase lists and word lists live in reply_tables.cpp), built once.
struct Tables {
  std::vector<Phrase> phrases;                             // sorted by first word hash
  std::vector<std::pair<std::uint32_t, int>> first_words;  // (hash, index into phrases)
  HashRuns first_word_runs;                                // where each first word's phrases are
  WordSet stop, fillers, backchannel, open_wh, closed_wh, how_quantity, auxiliaries, you, self, we, negations,
      filler_words, reflective_verbs, speaker_own, lead_ins, cleft_heads, copulas, cue_dull, commit_leads;
  std::uint32_t h_how, h_so, h_or, h_you, h_ask, h_if, h_whether, h_what, h_a, h_an;
  std::uint32_t h_ill, h_we_ll, h_i, h_we, h_will, h_im, h_going;  // commitments ("I'll", "we'll"...)
  // Whole sentences that only acknowledge ("That's fair.", "I get that."): word hashes of each.
  std::vector<std::vector<std::uint32_t>> acknowledgements;
  Tables();
};

/// The shared lookup tables (thread-safe static, defined in reply_tables.cpp).
const Tables& tables();

inline std::uint32_t word_hash(std::string_view w) {
  std::uint32_t h = kFnvOffset;
  for (char c : w) h = fnv_step(h, static_cast<unsigned char>(c));
  return h;
}

/// Mixes a feature namespace and up to three word hashes into a bucket index, with the feature's
/// sign (+1 or -1 for every occurrence of it) in kBucketSign.
constexpr std::uint16_t bucket(std::uint32_t ns, std::uint32_t a, std::uint32_t b = 0, std::uint32_t c = 0) {
  std::uint64_t x = (static_cast<std::uint64_t>(ns) << 32) ^ a;
  x = (x ^ (x >> 29)) * 0xbf58476d1ce4e5b9ull + b;
  x = (x ^ (x >> 31)) * 0x94d049bb133111ebull + c;
  x ^= x >> 32;
  return static_cast<std::uint16_t>((x % kHashBuckets) | (((x >> 47) & 1u) ? kBucketSign : 0u));
}

/// Hash of a token with a common English ending removed ("budgets" -> "budget").
inline std::uint32_t stem_hash(const TokenizedText& t, const Token& tok) {
  const char* p = t.text.data() + tok.begin;
  int n = tok.len;
  auto ends = [&](std::string_view e) {
    return n > static_cast<int>(e.size()) + 2 && std::string_view(p + n - e.size(), e.size()) == e;
  };
  if (ends("ing"))
    n -= 3;
  else if (ends("ed"))
    n -= 2;
  else if (ends("es"))
    n -= 2;
  else if (ends("s") && p[n - 2] != 's')
    n -= 1;
  std::uint32_t h = kFnvOffset;
  for (int i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c >= 'A' && c <= 'Z') c |= 0x20;
    h = fnv_step(h, c);
  }
  return h;
}

/// Calls visit(phrase_index) for every phrase that starts at token i and ends before `end`.
template <typename Visit>
inline void phrases_at(const TokenizedText& t, int i, int end, Visit&& visit) {
  const Tables& tab = tables();
  const auto [first, count] = tab.first_word_runs.find(t.tokens[i].hash);
  for (std::uint32_t r = first; r < first + count; ++r) {
    const int index = tab.first_words[r].second;
    const Phrase& p = tab.phrases[index];
    if (i + p.count > end) continue;
    bool ok = true;
    for (int k = 1; k < p.count && ok; ++k) ok = t.tokens[i + k].hash == p.words[k];
    if (ok) visit(index);
  }
}

/// Small open-addressing set of hashes, cleared per call (no allocation).
struct HashSet256 {
  std::array<std::uint32_t, 256> slots{};
  void insert(std::uint32_t h) {
    h |= 1u;  // 0 marks an empty slot
    for (std::uint32_t i = h & 255u, n = 0; n < 256; i = (i + 1) & 255u, ++n) {
      if (slots[i] == h) return;
      if (slots[i] == 0) {
        slots[i] = h;
        return;
      }
    }
  }
  bool contains(std::uint32_t h) const {
    h |= 1u;
    for (std::uint32_t i = h & 255u, n = 0; n < 256; i = (i + 1) & 255u, ++n) {
      if (slots[i] == h) return true;
      if (slots[i] == 0) return false;
    }
    return false;
  }
};

}  // namespace detail

inline void tokenize(std::string_view text, std::size_t cap, TokenizedText& out) {
  const std::size_t n = std::min(text.size(), cap);
  out.text = text.substr(0, n);
  out.token_count = 0;
  out.segment_count = 0;
  out.question_marks = 0;
  std::uint32_t h = kFnvOffset;
  int len = 0, begin = 0;
  bool ascii = false, clause_start = true;
  int segment_first = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());

  auto flush = [&](int end) {
    if (len > 0 && out.token_count < kMaxTokens) {
      out.tokens[out.token_count++] = {h,
                                       static_cast<std::uint16_t>(begin),
                                       static_cast<std::uint16_t>(end - begin),
                                       static_cast<std::uint16_t>(out.segment_count),
                                       clause_start,
                                       ascii};
      clause_start = false;
    }
    h = kFnvOffset;
    len = 0;
    ascii = false;
  };
  auto end_segment = [&](bool question) {
    if (out.token_count > segment_first) {
      if (out.segment_count < kMaxSegments) {
        out.segments[out.segment_count++] = {static_cast<std::uint16_t>(segment_first),
                                             static_cast<std::uint16_t>(out.token_count), question};
      } else {  // too many sentences: extend the last one
        out.segments[kMaxSegments - 1].end = static_cast<std::uint16_t>(out.token_count);
        out.segments[kMaxSegments - 1].question = question;
      }
      segment_first = out.token_count;
    } else if (question && out.segment_count > 0 && segment_first == out.token_count) {
      out.segments[out.segment_count - 1].question = true;  // "?!" or "? ?"
    }
    clause_start = true;
  };
  auto add = [&](std::size_t i, unsigned char c) {
    if (len == 0) begin = static_cast<int>(i);
    h = fnv_step(h, c);
    ++len;
  };

  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = s[i];
    const bool next_alnum = i + 1 < n && detail::is_ascii_alnum(s[i + 1]);
    if (detail::is_ascii_alnum(c)) {
      if (c >= 'A' && c <= 'Z') c |= 0x20;
      add(i, c);
      ascii = true;
    } else if (c == '\'') {
      if (len > 0 && next_alnum)
        add(i, '\'');
      else
        flush(static_cast<int>(i));
    } else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
      const unsigned char k = s[i + 2];
      if ((k == 0x98 || k == 0x99) && len > 0 && i + 3 < n && detail::is_ascii_alnum(s[i + 3])) {
        add(i, '\'');  // curly apostrophe inside a word
      } else {
        flush(static_cast<int>(i));
        if (k == 0xA6)
          end_segment(false);  // ellipsis
        else if (k == 0x93 || k == 0x94)
          clause_start = true;  // dashes
      }
      i += 2;
    } else if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBC && s[i + 2] == 0x9F) {  // full-width ?
      flush(static_cast<int>(i));
      ++out.question_marks;
      end_segment(true);
      i += 2;
    } else if (c >= 0x80) {
      add(i, c);  // other scripts, emoji, invalid bytes: part of the word, hashed as is
    } else if (c == '-' && len > 0 && next_alnum) {
      add(i, c);
    } else if (c == '.' && len > 0 && next_alnum && (s[i - 1] >= '0' && s[i - 1] <= '9')) {
      add(i, c);  // 2.5
    } else {
      flush(static_cast<int>(i));
      if (c == '?') {
        ++out.question_marks;
        end_segment(true);
      } else if (c == '.' || c == '!' || c == '\n' || c == ';') {
        end_segment(false);
      } else if (c == ',' || c == ':' || c == '(' || c == ')' || c == '"' || c == '-') {
        clause_start = true;
      }
    }
  }
  flush(static_cast<int>(n));
  end_segment(false);
}

inline std::string_view phrase_text(int phrase) {
  const auto& phrases = detail::tables().phrases;
  return phrase >= 0 && phrase < static_cast<int>(phrases.size()) ? phrases[phrase].text : "";
}

inline std::string_view hand_feature_name(int feature) {
  static constexpr std::string_view kFixed[] = {"bias",
                                                "main ends with ?",
                                                "any ?",
                                                "several ?",
                                                "starts open wh",
                                                "starts closed wh",
                                                "starts auxiliary",
                                                "starts you",
                                                "starts I",
                                                "starts so",
                                                "auxiliary without ?",
                                                "'or' in question",
                                                "overlap share",
                                                "overlap count",
                                                "bigram echo",
                                                "context empty",
                                                "context is question",
                                                "pronoun shift",
                                                "advice after request",
                                                "advice with choice",
                                                "sounds-like advice",
                                                "reflected obligation",
                                                "check-in tag",
                                                "two sentences",
                                                "three+ sentences",
                                                "1-3 words",
                                                "4-8 words",
                                                "9-20 words",
                                                "21+ words",
                                                "you share",
                                                "I share",
                                                "we share",
                                                "number",
                                                "negation",
                                                "backchannel only",
                                                "filler share",
                                                "no English words"};
  static constexpr std::string_view kGroups[] = {
      "restate",      "sounds like",        "feeling",    "double-sided", "permission", "collaborate",
      "advise",       "offer with choice",  "autonomy",   "affirm",       "confront",   "inform",
      "housekeeping", "invite elaboration", "closed ask", "emotion",      "check-in",   "client asks"};
  static_assert(sizeof(kFixed) / sizeof(kFixed[0]) == kGroupBase);
  static_assert(sizeof(kGroups) / sizeof(kGroups[0]) == kPhraseGroupCount);
  if (feature >= 0 && feature < kGroupBase) return kFixed[feature];
  if (feature >= kGroupBase && feature < kHandFeatureCount) return kGroups[feature - kGroupBase];
  return "";
}

inline void extract_features(std::string_view text, std::string_view context, ReplyFeatures& out) {
  using namespace detail;
  const Tables& tab = tables();
  // Per-thread scratch (~25 KB) rather than stack space, which is small in the web build.
  thread_local TokenizedText t, c;
  tokenize(text, kMaxTextBytes, t);
  tokenize(context, kMaxContextBytes, c);
  out.hashed_count = 0;
  out.hand.fill(0.f);
  out.hits.fill(PhraseHit{});
  out.context_asks_advice = false;
  {
    const std::string_view ctx = context.substr(0, kMaxContextBytes);
    const size_t end = ctx.find_last_not_of(" \t\r\n\"')");
    out.context_ends_asking = end != std::string_view::npos && ctx[end] == '?';
  }
  out.first_word_begin = out.first_word_len = 0;
  out.overlap_word_begin = out.overlap_word_len = 0;
  out.check_in_phrase = -1;
  out.main_segment = -1;
  out.words_before_main = 0;
  out.word_count = t.token_count;
  out.what_statement = false;
  out.commitment = false;
  auto& x = out.hand;
  x[kBias] = 1.f;
  auto push = [&](std::uint16_t b) {
    if (out.hashed_count < kMaxHashed) out.hashed[out.hashed_count++] = b;
  };

  // The client's line: content words, word pairs, and whether it asked for advice.
  HashSet256 ctx_words, ctx_pairs;
  int ctx_self = 0;
  for (int i = 0; i < c.token_count; ++i) {
    const Token& tok = c.tokens[i];
    if (tab.self.contains(tok.hash)) ++ctx_self;
    if (tok.ascii_word && tok.len >= 3 && !tab.stop.contains(tok.hash)) ctx_words.insert(stem_hash(c, tok));
    if (i > 0 && c.tokens[i - 1].segment == tok.segment) ctx_pairs.insert(tok.hash * 31u + c.tokens[i - 1].hash);
    phrases_at(c, i, c.token_count, [&](int p) {
      if (tab.phrases[p].group == kClientAsks) out.context_asks_advice = true;
    });
  }
  x[kContextEmpty] = c.token_count == 0 ? 1.f : 0.f;
  x[kContextIsQuestion] = c.question_marks > 0 ? 1.f : 0.f;

  const int n = t.token_count;
  int ascii_words = 0, you = 0, self = 0, we = 0, negations = 0, fillers = 0, backchannel = 0;
  bool number = false;
  for (int i = 0; i < n; ++i) {
    const Token& tok = t.tokens[i];
    ascii_words += tok.ascii_word;
    you += tab.you.contains(tok.hash);
    self += tab.self.contains(tok.hash);
    we += tab.we.contains(tok.hash);
    negations += tab.negations.contains(tok.hash);
    fillers += tab.filler_words.contains(tok.hash);
    backchannel += tab.backchannel.contains(tok.hash);
    const char first = t.text[tok.begin];
    number = number || (first >= '0' && first <= '9');
  }
  out.no_words = ascii_words == 0;
  x[kNoEnglishWords] = n > 0 && ascii_words == 0 ? 1.f : 0.f;
  if (n == 0) return;

  // The main sentence: the last one that is not fillers, backchannel or a check-in.
  int main = -1, main_first = 0;
  for (int s = t.segment_count - 1; s >= 0 && main < 0; --s) {
    const Segment& seg = t.segments[s];
    int f = seg.first;
    while (f < seg.end && tab.fillers.contains(t.tokens[f].hash)) ++f;
    if (f == seg.end) continue;
    bool all_backchannel = true;
    for (int k = seg.first; k < seg.end && all_backchannel; ++k)
      all_backchannel = tab.backchannel.contains(t.tokens[k].hash);
    if (all_backchannel) continue;
    bool check_in = false;
    phrases_at(t, f, seg.end, [&](int p) {
      const Phrase& ph = tab.phrases[p];
      if (ph.group == kCheckIn && f + ph.count == seg.end) {
        check_in = true;
        out.check_in_phrase = static_cast<std::int16_t>(p);
      }
    });
    if (check_in) continue;
    // "You're angry the launch slipped again. I get that.": the acknowledgement closes the
    // reflection; the reflection is what the turn does.
    const bool acknowledgement =
        std::any_of(tab.acknowledgements.begin(), tab.acknowledgements.end(), [&](const auto& a) {
          if (static_cast<int>(a.size()) != seg.end - f) return false;
          for (std::size_t k = 0; k < a.size(); ++k)
            if (t.tokens[f + static_cast<int>(k)].hash != a[k]) return false;
          return true;
        });
    if (acknowledgement) continue;
    main = s;
    main_first = f;
  }
  if (main < 0) {
    main = t.segment_count - 1;
    main_first = t.segments[main].first;
  }
  out.main_segment = main;
  out.words_before_main = main_first;
  const Segment& ms = t.segments[main];
  // A trailing tag ("..., right?", "does that make sense") does not make the sentence a question.
  int main_end = ms.end;
  for (int k = std::max(main_first + 2, ms.end - 5); k < ms.end && main_end == ms.end; ++k) {
    phrases_at(t, k, ms.end, [&](int p) {
      const Phrase& ph = tab.phrases[p];
      if (ph.group == kCheckIn && k + ph.count == ms.end && (t.tokens[k].clause_start || ph.count >= 3)) {
        main_end = k;
        out.check_in_phrase = static_cast<std::int16_t>(p);
      }
    });
  }
  const bool main_question = ms.question && main_end == ms.end;
  x[kMainEndsWithQuestionMark] = main_question ? 1.f : 0.f;
  x[kCheckInTag] = out.check_in_phrase >= 0 ? 1.f : 0.f;
  x[kAnyQuestionMark] = t.question_marks > 0 ? 1.f : 0.f;
  x[kSeveralQuestionMarks] = t.question_marks > 1 ? 1.f : 0.f;

  const std::uint32_t h0 = t.tokens[main_first].hash;
  const std::uint32_t h1 = main_first + 1 < main_end ? t.tokens[main_first + 1].hash : 0;
  const std::uint32_t h2 = main_first + 2 < main_end ? t.tokens[main_first + 2].hash : 0;
  const std::uint32_t last = t.tokens[std::max(main_first, main_end - 1)].hash;
  // The question word may hide behind spoken lead-ins: "so like how many...", "and do you...".
  int q = main_first;
  while (q + 1 < main_end && tab.lead_ins.contains(t.tokens[q].hash)) ++q;
  const std::uint32_t q0 = t.tokens[q].hash;
  const std::uint32_t q1 = q + 1 < main_end ? t.tokens[q + 1].hash : 0;
  const bool how_quantity = q0 == tab.h_how && tab.how_quantity.contains(q1);
  x[kStartsOpenWh] = tab.open_wh.contains(q0) && !how_quantity ? 1.f : 0.f;
  x[kStartsClosedWh] = tab.closed_wh.contains(q0) || how_quantity ? 1.f : 0.f;
  x[kStartsAuxiliary] = tab.auxiliaries.contains(q0) ? 1.f : 0.f;
  if (q0 == tab.h_what && !main_question && q + 1 < main_end) {
    if (q1 == tab.h_a || q1 == tab.h_an) {
      out.what_statement = true;  // "What a week you've had."
    } else if (tab.cleft_heads.contains(q1)) {
      for (int k = q + 2; k < main_end && !out.what_statement; ++k)
        out.what_statement = tab.copulas.contains(t.tokens[k].hash);
    }
  }
  if (t.question_marks == 0) {
    int c = main_first;
    while (c + 1 < main_end && tab.commit_leads.contains(t.tokens[c].hash)) ++c;
    const std::uint32_t c0 = t.tokens[c].hash, c1 = c + 1 < main_end ? t.tokens[c + 1].hash : 0;
    out.commitment = c0 == tab.h_ill || c0 == tab.h_we_ll || ((c0 == tab.h_i || c0 == tab.h_we) && c1 == tab.h_will) ||
                     (c0 == tab.h_im && c1 == tab.h_going);
  }
  x[kStartsYou] = tab.you.contains(h0) ? 1.f : 0.f;
  x[kStartsI] = tab.self.contains(h0) ? 1.f : 0.f;
  x[kStartsSo] = h0 == tab.h_so ? 1.f : 0.f;
  x[kAuxiliaryNoQuestionMark] = x[kStartsAuxiliary] > 0 && !main_question ? 1.f : 0.f;
  const bool question_start = x[kStartsOpenWh] > 0 || x[kStartsClosedWh] > 0 || x[kStartsAuxiliary] > 0;
  const Token& shown = t.tokens[question_start ? q : main_first];
  out.first_word_begin = shown.begin;
  out.first_word_len = shown.len;
  bool shift = false;
  for (int k = main_first; k < std::min(main_end, main_first + 3); ++k) {
    shift = shift || tab.you.contains(t.tokens[k].hash);
    if (main_question && t.tokens[k].hash == tab.h_or) x[kOrInQuestion] = 1.f;
  }
  for (int k = main_first; k < main_end && main_question; ++k)
    if (t.tokens[k].hash == tab.h_or) x[kOrInQuestion] = 1.f;
  x[kPronounShift] = shift && ctx_self > 0 ? 1.f : 0.f;

  // Hashed features: how the main sentence opens and ends, then every word and word pair.
  push(bucket(3, h0));
  push(bucket(4, h0, h1));
  push(bucket(5, h0, h1, h2));
  push(bucket(6, last));
  push(bucket(7, h0, main_question ? 1u : 2u));
  if (q != main_first) push(bucket(8, q0, q1));
  for (int i = 0; i < n && out.hashed_count + 2 <= kMaxHashed; ++i) {
    const Token& tok = t.tokens[i];
    // A closing check-in ("is that right?", "okay?") or filler is not the turn's content: its
    // words would make a summary look like a closed question.
    if (tok.segment > main || (tok.segment == main && i >= main_end)) break;
    push(bucket(1, tok.hash));
    const bool pair = i > 0 && !tok.clause_start && t.tokens[i - 1].segment == tok.segment;
    push(bucket(2, pair ? t.tokens[i - 1].hash : 0u, tok.hash));
  }

  // Phrase groups, preferring a hit inside the main sentence.
  // Not in a closing check-in: "is that right?" after a summary does not ask for a fact.
  for (int s = 0; s <= main; ++s) {
    const Segment& seg = t.segments[s];
    const int seg_end = s == main ? main_end : seg.end;
    for (int i = seg.first; i < seg_end; ++i) {
      phrases_at(t, i, seg_end, [&](int p) {
        const PhraseGroup g = tab.phrases[p].group;
        if (g == kClientAsks || g == kCheckIn) return;
        if (g == kPermission) {  // "can I ask, have you...", "may I ask which...": a question's lead-in
          int k = i + tab.phrases[p].count;
          if (t.tokens[k - 1].hash == tab.h_ask || (k < seg_end && t.tokens[k++].hash == tab.h_ask)) {
            const std::uint32_t h = k < seg_end ? t.tokens[k].hash : 0;
            if (tab.open_wh.contains(h) || tab.closed_wh.contains(h) || tab.auxiliaries.contains(h) || h == tab.h_if ||
                h == tab.h_whether)
              return;
          }
        }
        if (g == kAdvise && t.tokens[i].hash == tab.h_you) {
          // "you feel like you should" reflects an obligation; "I think you should" advises.
          for (int k = i - 1; k >= std::max<int>(seg.first, i - 3); --k) {
            if (!tab.reflective_verbs.contains(t.tokens[k].hash)) continue;
            bool speaker = false;
            for (int j = k - 1; j >= std::max<int>(seg.first, k - 2); --j)
              speaker = speaker || tab.speaker_own.contains(t.tokens[j].hash);
            if (!speaker) {
              x[kReflectedObligation] = 1.f;
              return;
            }
            break;
          }
        }
        PhraseHit& hit = out.hits[g];
        const bool in_main = s == main;
        if (hit.phrase < 0 || (in_main && !hit.in_main)) hit = {static_cast<std::int16_t>(p), in_main};
      });
    }
  }
  for (int g = 0; g < kPhraseGroupCount; ++g)
    if (out.hits[g].phrase >= 0) x[kGroupBase + g] = out.hits[g].in_main ? 1.f : 0.5f;
  const bool advise = out.hits[kAdvise].phrase >= 0;
  x[kAdviceAfterRequest] = advise && out.context_asks_advice ? 1.f : 0.f;
  x[kAdviceWithChoice] = advise && out.hits[kOfferWithChoice].phrase >= 0 ? 1.f : 0.f;
  x[kSoundsLikeAdvice] = advise && out.hits[kSoundsLike].phrase >= 0 ? 1.f : 0.f;

  // Overlap with the client's words: the signature of a reflection.
  int content = 0, shared = 0, echoes = 0;
  for (int i = 0; i < n; ++i) {
    const Token& tok = t.tokens[i];
    const bool is_content = tok.ascii_word && tok.len >= 3 && !tab.stop.contains(tok.hash);
    if (is_content) {
      ++content;
      if (ctx_words.contains(stem_hash(t, tok))) {
        ++shared;
        if (tok.len > out.overlap_word_len && !tab.cue_dull.contains(tok.hash)) {
          out.overlap_word_begin = tok.begin;
          out.overlap_word_len = tok.len;
        }
      }
    }
    if (i > 0 && t.tokens[i - 1].segment == tok.segment && ctx_pairs.contains(tok.hash * 31u + t.tokens[i - 1].hash) &&
        (is_content || !tab.stop.contains(t.tokens[i - 1].hash)))
      ++echoes;
  }
  x[kOverlapShare] = content > 0 ? static_cast<float>(shared) / static_cast<float>(content) : 0.f;
  x[kOverlapCount] = static_cast<float>(std::min(shared, 6)) / 6.f;
  x[kBigramEcho] = static_cast<float>(std::min(echoes, 3)) / 3.f;

  x[kTwoSentences] = t.segment_count == 2 ? 1.f : 0.f;
  x[kThreeOrMoreSentences] = t.segment_count >= 3 ? 1.f : 0.f;
  x[kLength1To3] = n <= 3 ? 1.f : 0.f;
  x[kLength4To8] = n >= 4 && n <= 8 ? 1.f : 0.f;
  x[kLength9To20] = n >= 9 && n <= 20 ? 1.f : 0.f;
  x[kLength21Plus] = n >= 21 ? 1.f : 0.f;
  const float inv = 1.f / static_cast<float>(n);
  x[kYouShare] = static_cast<float>(you) * inv;
  x[kIShare] = static_cast<float>(self) * inv;
  x[kWeShare] = static_cast<float>(we) * inv;
  x[kHasNumber] = number ? 1.f : 0.f;
  x[kNegation] = negations > 0 ? 1.f : 0.f;
  x[kBackchannelOnly] = backchannel == n && n <= 6 ? 1.f : 0.f;
  x[kFillerShare] = static_cast<float>(fillers) * inv;
}

}  // namespace rapport::coder
