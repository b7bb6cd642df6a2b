// read_scenario_card: the library card's fields read with a SAX parser that stops as soon as it
// has them, so the first frame can draw the library before any file is loaded in full.
#include "scenario.h"

#include <nlohmann/json.hpp>

#include "json_guard.h"

namespace rapport {

using json = nlohmann::json;

namespace {

/// SAX reader for read_scenario_card: keeps the top-level and client fields a card needs and asks
/// the parser to stop once it has them all.
class CardReader {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  Scenario card;
  bool wrong = false;

  bool complete() const { return seen_ == kAll && client_closed_; }

  bool null() { return scalar(); }
  bool boolean(bool) { return scalar(); }
  bool number_integer(number_integer_t v) { return integer(static_cast<long long>(v)); }
  bool number_unsigned(number_unsigned_t v) { return integer(v > 1000000u ? 1000001LL : static_cast<long long>(v)); }
  bool number_float(number_float_t, const string_t&) { return scalar(); }
  bool binary(binary_t&) { return scalar(); }
  bool string(string_t& v) {
    if (depth_ == 1) {
      if (std::string* field = top_string(key1_)) {
        *field = std::move(v);
        return true;
      }
    } else if (in_client()) {
      if (key2_ == "name") {
        card.client.name = std::move(v);
        seen_ |= kClientName;
        return true;
      }
      if (key2_ == "role") {
        card.client.role = std::move(v);
        seen_ |= kClientRole;
        return true;
      }
      if (key2_ == "organisation") {
        card.client.organisation = std::move(v);
        return true;
      }
    }
    return scalar();
  }
  bool start_object(std::size_t) {
    if (depth_ == 1 && key1_ == "client")
      client_open_ = true;
    else if (depth_ == 1 && is_card_key(key1_))
      wrong = true;
    return enter();
  }
  bool end_object() {
    --depth_;
    if (depth_ == 1 && client_open_ && key1_ == "client") {
      client_open_ = false;
      client_closed_ = true;
    }
    return true;
  }
  bool start_array(std::size_t) {
    if (depth_ == 0 || (depth_ == 1 && (is_card_key(key1_) || key1_ == "client"))) wrong = true;
    return !wrong && enter();
  }
  bool end_array() {
    --depth_;
    return true;
  }
  bool key(string_t& k) {
    if (depth_ == 1) {
      if (complete()) return false;  // everything a card needs is read: stop here
      key1_ = std::move(k);
    } else if (in_client()) {
      key2_ = std::move(k);
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    wrong = true;
    return false;
  }

 private:
  enum : unsigned {
    kId = 1,
    kTitle = 2,
    kSummary = 4,
    kDomain = 8,
    kChallenge = 16,
    kDifficulty = 32,
    kMinutes = 64,
    kBriefing = 128,
    kClientName = 256,
    kClientRole = 512,
    kAll = 1023
  };

  static bool is_card_key(const std::string& k) {
    return k == "id" || k == "title" || k == "summary" || k == "domain" || k == "challenge" || k == "difficulty" ||
           k == "minutes" || k == "briefing";
  }
  bool in_client() const { return depth_ == 2 && client_open_; }
  bool enter() {
    ++depth_;
    return depth_ <= kMaxJsonDepth;
  }
  std::string* top_string(const std::string& k) {
    if (k == "id") {
      seen_ |= kId;
      return &card.id;
    }
    if (k == "title") {
      seen_ |= kTitle;
      return &card.title;
    }
    if (k == "summary") {
      seen_ |= kSummary;
      return &card.summary;
    }
    if (k == "domain") {
      seen_ |= kDomain;
      return &card.domain;
    }
    if (k == "challenge") {
      seen_ |= kChallenge;
      return &card.challenge;
    }
    if (k == "briefing") {
      seen_ |= kBriefing;
      return &card.briefing;
    }
    return nullptr;
  }
  bool integer(long long v) {
    if (depth_ == 1 && key1_ == "difficulty") {
      if (v < 1 || v > 3) wrong = true;
      card.difficulty = static_cast<int>(std::clamp(v, 1LL, 3LL));
      seen_ |= kDifficulty;
      return true;
    }
    if (depth_ == 1 && key1_ == "minutes") {
      if (v < 1 || v > 120) wrong = true;
      card.minutes = static_cast<int>(std::clamp(v, 1LL, 120LL));
      seen_ |= kMinutes;
      return true;
    }
    if (depth_ == 1 && key1_ == "format_version") card.format_version = static_cast<int>(std::clamp(v, -1LL, 1000LL));
    return scalar();
  }
  /// A value the card does not use: wrong only where the card expected something else.
  bool scalar() {
    if (depth_ == 0 || (depth_ == 1 && (is_card_key(key1_) || key1_ == "client")) ||
        (in_client() && (key2_ == "name" || key2_ == "role" || key2_ == "organisation")))
      wrong = true;
    return true;
  }

  int depth_ = 0;
  unsigned seen_ = 0;
  bool client_open_ = false, client_closed_ = false;
  std::string key1_, key2_;
};

}  // namespace

std::optional<Scenario> read_scenario_card(std::string_view text) {
  CardReader reader;
  try {
    json::sax_parse(text.begin(), text.end(), &reader, json::input_format_t::json, /*strict=*/false);
  } catch (const json::exception&) {
    return std::nullopt;
  }
  if (reader.wrong || !reader.complete()) return std::nullopt;
  if (reader.card.format_version < kScenarioFormatMin || reader.card.format_version > kScenarioFormatMax)
    return std::nullopt;
  return std::move(reader.card);
}

}  // namespace rapport
