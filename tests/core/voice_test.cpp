// Each client sounds like themselves, and conversations do not close on the same words (issue 13:
// "closing lines vary; each client has a distinct voice"). A client's line should be recognisable
// as theirs from its words alone, and no client phrase of five or more words recurs across the
// library's closings.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "scenario.h"
#include "test_support.h"

namespace rapport {
namespace {

using testing::load_shipped;

std::vector<std::string> words_in(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '\'' || c >= 0x80)
      w += static_cast<char>(std::tolower(c));
    else if (!w.empty())
      out.push_back(w), w.clear();
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

/// Everything the client says: node line variants, immediate reactions and last words.
struct Voice {
  std::string id;
  std::vector<std::string> lines;
  std::vector<std::string> closing;  // last words of each ending and the close stage's lines
};

std::vector<Voice> voices() {
  std::vector<Voice> out;
  for (const auto& path : testing::scenario_paths()) {
    const Scenario s = load_shipped(std::filesystem::path(path).stem().string());
    Voice v;
    v.id = s.id;
    for (const Node& n : s.nodes) {
      for (const ClientLine& l : n.client) {
        v.lines.push_back(l.text);
        if (n.stage == "close") v.closing.push_back(l.text);
      }
      for (const Reply& r : n.replies)
        if (!r.say.empty()) v.lines.push_back(r.say);
    }
    for (const Ending& e : s.endings) v.lines.push_back(e.client_says), v.closing.push_back(e.client_says);
    out.push_back(v);
  }
  return out;
}

using Counts = std::map<std::string, double>;

double cosine(const Counts& a, const Counts& b, const std::map<std::string, double>& idf) {
  double dot = 0, na = 0, nb = 0;
  for (const auto& [w, c] : a) {
    double wa = c * idf.at(w);
    na += wa * wa;
    if (auto it = b.find(w); it != b.end()) dot += wa * it->second * idf.at(w);
  }
  for (const auto& [w, c] : b) nb += (c * idf.at(w)) * (c * idf.at(w));
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

// Leave one line out, build every client's word profile (tf-idf over the clients), and attribute
// the line to the nearest profile. A client with a voice of their own is recognised from a single
// line more often than not (chance is one in the number of clients), short reactions included.
TEST(ClientVoice, EachClientsLinesAreRecognisablyTheirs) {
  const auto all = voices();
  std::vector<Counts> profile(all.size());
  std::map<std::string, int> clients_using;
  for (size_t c = 0; c < all.size(); ++c) {
    for (const auto& line : all[c].lines)
      for (const auto& w : words_in(line)) profile[c][w] += 1;
    for (const auto& [w, n] : profile[c]) clients_using[w]++;
  }
  std::map<std::string, double> idf;
  for (const auto& [w, n] : clients_using) idf[w] = std::log(static_cast<double>(all.size()) / n) + 0.1;

  int right_total = 0, lines_total = 0;
  for (size_t c = 0; c < all.size(); ++c) {
    int right = 0;
    double words = 0, sentences = 0;
    for (const auto& line : all[c].lines) {
      Counts own;
      for (const auto& w : words_in(line)) own[w] += 1, words += 1;
      for (char ch : line) sentences += ch == '.' || ch == '?' || ch == '!';
      size_t best = c;
      double best_sim = -1;
      for (size_t k = 0; k < all.size(); ++k) {
        Counts other = profile[k];
        if (k == c)
          for (const auto& [w, n] : own) other[w] -= n;
        double sim = cosine(own, other, idf);
        if (sim > best_sim) best_sim = sim, best = k;
      }
      right += best == c;
    }
    const double share = static_cast<double>(right) / all[c].lines.size();
    std::printf("voice: %-18s %3zu lines, %4.1f words a sentence, own lines recognised %.2f\n", all[c].id.c_str(),
                all[c].lines.size(), sentences > 0 ? words / sentences : words, share);
    EXPECT_GT(share, 0.5) << all[c].id << ": too many of this client's lines read like another client's";
    right_total += right;
    lines_total += static_cast<int>(all[c].lines.size());
  }
  std::printf("voice: library, %d of %d lines recognised as their client's\n", right_total, lines_total);
}

TEST(ClientVoice, ClosingsDoNotRepeatAcrossScenarios) {
  std::map<std::string, std::set<std::string>> phrases;  // five-word phrase -> scenarios closing with it
  for (const Voice& v : voices())
    for (const auto& line : v.closing) {
      const auto w = words_in(line);
      for (size_t i = 0; i + 5 <= w.size(); ++i)
        phrases[w[i] + " " + w[i + 1] + " " + w[i + 2] + " " + w[i + 3] + " " + w[i + 4]].insert(v.id);
    }
  for (const auto& [phrase, ids] : phrases)
    EXPECT_EQ(ids.size(), 1u) << "\"" << phrase << "\" closes " << ids.size() << " scenarios";
}

}  // namespace
}  // namespace rapport
