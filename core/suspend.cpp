// Compact LMS resume data (see suspend.h): encoding under a size limit, strict decoding, and the
// replay that turns a session's inputs back into a full dialogue.
#include "suspend.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <vector>
#include <nlohmann/json.hpp>

#include "coaching.h"
#include "dialogue.h"
#include "iso_time.h"
#include "json_guard.h"
#include "mi_codes.h"
#include "reply_coder.h"
#include "utf8_text.h"

namespace rapport {

using json = nlohmann::json;

namespace {

// [SECTION] Text escaping and numbers

/// Characters kept as they are; everything else (including the separators | ~ * , and '%') is
/// written as %XX. Chosen so that LMSs which mishandle quotes, markup or '&' see none.
bool is_plain(unsigned char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case ' ':
    case '.':
    case '?':
    case '!':
    case '\'':
    case '-':
    case '_':
    case '(':
    case ')':
    case ':':
    case ';':
    case '/':
    case '@':
    case '$': return true;
    default: return false;
  }
}

constexpr char kHex[] = "0123456789ABCDEF";

/// Escapes `text`, stopping before the first UTF-8 character that would take the result past
/// `cap` characters; a character is never split.
std::string escape(std::string_view text, size_t cap = std::string::npos) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    auto lead = static_cast<unsigned char>(text[i]);
    size_t len = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
    len = std::min(len, text.size() - i);
    std::string piece;
    for (size_t k = 0; k < len; ++k) {
      auto c = static_cast<unsigned char>(text[i + k]);
      if (is_plain(c))
        piece += static_cast<char>(c);
      else {
        piece += '%';
        piece += kHex[c >> 4];
        piece += kHex[c & 0xF];
      }
    }
    if (out.size() + piece.size() > cap) break;
    out += piece;
    i += len;
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::string> unescape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (is_plain(static_cast<unsigned char>(c))) {
      out += c;
    } else {
      return std::nullopt;
    }
  }
  if (!utf8_valid(out)) return std::nullopt;  // the record can always be written out as JSON
  return out;
}

std::string base36(std::uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  do {
    out += kDigits[v % 36];
    v /= 36;
  } while (v > 0);
  std::reverse(out.begin(), out.end());
  return out;
}

/// Parses a base-36 number no larger than `max`; nullopt on anything else.
std::optional<std::uint64_t> parse_base36(std::string_view s, std::uint64_t max) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'z') ? c - 'a' + 10 : -1;
    if (d < 0) return std::nullopt;
    v = v * 36 + static_cast<std::uint64_t>(d);
  }
  if (v > max) return std::nullopt;
  return v;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t at = s.find(sep, start);
    if (at == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, at - start));
    start = at + 1;
  }
}

// [SECTION] Encoding

/// The inputs of an unfinished session, taken from either a full Dialogue::to_json() or the
/// replay form.
struct SessionInputs {
  std::string scenario;
  std::vector<std::string> prep;
  struct Input {
    bool typed = false;
    int choice = 0;
    std::string text;
    int code = 0;             // index into all_mi_codes()
    bool self_coded = false;  // the learner said which code they meant (local saves only)
  };
  std::vector<Input> turns;
  std::string node;
  std::uint32_t seed = 0;  // the session's shuffle (0: authored order)
  int retry_from = 0;      // a retry of a finished session from this reply (Session::saved_inputs)
};

int code_index(MiCode code) {
  const auto& all = all_mi_codes();
  return static_cast<int>(std::find(all.begin(), all.end(), code) - all.begin());
}

// No exceptions here: the web build (Emscripten without exception catching) would abort on any.
const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::optional<std::string> string_member(const json& object, const char* key) {
  const json* v = member(object, key);
  if (!v || !v->is_string()) return std::nullopt;
  return v->get<std::string>();
}

