// Progress record serialisation and the ProgressBook's load / merge / save rules.
#include "progress.h"

#include "json_guard.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "dialogue.h"
#include "suspend.h"
#include "utf8_text.h"
#include "small_sort.h"

namespace rapport {

using json = nlohmann::json;

std::optional<std::string> MemoryProgressStore::read(std::string_view key) {
  auto it = items_.find(key);
  if (it == items_.end()) return std::nullopt;
  return it->second;
}

bool MemoryProgressStore::write(std::string_view key, const std::string& value) {
  if (capacity_ > 0) {
    size_t used = 0;
    for (const auto& [k, v] : items_)
      if (k != key) used += k.size() + v.size();
    if (used + key.size() + value.size() > capacity_) return false;
  }
  items_[std::string(key)] = value;
  return true;
}

void MemoryProgressStore::remove(std::string_view key) {
  auto it = items_.find(key);
  if (it != items_.end()) items_.erase(it);
}

std::vector<const SessionRecord*> ProgressRecord::runs() const {
  std::vector<const SessionRecord*> out;
  for (const auto& s : sessions)
    if (s.counts_as_run()) out.push_back(&s);
  if (out.empty())
    for (const auto& s : sessions) out.push_back(&s);
  return out;
}

int ProgressRecord::sessions_completed() const {
  return static_cast<int>(
      std::count_if(sessions.begin(), sessions.end(), [](const SessionRecord& s) { return s.counts_as_run(); }));
}

int ProgressRecord::retries(std::string_view scenario) const {
  return static_cast<int>(std::count_if(sessions.begin(), sessions.end(), [&](const SessionRecord& s) {
    return !s.counts_as_run() && (scenario.empty() || s.scenario == scenario);
  }));
}

std::optional<int> ProgressRecord::last_score() const {
  const auto all = runs();
  if (all.empty()) return std::nullopt;
  return all.back()->score;
}

std::optional<int> ProgressRecord::best_score() const {
  std::optional<int> best;
  for (const SessionRecord* s : runs()) best = std::max(best.value_or(s->score), s->score);
  return best;
}

std::optional<int> ProgressRecord::best_score(std::string_view scenario) const {
  std::optional<int> best, best_any;
  for (const auto& s : sessions)
    if (s.scenario == scenario) {
      best_any = std::max(best_any.value_or(s.score), s.score);
      if (s.counts_as_run()) best = std::max(best.value_or(s.score), s.score);
    }
  return best ? best : best_any;
}

std::optional<int> ProgressRecord::best_retry_score(std::string_view scenario) const {
  std::optional<int> best;
  for (const auto& s : sessions)
    if (s.scenario == scenario && !s.counts_as_run()) best = std::max(best.value_or(s.score), s.score);
  return best;
}

std::string ProgressRecord::unfinished_scenario() const {
  const auto& u = *unfinished;
  const auto it = u.is_object() ? u.find("scenario") : u.end();
  return u.is_object() && it != u.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int ProgressRecord::completed(std::string_view scenario) const {
  return static_cast<int>(std::count_if(sessions.begin(), sessions.end(), [&](const SessionRecord& s) {
    return s.scenario == scenario && s.counts_as_run();
  }));
}

namespace {

/// A record's "start" ({"prep": [ids], "seed": n}). Malformed, it is left out: the record keeps
/// everything the learner wrote and only cannot be played again.
void read_session_start(const json& s, SessionRecord& rec) {
  const auto start = s.find("start");
  if (start == s.end() || !start->is_object()) return;
  const auto prep = start->find("prep");
  const auto seed = start->find("seed");
  if (prep == start->end() || !prep->is_array() || seed == start->end()) return;
  const auto n = json_safe_integer(*seed);
  if (!n || *n < 0 || *n > 0xFFFFFFFFll) return;
  std::vector<std::string> ids;
  for (const auto& id : *prep) {
    if (!id.is_string()) return;
    ids.push_back(id.get<std::string>());
  }
  rec.prep = std::move(ids);
  rec.seed = static_cast<std::uint32_t>(*n);
}

}  // namespace

json progress_to_json(const ProgressRecord& record) {
  json sessions = json::array();
  for (const auto& s : record.sessions) {
    json j = {{"id", s.id},       {"scenario", s.scenario}, {"finished", s.finished},
              {"mode", s.mode},   {"outcome", s.outcome},   {"ending_title", s.ending_title},
              {"score", s.score}, {"rq_ratio", s.rq_ratio}, {"percent_complex", s.percent_complex},
              {"codes", s.codes}, {"journal", s.journal},   {"followup_coverage", s.followup_coverage}};
    if (!s.transcript->is_null()) j["transcript"] = *s.transcript;
    if (!s.last_words.empty()) j["last_words"] = s.last_words;
    if (!s.followup_email.empty()) j["followup_email"] = s.followup_email;
    if (s.prep) j["start"] = {{"prep", *s.prep}, {"seed", s.seed}};
    if (s.retry_from > 0) j["retry_from"] = s.retry_from;
    sessions.push_back(std::move(j));
  }
  json out = {{"format_version", kProgressFormatVersion},
              {"sessions", sessions},
              {"unfinished", record.unfinished},
              {"settings", record.settings}};
  if (record.reset_generation > 0) out["reset_generation"] = record.reset_generation;
  return out;
}

void migrate_progress(json& doc) {
  int version = doc.value("format_version", 0);
  if (version == 1) {
    // 1 -> 2: sessions gain followup_coverage; version 1 had no follow-up email, so 0.
    if (auto it = doc.find("sessions"); it != doc.end() && it->is_array())
      for (auto& s : *it)
        if (s.is_object() && !s.contains("followup_coverage")) s["followup_coverage"] = 0.0;
    doc["format_version"] = 2;
  }
}

LearnerSettings read_learner_settings(const json& settings) {
  LearnerSettings out;
  if (!settings.is_object()) return out;
  if (auto t = settings.find("theme"); t != settings.end() && t->is_string()) out.theme = t->get<std::string>();
  if (auto s = settings.find("text_scale"); s != settings.end() && s->is_number())
    out.text_scale = std::clamp(s->get<double>(), 0.9, 1.5);
  if (auto n = settings.find("learner_name"); n != settings.end() && n->is_string())
    out.name = clean_learner_name(n->get_ref<const std::string&>());
  return out;
}

std::string clean_learner_name(std::string_view typed) {
  std::string out;
  for (size_t i = 0; i < typed.size();) {
    unsigned char lead = static_cast<unsigned char>(typed[i]);
    size_t len = utf8_char_length(lead);
    bool valid = lead < 0x80 || (len > 1 && lead >= 0xC2 && lead <= 0xF4 && i + len <= typed.size());
    for (size_t k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(typed[i + k]) >> 6) == 0x2;
    if (valid && len == 3) {  // no overlong forms or UTF-16 surrogates
      unsigned char second = static_cast<unsigned char>(typed[i + 1]);
      valid = !(lead == 0xE0 && second < 0xA0) && !(lead == 0xED && second >= 0xA0);
    }
    if (valid && len == 4) {  // no overlong forms, nothing past U+10FFFF
      unsigned char second = static_cast<unsigned char>(typed[i + 1]);
      valid = !(lead == 0xF0 && second < 0x90) && !(lead == 0xF4 && second >= 0x90);
    }
    if (!valid) {
      ++i;
      continue;
    }
    bool control = len == 1 && (lead < 0x20 || lead == 0x7F);
    if (!control) {
      if (out.size() + len > kMaxLearnerNameBytes) break;
      out.append(typed.substr(i, len));
    }
    i += len;
  }
  return out;
}

namespace {

const char* stored_type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "true or false";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

/// Why the stored settings cannot be used as they are, or "".
std::string settings_problem(const json& settings) {
  if (!settings.is_object()) return std::string("expected an object, found ") + stored_type_name(settings);
  if (auto t = settings.find("theme"); t != settings.end() && !t->is_string())
    return std::string("\"theme\" should be a string, found ") + stored_type_name(*t);
  if (auto s = settings.find("text_scale"); s != settings.end() && !s->is_number())
    return std::string("\"text_scale\" should be a number, found ") + stored_type_name(*s);
  if (auto n = settings.find("learner_name"); n != settings.end() && !n->is_string())
    return std::string("\"learner_name\" should be a string, found ") + stored_type_name(*n);
  return {};
}

/// Why the stored unfinished session cannot be resumed, or "" (null means none).
std::string unfinished_problem(const json& unfinished) {
  if (unfinished.is_null()) return {};
  if (!unfinished.is_object()) return std::string("expected an object or null, found ") + stored_type_name(unfinished);
  if (is_replay_session(unfinished)) return check_replay_session(unfinished);
  return check_saved_dialogue(unfinished);
}

}  // namespace

std::optional<ProgressRecord> progress_from_json_text(std::string_view text, std::string* error,
                                                      std::vector<std::string>* problems) {
  auto fail = [&](const std::string& why) -> std::optional<ProgressRecord> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (json_too_deep(text)) return fail("the stored progress is nested too deeply to be ours");
  json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) return fail("the stored progress is not valid JSON");
  if (!doc.is_object()) return fail("the stored progress is not a JSON object");
  auto v = doc.find("format_version");
  if (v == doc.end() || !v->is_number_integer()) return fail("the stored progress has no format_version");
  auto version = json_safe_integer(*v);
  if (!version || *version < 1 || *version > kProgressFormatVersion)
    return fail("the stored progress has format_version " + v->dump() + "; this build reads 1 to " +
                std::to_string(kProgressFormatVersion));
  migrate_progress(doc);
  try {
    ProgressRecord r;
    for (const auto& s : doc.at("sessions")) {
      SessionRecord rec;
      rec.id = s.at("id").get<std::string>();
      rec.scenario = s.at("scenario").get<std::string>();
      rec.finished = s.value("finished", "");
      rec.mode = s.value("mode", "choice");
      rec.outcome = s.value("outcome", "");
      rec.ending_title = s.value("ending_title", "");
      auto score = json_int(s.at("score"), 0, 100);
      if (!score) return fail("the stored progress has a session with a score outside 0 to 100");
      for (const char* key : {"finished", "mode", "outcome", "ending_title", "journal", "last_words", "followup_email"})
        if (auto f = s.find(key); f != s.end() && !f->is_string())
          return fail(std::string("the stored progress has a session whose \"") + key + "\" is " +
                      stored_type_name(*f) + ", not a string");
      rec.score = *score;
      rec.rq_ratio = s.contains("rq_ratio") && s["rq_ratio"].is_number() ? s["rq_ratio"].get<double>() : 0.0;
      rec.percent_complex =
          s.contains("percent_complex") && s["percent_complex"].is_number() ? s["percent_complex"].get<double>() : 0.0;
      if (auto c = s.find("codes"); c != s.end() && c->is_object())
        for (const auto& [code, n] : c->items())
          if (auto count = json_int(n, 0, 1000000)) rec.codes[code] = *count;
      rec.journal = s.value("journal", "");
      rec.followup_coverage = s.contains("followup_coverage") && s["followup_coverage"].is_number()
                                  ? std::clamp(s["followup_coverage"].get<double>(), 0.0, 1.0)
                                  : 0.0;
      if (auto t = s.find("transcript"); t != s.end()) rec.transcript = *t;
      rec.last_words = s.value("last_words", "");
      rec.followup_email = s.value("followup_email", "");
      read_session_start(s, rec);
      // A wrong-typed retry mark loses only itself: the session then reads as a run.
      if (auto f = s.find("retry_from"); f != s.end()) rec.retry_from = json_int(*f, 1, 1000).value_or(0);
      r.sessions.push_back(std::move(rec));
    }
    if (auto g = doc.find("reset_generation"); g != doc.end()) {
      auto n = json_int(*g, 0, 1000000000);
      if (!n) return fail("the stored progress has a reset_generation that is not a whole number from 0");
      r.reset_generation = *n;
    }
    // A wrong-typed field loses only itself, never the history; the caller keeps the bytes.
    if (auto u = doc.find("unfinished"); u != doc.end()) {
      if (std::string why = unfinished_problem(*u); why.empty())
        r.unfinished = *u;
      else if (problems)
        problems->push_back("the unfinished session could not be used (" + why + ")");
    }
    if (auto st = doc.find("settings"); st != doc.end()) {
      if (std::string why = settings_problem(*st); why.empty())
        r.settings = *st;
      else if (problems)
        problems->push_back("the settings could not be used (" + why + ")");
    }
    return r;
  } catch (const json::exception& e) {
    return fail(std::string("the stored progress is damaged: ") + e.what());
  }
}

void ProgressBook::load() {
  record_ = ProgressRecord{};
  stored_is_unreadable_ = false;
  original_not_backed_up_.reset();
  std::optional<std::string> raw = store_->read(kProgressKey);
  if (!raw) return;
  std::string error;
  std::vector<std::string> problems;
  std::optional<ProgressRecord> r = progress_from_json_text(*raw, &error, &problems);
  if (r && problems.empty()) {
    record_ = std::move(*r);
    return;
  }
  std::string what = r ? problems.front() : error;
  for (size_t i = 1; i < problems.size(); ++i) what += "; " + problems[i];
  if (r)
    record_ = std::move(*r);
  else
    stored_is_unreadable_ = true;
  const std::string next =
      r ? "Rapport kept your history and started the rest afresh." : "Rapport started a fresh record.";
  if (back_up(*raw)) {
    notices_.push_back("Your saved progress could not be read in full (" + what +
                       "). The original was kept aside under '" + std::string(kProgressBackupKey) + "'. " + next);
  } else {
    original_not_backed_up_ = *raw;
    notices_.push_back("Your saved progress could not be read in full (" + what +
                       "), and the browser refused to keep a copy aside (storage may be full). Rapport will not save "
                       "over the original until a copy is kept: export your data or free some space.");
  }
}

bool keep_aside(ProgressStore& store, std::string_view backup_key, const std::string& raw) {
  // An existing backup of the same bytes is kept as it is.
  std::optional<std::string> backup = store.read(backup_key);
  if (backup && *backup == raw) return true;
  return store.write(backup_key, raw);
}

bool ProgressBook::back_up(const std::string& raw) { return keep_aside(*store_, kProgressBackupKey, raw); }

std::vector<std::string> ProgressBook::take_notices() {
  std::vector<std::string> out;
  out.swap(notices_);
  return out;
}

void ProgressBook::merge_from_store() {
  if (stored_is_unreadable_) return;
  std::optional<std::string> raw = store_->read(kProgressKey);
  if (!raw) return;
  auto stored = progress_from_json_text(*raw, nullptr);
  if (!stored) return;
  for (auto& s : stored->sessions) {
    bool known = std::any_of(record_.sessions.begin(), record_.sessions.end(),
                             [&](const SessionRecord& mine) { return mine.id == s.id; });
    if (!known) record_.sessions.push_back(std::move(s));
  }
  small_stable_sort(record_.sessions.begin(), record_.sessions.end(),
                    [](const SessionRecord& a, const SessionRecord& b) { return a.finished < b.finished; });
}

bool ProgressBook::save() {
  if (original_not_backed_up_) {
    // Never overwrite bytes that exist nowhere else: try the copy again first.
    if (!back_up(*original_not_backed_up_)) {
      notices_.push_back(
          "Your progress was not saved: the earlier record that could not be read is still not backed "
          "up, and saving would overwrite it. Export your data or free some space.");
      return false;
    }
    original_not_backed_up_.reset();
  }
  if (store_->write(kProgressKey, safe_dump(progress_to_json(record_)))) {
    stored_is_unreadable_ = false;
    return true;
  }
  // Storage full: drop transcripts of the oldest sessions first, keeping their summaries.
  bool trimmed = false;
  for (auto& s : record_.sessions) {
    if (s.transcript->is_null()) continue;
    s.transcript = json();
    trimmed = true;
    if (store_->write(kProgressKey, safe_dump(progress_to_json(record_)))) {
      notices_.push_back("Browser storage is full: transcripts of older sessions were removed; their scores are kept.");
      stored_is_unreadable_ = false;
      return true;
    }
  }
  notices_.push_back(trimmed ? "Browser storage is full: even without old transcripts your progress could not be saved."
                             : "Your progress could not be saved: browser storage refused it.");
  return false;
}

bool ProgressBook::add_session(SessionRecord session) {
  merge_from_store();
  record_.sessions.push_back(std::move(session));
  return save();
}

bool ProgressBook::set_unfinished(const json& saved) {
  merge_from_store();
  record_.unfinished = saved;
  return save();
}

bool ProgressBook::set_journal(std::string_view session_id, const std::string& journal) {
  merge_from_store();
  for (auto& s : record_.sessions)
    if (s.id == session_id) {
      s.journal = journal;
      return save();
    }
  return false;
}

bool ProgressBook::set_settings(const json& settings) {
  merge_from_store();
  record_.settings = settings;
  return save();
}

bool ProgressBook::update_session(const SessionRecord& session) {
  merge_from_store();
  for (auto& s : record_.sessions)
    if (s.id == session.id) {
      s = session;
      return save();
    }
  return false;
}

int ProgressBook::import_record(std::string_view text, std::string* error) {
  auto incoming = progress_from_json_text(text, error);
  if (!incoming) return -1;
  merge_from_store();
  int added = 0;
  for (auto& s : incoming->sessions) {
    bool known = std::any_of(record_.sessions.begin(), record_.sessions.end(),
                             [&](const SessionRecord& mine) { return mine.id == s.id; });
    if (known) continue;
    record_.sessions.push_back(std::move(s));
    added++;
  }
  small_stable_sort(record_.sessions.begin(), record_.sessions.end(),
                    [](const SessionRecord& a, const SessionRecord& b) { return a.finished < b.finished; });
  if (added > 0 && !save()) return -1;
  return added;
}

void ProgressBook::clear() {
  store_->remove(kProgressKey);
  record_ = ProgressRecord{};
  stored_is_unreadable_ = false;
  original_not_backed_up_.reset();  // the learner chose to forget it
}

}  // namespace rapport
