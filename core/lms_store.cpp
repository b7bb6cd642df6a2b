// The LMS resume policy (lms_store.h): merging the local and LMS copies, writing both, resetting
// both, and choosing the store for a launch.
#include "lms_store.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "json_guard.h"
#include "suspend.h"
#include "small_sort.h"

namespace rapport {

bool MemoryResumeField::write(const std::string& data) {
  if (refuse_writes || data.size() > limit_) return false;
  data_ = data;
  writes_++;
  return true;
}

namespace {

/// The first LMS format made ids up ("...-lms", "...-lms2"): such a session is the same as
/// another with the same scenario, score and time to the second.
bool made_up_id(const SessionRecord& s) {
  size_t at = s.id.rfind("-lms");
  return at != std::string::npos && s.id.find_first_not_of("0123456789", at + 4) == std::string::npos;
}

bool same_session(const SessionRecord& a, const SessionRecord& b) {
  if (a.id == b.id) return true;
  if (!made_up_id(a) && !made_up_id(b)) return false;
  return a.scenario == b.scenario && a.score == b.score && a.finished.substr(0, 19) == b.finished.substr(0, 19);
}

/// The replay form of an unfinished session as the LMS would keep it, for comparing copies.
nlohmann::json as_lms_would_keep(const nlohmann::json& unfinished) {
  ProgressRecord only;
  only.unfinished = unfinished;
  auto back = decode_suspend_data(encode_suspend_data(only), nullptr);
  return back ? *back->unfinished : nlohmann::json();
}

}  // namespace

ProgressRecord merge_lms_record(const ProgressRecord& local, const ProgressRecord& lms) {
  const bool local_is_stale = local.reset_generation < lms.reset_generation;
  ProgressRecord out;
  out.reset_generation = std::max(local.reset_generation, lms.reset_generation);
  out.sessions = lms.sessions;
  for (const SessionRecord& mine : local.sessions) {
    auto it = std::find_if(out.sessions.begin(), out.sessions.end(),
                           [&](const SessionRecord& s) { return same_session(s, mine); });
    if (it != out.sessions.end()) {
      int score = std::max(it->score, mine.score);  // a follow-up email only ever raises it
      *it = mine;
      it->score = score;
    } else if (!local_is_stale) {
      out.sessions.push_back(mine);
    }
  }
  small_stable_sort(out.sessions.begin(), out.sessions.end(),
                    [](const SessionRecord& a, const SessionRecord& b) { return a.finished < b.finished; });
  if (local_is_stale) {
    out.unfinished = lms.unfinished;
    out.settings = lms.settings;
    return out;
  }
  // The LMS copy is the latest any device wrote; the local full form is kept when it is the same
  // session (the LMS's replay form may have shortened typed replies).
  if (lms.unfinished->is_null())
    out.unfinished = nlohmann::json();
  else if (!local.unfinished->is_null() && as_lms_would_keep(local.unfinished) == *lms.unfinished)
    out.unfinished = local.unfinished;
  else
    out.unfinished = lms.unfinished;
  out.settings = lms.settings->is_object() && !lms.settings->empty() ? lms.settings : local.settings;
  return out;
}

std::optional<ProgressRecord> LmsProgressStore::read_lms() {
  std::string data = lms_->read();
  if (data.empty()) return std::nullopt;
  std::string error;
  auto record = decode_suspend_data(data, &error);
  if (!record) {
    problem_ = "the LMS's resume data was not used: " + error;
    // A newer build's data is kept for that build; anything else unreadable is replaced.
    lms_is_newer_ = error.find("this build reads") != std::string::npos;
  }
  return record;
}

std::optional<std::string> LmsProgressStore::read(std::string_view key) {
  std::optional<std::string> local = local_->read(key);
  if (key != kProgressKey) return local;
  std::optional<ProgressRecord> lms = read_lms();
  if (!lms) return local;
  if (!local) return safe_dump(progress_to_json(*lms));
  std::vector<std::string> problems;
  std::optional<ProgressRecord> mine = progress_from_json_text(*local, nullptr, &problems);
  // An unreadable local copy goes to the book as it is, which sets the bytes aside.
  if (!mine || !problems.empty()) return local;
  return safe_dump(progress_to_json(merge_lms_record(*mine, *lms)));
}

bool LmsProgressStore::write(std::string_view key, const std::string& value) {
  if (key != kProgressKey) return local_->write(key, value);
  std::optional<ProgressRecord> record = progress_from_json_text(value, nullptr);
  bool lms_ok = false;
  if (record) {
    std::optional<ProgressRecord> lms = read_lms();
    // What is being written is this launch's current record, even when it began before a reset
    // (the book starts afresh after one): its sessions are new, not left over.
    if (lms) {
      record->reset_generation = std::max(record->reset_generation, lms->reset_generation);
      // Sessions another device put in the LMS since this one read it are kept; the unfinished
      // session and settings are this write's.
      ProgressRecord merged = merge_lms_record(*record, *lms);
      merged.unfinished = record->unfinished;
      merged.settings = record->settings;
      *record = std::move(merged);
    }
    if (writable_ && !lms_is_newer_) {
      lms_ok = lms_->write(encode_suspend_data(*record, lms_->limit()));
      if (!lms_ok) problem_ = "the LMS refused the resume data";
    }
  }
  std::string stored = record ? safe_dump(progress_to_json(*record)) : value;
  bool local_ok = local_->write(key, stored);
  // A stale local copy must never shadow the newer one just given to the LMS.
  if (!local_ok) local_->remove(key);
  return local_ok || lms_ok;
}

void LmsProgressStore::remove(std::string_view key) {
  local_->remove(key);
  if (key != kProgressKey || !writable_ || lms_is_newer_) return;
  ProgressRecord cleared;
  if (std::optional<ProgressRecord> lms = read_lms()) cleared.reset_generation = lms->reset_generation;
  cleared.reset_generation++;
  if (!lms_->write(encode_suspend_data(cleared, lms_->limit()))) problem_ = "the LMS refused to clear the resume data";
}

ProgressStorage::ProgressStorage(const ProgressStorageDesc& desc) {
  if (desc.kiosk) {
    store_ = &kiosk_;
    return;
  }
  if (desc.lms) {
    lms_store_ = std::make_unique<LmsProgressStore>(*desc.local, *desc.lms, !desc.lms_review);
    store_ = lms_store_.get();
    return;
  }
  store_ = desc.local;
}

}  // namespace rapport