std::optional<SessionInputs> inputs_of(const json& unfinished) {
  SessionInputs in;
  auto scenario = string_member(unfinished, "scenario");
  if (!scenario || scenario->empty()) return std::nullopt;
  in.scenario = *scenario;
  const json* replay = member(unfinished, "replay");
  const json& src = replay ? *replay : unfinished;
  if (const json* prep = member(src, "prep")) {
    if (!prep->is_array()) return std::nullopt;
    for (const auto& id : *prep) {
      if (!id.is_string()) return std::nullopt;
      in.prep.push_back(id.get<std::string>());
    }
  }
  in.node = string_member(src, "node").value_or("");
  if (const json* retry = member(unfinished, "retry_from")) in.retry_from = json_int(*retry, 1, 1000).value_or(0);
  if (const json* seed = member(src, "seed")) {
    auto v = seed->is_number_integer() ? json_safe_integer(*seed) : std::nullopt;
    if (!v || *v < 0 || *v > 0xFFFFFFFFll) return std::nullopt;
    in.seed = static_cast<std::uint32_t>(*v);
  }
  if (const json* turns = member(src, "turns")) {
    if (!turns->is_array()) return std::nullopt;
    for (const auto& t : *turns) {
      SessionInputs::Input input;
      const json* typed = member(t, "typed");
      input.typed = replay ? typed != nullptr : (typed && typed->is_boolean() && typed->get<bool>());
      if (input.typed) {
        auto text = string_member(t, replay ? "typed" : "reply");
        auto code_text = string_member(t, "code");
        auto code = code_text ? parse_code(*code_text) : std::nullopt;
        if (!text || !code) return std::nullopt;
        input.text = *text;
        input.code = code_index(*code);
        const json* self = member(t, replay ? "self" : "self_coded");
        input.self_coded = self && self->is_boolean() && self->get<bool>();
      } else {
        const json* choice = member(t, "choice");
        auto n = choice && choice->is_number_integer() ? json_int(*choice, 0, 1000) : std::nullopt;
        if (!n) return std::nullopt;
        input.choice = *n;
      }
      in.turns.push_back(std::move(input));
    }
  }
  return in;
}

/// The replay form (suspend.h) of an unfinished session's inputs.
json replay_object(const std::string& scenario, json prep, json turns, const std::string& node, std::uint64_t seed,
                   int retry_from = 0) {
  json out{{"format_version", kSessionFormatVersion},
           {"scenario", scenario},
           {"replay", {{"prep", std::move(prep)}, {"turns", std::move(turns)}, {"node", node}, {"seed", seed}}}};
  if (retry_from > 0) out["retry_from"] = retry_from;
  return out;
}

/// Builds the string table and sections for one choice of what to keep.
class Encoder {
 public:
  std::string build(const std::vector<const SessionRecord*>& newest_first, const SessionInputs* unfinished,
                    size_t typed_cap, const std::string& settings) {
    strings_.clear();
    index_.clear();
    std::string sessions;
    for (const SessionRecord* s : newest_first) {
      if (!sessions.empty()) sessions += '~';
      auto when = parse_iso_millis(s->finished);
      sessions += base36(intern(escape(s->scenario))) + '*' +
                  base36(static_cast<std::uint64_t>(std::clamp(s->score, 0, 100))) + '*' +
                  base36(intern(escape(s->outcome))) + '*' + (when ? base36(*when) : std::string()) + '*' +
                  (s->mode == "text" ? 't' : 'c') + '*' + id_field(*s, when) + '*' +
                  (s->ending_title.empty() ? std::string() : base36(intern(escape(s->ending_title)))) +
                  (s->retry_from > 0 ? '*' + base36(static_cast<std::uint64_t>(s->retry_from)) : std::string());
    }
    std::string open;
    if (unfinished) {
      open = base36(intern(escape(unfinished->scenario))) + '*';
      for (size_t i = 0; i < unfinished->prep.size(); ++i)
        open += (i ? "," : "") + base36(intern(escape(unfinished->prep[i])));
      open += '*';
      for (size_t i = 0; i < unfinished->turns.size(); ++i) {
        const auto& t = unfinished->turns[i];
        if (i) open += ',';
        // The code by its id (r3), never by its position in an enum that may grow.
        if (t.typed)
          open += 't' + base36(intern(escape(std::string(kMiCodeIds[static_cast<size_t>(t.code)])))) + '.' +
                  base36(intern(escape(t.text, typed_cap)));
        else
          open += 'c' + base36(static_cast<std::uint64_t>(t.choice));
      }
      open += '*';
      if (!unfinished->node.empty()) open += base36(intern(escape(unfinished->node)));
      if (unfinished->seed || unfinished->retry_from) open += '*' + base36(unfinished->seed);
      if (unfinished->retry_from) open += '*' + base36(static_cast<std::uint64_t>(unfinished->retry_from));
    }
    std::string out = "r" + std::to_string(kSuspendFormatVersion) + ":" + base36(generation_) + ':';
    for (size_t i = 0; i < strings_.size(); ++i) out += (i ? "~" : "") + strings_[i];
    out += '|' + sessions + '|' + open;
    if (!settings.empty()) out += '|' + settings;
    return out;
  }

