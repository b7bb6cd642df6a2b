// Where the learner's progress is kept, and the LMS resume policy: the browser's copy and the
// LMS's suspend_data are merged by session id (never duplicated, never dropped), a reset clears
// both, review mode writes nothing to the LMS and a kiosk writes nowhere. web/ only passes bytes.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "progress.h"

namespace rapport {

/// The LMS's resume field (SCORM cmi.suspend_data), as the platform offers it.
class LmsResumeField {
 public:
  virtual ~LmsResumeField() = default;
  /// What the LMS holds now ("" when nothing).
  virtual std::string read() = 0;
  /// False when the LMS refused the value.
  virtual bool write(const std::string& data) = 0;
  /// Most characters the LMS keeps.
  virtual size_t limit() const = 0;
};

/// In-memory resume field for tests: one string shared by every "device" given the same field.
class MemoryResumeField : public LmsResumeField {
 public:
  explicit MemoryResumeField(size_t limit = 4096) : limit_(limit) {}
  std::string read() override { return data_; }
  bool write(const std::string& data) override;
  size_t limit() const override { return limit_; }
  int writes() const { return writes_; }
  bool refuse_writes = false;  // simulates an LMS that answers false to SetValue

 private:
  size_t limit_;
  std::string data_;
  int writes_ = 0;
};

/// Merges two copies of the progress record: sessions by id (or, for ids the first LMS format
/// made up, by scenario, time to the second and score), the local copy's richer record kept with
/// the higher score, oldest first. `lms` is the shared copy: its unfinished session and settings
/// win unless it has none; a local copy from before the LMS's last reset (lower
/// reset_generation) contributes nothing the LMS does not have.
ProgressRecord merge_lms_record(const ProgressRecord& local, const ProgressRecord& lms);

/// A ProgressStore for the progress record inside an LMS: every read merges the local copy with
/// the LMS's (merge_lms_record), every write goes to both (the LMS copy encoded under its limit,
/// merged with what the LMS holds so no device's sessions are dropped), and remove() clears both,
/// raising the reset generation. With `lms_writable` false (the LMS opened the launch in review
/// or browse mode) the LMS copy is read but never written. Other keys go to `local` alone.
class LmsProgressStore : public ProgressStore {
 public:
  LmsProgressStore(ProgressStore& local, LmsResumeField& lms, bool lms_writable = true)
      : local_(&local), lms_(&lms), writable_(lms_writable) {}
  std::optional<std::string> read(std::string_view key) override;
  bool write(std::string_view key, const std::string& value) override;
  void remove(std::string_view key) override;
  /// The last problem with the LMS's copy (unreadable data, a refused write); "" when none.
  const std::string& lms_problem() const { return problem_; }

 private:
  std::optional<ProgressRecord> read_lms();

  ProgressStore* local_;
  LmsResumeField* lms_;
  bool writable_;
  bool lms_is_newer_ = false;  // holds a format this build cannot read: never overwritten
  std::string problem_;
};

/// How the app keeps progress for one launch.
struct ProgressStorageDesc {
  ProgressStore* local = nullptr;  // the browser's storage (required)
  LmsResumeField* lms = nullptr;   // the LMS's resume field; null outside an LMS
  bool lms_review = false;         // the LMS opened this launch in review or browse mode
  bool kiosk = false;              // visitors leave nothing behind, locally or in the LMS
};

/// Chooses the store for a launch: a kiosk gets memory only; inside an LMS, an LmsProgressStore
/// over the local store (read-only towards the LMS in review mode); otherwise the local store.
class ProgressStorage {
 public:
  explicit ProgressStorage(const ProgressStorageDesc& desc);
  ProgressStore& store() { return *store_; }
  /// The LMS store when one is in use (for its lms_problem()), else null.
  LmsProgressStore* lms_store() { return lms_store_.get(); }

 private:
  MemoryProgressStore kiosk_;
  std::unique_ptr<LmsProgressStore> lms_store_;
  ProgressStore* store_ = nullptr;
};

}  // namespace rapport