  explicit Encoder(std::uint64_t generation) : generation_(generation) {}

 private:
  /// The session's id: '.' + n when it is the usual "<finished>-<scenario>-<n>" (rebuilt from the
  /// other fields), else an index into the strings.
  std::string id_field(const SessionRecord& s, std::optional<std::uint64_t> when) {
    if (when && s.finished == format_iso_millis(*when)) {
      std::string prefix = s.finished + "-" + s.scenario + "-";
      if (s.id.size() > prefix.size() && s.id.size() - prefix.size() <= 9 &&
          s.id.compare(0, prefix.size(), prefix) == 0 &&
          s.id.find_first_not_of("0123456789", prefix.size()) == std::string::npos && s.id[prefix.size()] != '0')
        return '.' + base36(std::stoull(s.id.substr(prefix.size())));
    }
    return base36(intern(escape(s.id)));
  }

  std::uint64_t intern(const std::string& escaped) {
    auto it = index_.find(escaped);
    if (it != index_.end()) return it->second;
    strings_.push_back(escaped);
    return index_[escaped] = strings_.size() - 1;
  }

  std::uint64_t generation_ = 0;
  std::vector<std::string> strings_;
  std::map<std::string, std::uint64_t> index_;
};

}  // namespace

std::string encode_suspend_data(const ProgressRecord& record, size_t limit) {
  std::optional<SessionInputs> open = inputs_of(record.unfinished);
  std::string settings;
  if (record.settings->is_object() && !record.settings->empty())
    settings = escape(record.settings->dump(-1, ' ', false, json::error_handler_t::replace));

  // Each session takes at least 9 characters, so more than limit/9 never fit.
  std::vector<const SessionRecord*> sessions;
  for (auto it = record.sessions.rbegin(); it != record.sessions.rend() && sessions.size() < limit / 9 + 1; ++it)
    if (!it->scenario.empty()) sessions.push_back(&*it);

  Encoder enc(static_cast<std::uint64_t>(std::max(record.reset_generation, 0)));
  const SessionInputs* u = open ? &*open : nullptr;
  for (size_t cap : {1000u, 400u, 160u}) {
    std::string s = enc.build(sessions, u, cap, settings);
    if (s.size() <= limit) return s;
  }
  // Then the settings, then the oldest sessions, then shorter typed replies, then the session.
  while (true) {
    std::string s = enc.build(sessions, u, 160, {});
    if (s.size() <= limit) return s;
    if (sessions.empty()) break;
    sessions.pop_back();
  }
  for (size_t cap : {60u, 20u, 0u}) {
    std::string s = enc.build({}, u, cap, {});
    if (s.size() <= limit) return s;
  }
  std::string bare = enc.build({}, nullptr, 0, {});
  return bare.size() <= limit ? bare : std::string();
}

// [SECTION] Decoding

std::optional<ProgressRecord> decode_suspend_data(std::string_view data, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<ProgressRecord> {
    if (error) *error = "the LMS resume data " + why;
    return std::nullopt;
  };
  if (data.empty()) return fail("is empty");
  if (data.size() < 3 || data[0] != 'r') return fail("is not Rapport's (it does not start with \"r1:\")");
  size_t colon = data.find(':');
  if (colon == std::string_view::npos || colon < 2 || colon > 6) return fail("is not Rapport's (no version)");
  auto version = [&]() -> std::optional<int> {
    int v = 0;
    for (char c : data.substr(1, colon - 1)) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  }();
  if (!version) return fail("is not Rapport's (bad version)");
  if (*version < 1 || *version > kSuspendFormatVersion)
    return fail("has format r" + std::to_string(*version) + "; this build reads r1 to r" +
                std::to_string(kSuspendFormatVersion));

  std::string_view rest = data.substr(colon + 1);
  ProgressRecord record;
  if (*version >= 2) {
    // r2 adds the reset generation and each session's id.
    size_t end = rest.find(':');
    auto generation = end == std::string_view::npos ? std::nullopt : parse_base36(rest.substr(0, end), 1000000000);
    if (!generation) return fail("is damaged (bad reset generation)");
    record.reset_generation = static_cast<int>(*generation);
    rest = rest.substr(end + 1);
  }
  std::vector<std::string_view> sections = split(rest, '|');
  if (sections.size() != 3 && sections.size() != 4) return fail("is damaged (wrong number of sections)");

  std::vector<std::string> strings;
  if (!sections[0].empty())
    for (std::string_view s : split(sections[0], '~')) {
      auto text = unescape(s);
      if (!text) return fail("is damaged (bad text)");
      strings.push_back(std::move(*text));
    }
  auto string_at = [&](std::string_view field) -> std::optional<std::string> {
    auto i = parse_base36(field, strings.empty() ? 0 : strings.size() - 1);
    if (!i || strings.empty()) return std::nullopt;
    return strings[*i];
  };

  if (!sections[1].empty()) {
    std::map<std::string, int> seen_ids;
    for (std::string_view item : split(sections[1], '~')) {
      std::vector<std::string_view> f = split(item, '*');
      // r3 adds an eighth field to a retry: the reply it went back to.
      if (f.size() != (*version >= 2 ? 7u : 5u) && (*version < 3 || f.size() != 8))
        return fail("is damaged (bad session)");
      SessionRecord s;
      auto scenario = string_at(f[0]);
      auto score = parse_base36(f[1], 100);
      auto outcome = string_at(f[2]);
      if (!scenario || scenario->empty() || !score || !outcome) return fail("is damaged (bad session)");
      if (!f[3].empty()) {
        // r1 stored seconds, r2 milliseconds; up to 9999-12-31.
        auto when = parse_base36(f[3], *version >= 2 ? 253402300799999ull : 253402300799ull);
        if (!when) return fail("is damaged (bad date)");
        s.finished = *version >= 2 ? format_iso_millis(*when) : format_iso_seconds(*when);
      }
      if (f[4] != "c" && f[4] != "t") return fail("is damaged (bad mode)");
      s.scenario = *scenario;
      s.score = static_cast<int>(*score);
      s.outcome = *outcome;
      s.mode = f[4] == "t" ? "text" : "choice";
      if (*version >= 2) {
        // The session's own id, so that the local and LMS copies merge by id.
        if (!f[5].empty() && f[5][0] == '.') {
          auto n = parse_base36(f[5].substr(1), 999999999);
          if (!n || s.finished.empty()) return fail("is damaged (bad session id)");
          s.id = s.finished + "-" + s.scenario + "-" + std::to_string(*n);
        } else {
          auto id = string_at(f[5]);
          if (!id || id->empty()) return fail("is damaged (bad session id)");
          s.id = *id;
        }
        if (!f[6].empty()) {
          auto title = string_at(f[6]);
          if (!title) return fail("is damaged (bad ending title)");
          s.ending_title = *title;
        }
        if (f.size() == 8) {
          auto retry = parse_base36(f[7], 1000);
          if (!retry || *retry == 0) return fail("is damaged (bad retry)");
          s.retry_from = static_cast<int>(*retry);
        }
      } else {
        // r1 kept no ids: made-up ones, stable across reads; merge_lms_record matches these
        // sessions by their summary instead.
        std::string id = (s.finished.empty() ? std::string("undated") : s.finished) + "-" + s.scenario + "-lms";
        int n = seen_ids[id]++;
        s.id = n ? id + std::to_string(n + 1) : id;
      }
      record.sessions.push_back(std::move(s));
    }
    std::reverse(record.sessions.begin(), record.sessions.end());
  }

  if (!sections[2].empty()) {
    std::vector<std::string_view> f = split(sections[2], '*');
    // scenario*prep*turns*node, and *seed since the shuffle (older data keeps the authored order),
    // and *retry for a retry.
    if (f.size() < 4 || f.size() > 6) return fail("is damaged (bad unfinished session)");
    std::uint64_t seed = 0, retry = 0;
    if (f.size() >= 5) {
      auto v = parse_base36(f[4], 0xFFFFFFFFull);
      if (!v) return fail("is damaged (bad seed)");
      seed = *v;
    }
    if (f.size() == 6) {
      auto v = parse_base36(f[5], 1000);
      if (!v || *v == 0) return fail("is damaged (bad retry)");
      retry = *v;
    }
    auto scenario = string_at(f[0]);
    if (!scenario || scenario->empty()) return fail("is damaged (bad unfinished session)");
    json prep = json::array();
    if (!f[1].empty())
      for (std::string_view p : split(f[1], ',')) {
        auto id = string_at(p);
        if (!id) return fail("is damaged (bad preparation)");
        prep.push_back(*id);
      }
    json turns = json::array();
    if (!f[2].empty())
      for (std::string_view t : split(f[2], ',')) {
        if (t.size() >= 2 && t[0] == 'c') {
          auto choice = parse_base36(t.substr(1), 1000);
          if (!choice) return fail("is damaged (bad turn)");
          turns.push_back({{"choice", *choice}});
        } else if (t.size() >= 3 && t[0] == 't') {
          std::optional<std::string> code, text;
          if (*version >= 3) {
            // t<code id's string index>.<text's string index>
            size_t dot = t.find('.');
            if (dot != std::string_view::npos) {
              code = string_at(t.substr(1, dot - 1));
              text = string_at(t.substr(dot + 1));
            }
            if (code && !parse_code(*code)) code.reset();
          } else {
            // r1 and r2 stored the code's position in kMiCodeIds (one base-36 digit); that order is
            // pinned, so old data still reads.
            auto index = parse_base36(t.substr(1, 1), kMiCodeCount - 1);
            if (index) code = std::string(kMiCodeIds[*index]);
            text = string_at(t.substr(2));
          }
          if (!code || !text) return fail("is damaged (bad turn)");
          turns.push_back({{"typed", *text}, {"code", *code}});
        } else {
          return fail("is damaged (bad turn)");
        }
      }
    std::string node;
    if (!f[3].empty()) {
      auto n = string_at(f[3]);
      if (!n) return fail("is damaged (bad node)");
      node = *n;
    }
    record.unfinished =
        replay_object(*scenario, std::move(prep), std::move(turns), node, seed, static_cast<int>(retry));
  }

  if (sections.size() == 4) {
    auto text = unescape(sections[3]);
    if (!text) return fail("is damaged (bad settings)");
    json settings = json::parse(*text, nullptr, false);
    if (settings.is_discarded() || !settings.is_object()) return fail("is damaged (bad settings)");
    record.settings = std::move(settings);
  }
  return record;
}

// [SECTION] Replay

json replay_form(const Dialogue& dialogue) {
  json prep = json::array();
  for (const auto& id : dialogue.prep_choices()) prep.push_back(id);
  json turns = json::array();
  for (const Turn& t : dialogue.transcript()) {
    if (!t.typed) {
      turns.push_back({{"choice", t.choice}});
      continue;
    }
    json typed = {{"typed", t.reply}, {"code", std::string(code_id(t.code))}};
    if (t.self_coded) typed["self"] = true;
    turns.push_back(std::move(typed));
  }
  const std::string node =
      dialogue.phase() == Phase::Conversation && dialogue.node() ? dialogue.node()->id : std::string();
  return replay_object(dialogue.scenario().id, std::move(prep), std::move(turns), node, dialogue.seed());
}

bool is_replay_session(const json& unfinished) {
  const json* replay = member(unfinished, "replay");
  return replay && replay->is_object();
}

std::string check_replay_session(const json& unfinished) {
  if (!is_replay_session(unfinished)) return "it has no replay data";
  if (!inputs_of(unfinished)) return "its replay data has a wrong-typed or unknown input";
  return {};
}

std::optional<json> replay_session(const Scenario& scenario, const json& replay, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<json> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (!replay.is_object()) return fail("the saved session is not an object");
  if (const json* id = member(replay, "scenario"); id && *id != scenario.id)
    return fail("the saved session is for another scenario");
  if (!member(replay, "replay") && member(replay, "phase"))
    return fail("the saved session is a full dialogue, not replay data: restore it with Dialogue::restore");
  json wrapped = member(replay, "replay") ? replay : json{{"scenario", scenario.id}, {"replay", replay}};
  if (!is_replay_session(wrapped)) return fail("the saved session has no replay data");
  std::optional<SessionInputs> in = inputs_of(wrapped);
  if (!in) return fail("the saved session's replay data is damaged");

  Dialogue d(scenario, in->seed);
  for (const auto& id : in->prep) {
    const PrepStep* step = d.prep_step();
    if (!step) return fail("the scenario has fewer preparation steps than the saved session");
    auto it = std::find_if(step->options.begin(), step->options.end(), [&](const PrepOption& o) { return o.id == id; });
    if (it == step->options.end()) return fail("the scenario no longer has preparation option '" + id + "'");
    d.choose_prep(static_cast<size_t>(it - step->options.begin()));
  }
  for (size_t i = 0; i < in->turns.size(); ++i) {
    const auto& t = in->turns[i];
    if (d.phase() != Phase::Conversation) return fail("the conversation ended before turn " + std::to_string(i + 1));
    bool ok = false;
    if (t.typed) {
      MiCode code = all_mi_codes()[static_cast<size_t>(t.code)];
      // The coder is deterministic: re-coding the same text in the same context gives back the
      // cue the learner saw (a shortened text may not, and then the cue is left out).
      std::string cue;
      if (t.self_coded) {
        cue = "you said you meant: " + std::string(code_intent(code));
      } else {
        CodedReply coded = classify_reply(t.text, d.client_line());
        if (coded.code == code && !coded.cues.empty()) cue = coded.cues.front();
      }
      ok = d.submit_typed(t.text, code, cue, t.self_coded);
    } else {
      ok = d.choose(static_cast<size_t>(t.choice));
    }
    if (!ok) return fail("turn " + std::to_string(i + 1) + " of the saved session no longer fits the scenario");
  }
  if (!in->node.empty() && d.phase() == Phase::Conversation && d.to_json()["node"] != in->node)
    return fail("the scenario has changed since the session was saved");
  return d.to_json();
}

}  // namespace rapport
