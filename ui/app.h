// The Rapport app as ImGui screens over the core: holds the loaded scenarios, the running
// dialogue and the progress book, and draws one frame at a time. Platform code (web/ or a test)
// owns the ImGui context, input and rendering.
#pragma once

#include <deque>
#include <map>
#include <set>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dialogue.h"
#include "followup.h"
#include "session.h"
#include "session_review.h"
#include "options.h"
#include "progress.h"
#include "scenario.h"
#include "scoring.h"

namespace rapport::authoring {
class Studio;  // core/studio.h: only the studio's files need it (and the JSON it holds)
}  // namespace rapport::authoring

namespace rapport::ui {

enum class Screen { Attract, Home, Prepare, Conversation, End, FollowUp, Roadmap, Progress, History, Studio };

/// What the learner chose in Settings; kept in the progress record's settings.
struct Settings {
  std::string theme = "light";  // light, dark, high-contrast
  float text_scale = 1.0f;      // 0.9 .. 1.5
  std::string learner_name;     // signs the follow-up email; "" = not set
};

/// A size or a point in device pixels (ui/ draws with ImGui; this header does not need it).
struct Size2 {
  float x = 0, y = 0;
};

/// A text field the platform draws as a real HTML element over the canvas (word wrap, phone
/// keyboards, IMEs, screen readers), positioned in device pixels.
struct TextFieldSpec {
  std::string id;
  Size2 min, max;
  std::string value;
  int revision = 0;  // changes when the app replaced the value (not on the learner's typing)
  std::string placeholder;
  bool enter_submits = false;  // Enter (without Shift) submits instead of a new line
  int focus = 0;               // changes when the app asks for the keyboard focus in this field
  bool read_only = false;      // shown for reading and copying from, not for typing
};

struct AppServices {
  ProgressStore* store = nullptr;  // required
  /// Where the studio keeps drafts: the browser's own storage even in a kiosk (whose progress is
  /// kept in memory) or an LMS; optional, `store` otherwise.
  ProgressStore* drafts_store = nullptr;
  std::function<std::string()> now;                   // ISO-8601 time; optional
  std::function<void(const std::string&)> announce;   // screen-reader live region; optional
  std::function<void()> pick_file;                    // opens a scenario file picker; optional
  std::function<void()> pick_progress_file;           // opens a picker for a progress export; optional
  std::function<void(const std::string&)> copy_text;  // clipboard; optional
  std::function<void(const std::string& name, const std::string& text)> download_text;  // optional
  std::function<void(const std::string& url)> open_url;                                 // mailto: links; optional
  /// Builds and downloads a SCORM package of the site carrying an authored library (the request
  /// is Studio::package_request's JSON); optional.
  std::function<void(const std::string& request)> export_package;
  /// The file text of a built-in scenario by id (the studio copies it to edit); optional.
  std::function<std::string(const std::string& id)> built_in_text;
  /// The page's address without its query (the studio's kiosk link); optional.
  std::function<std::string()> page_url;
  /// Opens the authoring studio's page (a build without the studio linked in); optional.
  std::function<void()> open_studio_page;
  /// Shows the frame's text fields as real HTML fields (hides the others); optional: without
  /// it ImGui's own text box is used.
  std::function<void(const std::vector<TextFieldSpec>&)> text_fields;
  // Session events for the platform (LMS reporting, postMessage to an embedding page); optional.
  std::function<void(const Dialogue&)> session_started;
  std::function<void(const Dialogue&, const Turn&)> turn_finished;
  std::function<void(const Dialogue&, const SessionScore&, const SessionRecord&)> session_finished;
  /// The finished session's score changed afterwards (a complete follow-up email counts).
  std::function<void(const Dialogue&, const SessionScore&, const SessionRecord&)> session_rescored;
};

/// One-shot requests: what the actions since the last frame ask the next frame to do. frame()
/// takes them (requests() is what the frame being drawn was asked), so each lasts one frame.
struct FrameRequests {
  bool restyle = false;             // the platform re-applies the theme and fonts (read before frame())
  bool scroll = false;              // chat to its newest bubble; a new results or history page to its top
  bool scroll_top = false;          // a new preparation step opens at its top
  bool focus_reply = false;         // the reply box takes the keyboard focus
  bool focus_continue = false;      // the keyboard focus moves to "Continue" (a prep option was chosen)
  std::set<std::string> submitted;  // text fields where Enter was pressed (enter_submits)
  // Actions that replace the session, asked for while a frame was drawn: done once it is drawn.
  std::optional<size_t> start;          // start_scenario(index)
  bool resume = false;                  // resume_unfinished()
  bool reopen = false;                  // write_history_followup()
  std::optional<size_t> retry_from;     // retry_from(turn)
  std::optional<std::string> playtest;  // start_playtest(node)
  bool back_to_studio = false;          // back_to_studio(): the play-test's session is let go
};

/// What the app shows about one bubble's entry animation.
struct BubbleAnim {
  size_t shown = 0;     // bubbles fully shown
  float appear = 1.0f;  // 0..1 for the newest bubble
};

class App {
 public:
  void init(AppServices services, std::vector<Scenario> scenarios, std::vector<std::string> load_errors,
            AppOptions options = {});
  const AppOptions& options() const { return options_; }
  /// Shows the authors' tools (loading a scenario file) on the library screen for this session.
  void set_author_tools(bool on) { options_.author = on; }

  /// The platform reports input (for the kiosk idle timer) with a monotonic time in seconds.
  void note_input(double now);
  /// Keeps a typed reply not yet sent in the unfinished-session save a second after it changed,
  /// so that a reload or a closed tab gives it back; and, in a kiosk, warns before the idle
  /// timeout (kiosk_idle) and then forgets the visitor. True when the screen must be drawn again
  /// (the warning appeared, counted down or went, or the visitor was forgotten).
  bool tick(double now);
  /// The kiosk's idle warning: whole seconds before the visitor is forgotten, 0 when not shown.
  int idle_warning() const { return idle_warning_; }
  /// The visitor answered the warning: the idle time starts again.
  void keep_visitor();

  const Settings& settings() const { return settings_; }
  void set_settings(const Settings& settings);
  /// What the next frame is asked to do so far; the platform reads `restyle` before frame().
  const FrameRequests& next_requests() const { return next_; }
  /// What the frame being drawn was asked to do (the screens read it).
  const FrameRequests& requests() const { return now_; }
  /// Scale factor for text and targets on top of devicePixelRatio (settings x kiosk).
  float ui_scale() const;
  bool settings_open() const { return settings_open_; }
  void open_settings(bool open) { settings_open_ = open; }

  /// Draws one frame; dt in seconds since the previous frame.
  void frame(float dt);
  /// True while an animation needs more frames.
  bool animating() const { return animating_; }

  // --- navigation and actions (also used by tests) ---
  Screen screen() const { return screen_; }
  void open_home();
  void start_scenario(size_t index);
  void resume_unfinished();
  void choose_prep(size_t option);
  void confirm_prep();
  void choose_reply(size_t offered_index);
  /// Codes a typed reply with the reply coder and plays it; false when it is blank.
  bool submit_text(const std::string& text);
  /// A typed reply the coder was unsure about, waiting for the learner to say which they meant.
  struct PendingTyped {
    std::string text;
    std::vector<MiCode> options;  // core's which_options()
  };
  const std::optional<PendingTyped>& pending_typed() const { return pending_typed_; }
  /// The learner's answer to "which did you mean?": the reply is sent with that code.
  void answer_which(MiCode code);
  void cancel_which() { pending_typed_.reset(); }
  /// Rewinds the current session to just before learner turn `turn` and continues from there.
  void retry_from(size_t turn);
  ReplyMode reply_mode() const { return reply_mode_; }
  void set_reply_mode(ReplyMode mode);
  bool coaching() const { return coaching_; }
  void set_coaching(bool on) { coaching_ = on; }

  // --- after the session: follow-up email, journal, roadmap, progress, reference ---
  /// Shows a screen that needs no set-up (End, FollowUp and Roadmap need a finished session).
  void open_screen(Screen screen);
  /// Opens history entry `index` (into progress().sessions): its results and transcript.
  void open_history(size_t index);
  const SessionReview& history_review() const { return history_review_; }
  /// Plays the open history entry again (core's Session::reopen) and shows its follow-up email,
  /// which then counts toward that entry. An unfinished session stays saved for the library's
  /// Resume; a record that cannot be played again gets a notice saying why.
  void write_history_followup();
  /// The learner's own email: it opens as core's skeleton (followup_skeleton) and is the only
  /// text the checklist and the score look at.
  std::string& followup_draft() { return session_ ? session_->followup_draft() : no_draft_; }
  /// Re-checks the draft after an edit.
  void followup_edited();
  const FollowUpCheck& followup_check() const { return session_ ? session_->followup_check() : no_check_; }
  /// The model email for this session's ending (core's followup_example), shown on request.
  const std::string& followup_example() const { return session_ ? session_->followup_example() : no_draft_; }
  bool followup_example_shown() const { return followup_example_shown_; }
  /// The follow-up email of a past session, opened from its history entry.
  bool followup_from_history() const { return followup_from_history_; }
  void show_followup_example(bool shown);
  void copy_followup();
  void download_followup();
  void mail_followup();
  std::string& journal_draft() { return journal_draft_; }
  void save_journal();
  void journal_edited() { journal_saved_ = false; }
  bool journal_saved() const { return journal_saved_; }
  void export_progress();
  /// Merges an exported progress file (from the platform's picker); result shown as a notice.
  void import_progress_text(const std::string& file, const std::string& text);
  void request_progress_import() {
    if (services_.pick_progress_file) services_.pick_progress_file();
  }
  /// Reset needs two steps: ask, then confirm.
  void ask_reset(bool ask) { reset_asked_ = ask; }
  bool reset_asked() const { return reset_asked_; }
  void confirm_reset();
  bool reference_open() const { return reference_open_; }
  void open_reference(bool open) { reference_open_ = open; }
  /// The scenario aimed at the learner's weakest skill (or one not played yet); nullptr if none.
  const Scenario* suggested_next() const;
  /// Why suggested_next() was chosen, in a sentence.
  std::string suggestion_reason() const;

  // --- text fields ---
  /// A multi-line text field bound to `value`; returns true when the learner edited it.
  bool text_field(const char* id, Size2 size, std::string& value, const char* placeholder, int revision = 0,
                  bool enter_submits = false, const char* hit_label = nullptr, bool take_focus = false);
  /// A read-only multi-line field showing `text`, selectable so that parts can be copied.
  void text_view(const char* id, Size2 size, const std::string& text, const char* placeholder, int revision);
  /// The name field in Settings (kept exactly as typed) and what to do after an edit.
  std::string& name_draft() { return name_draft_; }
  int name_draft_revision() const { return name_draft_revision_; }
  void name_edited();
  /// The page is being hidden or unloaded: the reply draft and the follow-up email are kept now,
  /// not after their one-second pause.
  void keep_unsaved_now();
  /// The platform reports typing in one of its HTML fields.
  void text_field_input(const std::string& id, const std::string& text);
  /// The platform reports Enter in a field with enter_submits (requests().submitted next frame).
  void text_field_submit(const std::string& id) {
    next_.submitted.insert(id);
    animating_ = true;
  }
  /// True in the frame after Enter was pressed in field `id`.
  bool field_submitted(const std::string& id) const { return now_.submitted.count(id) > 0; }
  /// For the screen's first control (a reply card, "See how it went", the results' first button):
  /// true once after the content changed under a keyboard user, who then lands there instead of on
  /// the top bar's "Library". Pointer and touch users see nothing (no focus ring, no scrolling).
  bool take_content_focus();
  /// The typed reply being written (kept exactly as typed, any script), and its revision.
  std::string& reply_draft() { return reply_draft_; }
  int reply_draft_revision() const { return reply_draft_revision_; }
  int followup_revision() const { return session_ ? session_->followup_revision() + revision_base_ : revision_base_; }

  // --- the authoring studio (ui/app_studio.cpp) ---
  /// Opens the studio's library (its drafts are read from the store the first time); in a build
  /// without the studio (link_studio() not called), asks the platform for the studio's page.
  void open_studio();
  /// Whether the studio is here or the platform can open its page.
  bool can_open_studio() const { return studio_linked() || services_.open_studio_page != nullptr; }
  /// Whether this build has the studio's screens (link_studio() was called).
  static bool studio_linked() { return studio_part_ != nullptr; }
  authoring::Studio* studio() { return studio_.get(); }
  /// The form's field buffers by JSON pointer, refilled from the draft when the form revision changes.
  std::string& studio_buffer(const std::string& pointer, const std::string& value);
  /// The form revision the buffers hold: what the form's fields report to the page, so that the
  /// page reloads a field exactly when its buffer was refilled (at the start of a frame).
  int studio_buffers_revision() const { return studio_buffers_revision_; }
  /// Plays the draft from `node` ("" = its start, with preparation) in the conversation screen;
  /// nothing is stored or reported. A problem that stops it shows as a notice.
  void start_playtest(const std::string& node);
  bool playtesting() const { return playtest_ != nullptr; }
  /// The node the running play-test started from ("" = the start).
  const std::string& playtest_from() const { return playtest_from_; }
  /// Leaves a play-test for the studio, with the node where the conversation was selected.
  void back_to_studio();
  void add_notice(std::string text) { notices_.push_back(std::move(text)); }
  /// Downloads the draft being edited as a scenario file.
  void export_studio_draft();
  /// Builds a SCORM package ("1.2" or "2004") of the app with the draft and the chosen built-ins.
  void export_studio_package(const std::string& scorm);
  /// The built-in scenarios chosen to go into a package with the draft.
  std::set<std::string>& package_built_ins() { return package_built_ins_; }
  /// State values a play-test from a node starts with (the others keep their initial value).
  std::map<std::string, int>& playtest_state() { return playtest_state_; }
  bool can_export_packages() const { return static_cast<bool>(services_.export_package); }
  /// A link that opens this page as a kiosk with the draft in its library (in this browser).
  std::string studio_kiosk_link() const;
  /// Adds the drafts named in ?drafts= (comma-separated ids) from this browser to the library.
  void add_drafts_to_library(const std::string& ids);
  /// A studio package's authored.json: its scenarios join the library, which then shows only the
  /// ids in its "library" list. Problems are shown as notices naming the file.
  void use_authored_library(const std::string& file, const std::string& text);
  void copy_text(const std::string& text) {
    if (services_.copy_text) services_.copy_text(text);
  }

  // --- read by the screens ---
  /// A deque, so adding a scenario never moves the one a running dialogue points at.
  const std::deque<Scenario>& scenarios() const { return scenarios_; }
  /// Adds (or replaces, by id) a scenario an author loaded at run time from `file`'s text. Errors
  /// are shown on the home screen, naming the file and the JSON pointer.
  bool add_scenario_text(const std::string& file, const std::string& text);
  /// Swaps the library cards the first frame was drawn from (read_scenario_card) for the fully
  /// loaded scenarios, sorted the same way, and shows the files that failed. The web app calls it
  /// before any input is handled; a session already running is left for the home screen.
  void complete_library(std::vector<Scenario> scenarios, std::vector<std::string> load_errors);
  /// Asks the platform to open its file picker (web: the page's hidden file input).
  void request_file_picker() {
    if (services_.pick_file) services_.pick_file();
  }
  bool can_pick_files() const { return static_cast<bool>(services_.pick_file); }
  const std::vector<std::string>& load_errors() const { return load_errors_; }
  const std::vector<std::string>& notices() const { return notices_; }
  void dismiss_notices() { notices_.clear(); }
  const ProgressRecord& progress() const { return book_->record(); }
  const Dialogue* dialogue() const { return session_ ? &session_->dialogue() : nullptr; }
  const Session* session() const { return session_.get(); }
  const Scenario* current() const {
    if (playtest_) return playtest_.get();
    return current_ >= 0 ? &scenarios_[static_cast<size_t>(current_)] : nullptr;
  }
  const std::optional<SessionScore>& score() const { return session_ ? session_->score() : no_score_; }
  std::optional<size_t> pending_prep_choice() const { return pending_prep_; }
  /// The feedback on the preparation choice just confirmed (shown on the next screen).
  struct PrepFeedback {
    std::string text;
    bool recommended = false;
  };
  const std::optional<PrepFeedback>& last_prep_feedback() const { return last_prep_; }
  float trust_shown() const { return trust_shown_; }
  BubbleAnim& bubbles() { return bubbles_; }
  /// True while the client "types" the newest line (core/pacing.h); the line shows after it.
  bool client_typing() const { return typing_left_ > 0; }
  /// Shows the newest client line now (a tap, Enter or Space while the client types).
  void skip_typing();
  void request_animation() { animating_ = true; }

 private:
  /// Draws what the session's events say happened: the platform's reports, saving, the
  /// announcements and the screen to show.
  void handle_session_events();
  SessionContext session_context();
  /// Replaces (or ends, with nullptr) the session.
  void set_session(std::unique_ptr<Session> session);
  /// Stores the finished session and reports it; resets the after-session drafts.
  void record_finished_session();
  /// The follow-up email left the app: its coverage counts in the score.
  void count_followup();
  void keep_followup();  // leaving the email screen: Session::followup_left
  /// Starts the typing pause before the client line the last reply brought, when pacing is on.
  void start_typing();
  void save_unfinished();
  void forget_visitor();
  void take_book_notices();
  /// Hands a field to the platform (or records it for tests); `bound` receives the learner's typing.
  void place_field(TextFieldSpec spec, Size2 size, std::string* bound, const std::string& hit_label);
  void announce(const std::string& text);

  AppServices services_;
  std::deque<Scenario> scenarios_;
  std::vector<std::string> load_errors_;
  std::vector<std::string> notices_;
  std::unique_ptr<ProgressBook> book_;
  std::unique_ptr<Session> session_;
  // What the accessors show while there is no session.
  std::string no_draft_;
  FollowUpCheck no_check_;
  std::optional<SessionScore> no_score_;
  int revision_base_ = 0;  // set so that followup_revision() grows across sessions (set_session)
  int current_ = -1;
  Screen screen_ = Screen::Home;
  std::optional<size_t> pending_prep_;
  std::optional<PrepFeedback> last_prep_;
  std::uint32_t session_seed() const;
  std::optional<PendingTyped> pending_typed_;
  bool send_typed(const std::string& text, MiCode code, const std::string& cue, bool self_coded);
  float trust_shown_ = 0;
  BubbleAnim bubbles_;
  float typing_left_ = 0;  // seconds until the newest client line shows
  bool animating_ = false;
  bool content_focus_ = false;  // see take_content_focus()
  int session_counter_ = 0;
  ReplyMode reply_mode_ = ReplyMode::Choice;
  bool coaching_ = true;
  AppOptions options_;
  Settings settings_;
  bool settings_open_ = false;
  bool followup_example_shown_ = false;
  bool followup_from_history_ = false;
  std::map<std::string, std::string> view_buffers_;  // native read-only fields' copies
  std::string name_draft_;
  int name_draft_revision_ = 0;
  std::vector<TextFieldSpec> fields_;
  std::map<std::string, std::string*> field_values_;
  std::set<std::string> field_edited_;
  std::string reply_draft_;
  int reply_draft_revision_ = 0;
  std::map<std::string, int> field_focus_;
  std::map<std::string, bool> place_focused_;  // the field's navigation stop had the focus last frame
  std::string journal_draft_;
  bool journal_saved_ = false;
  bool reset_asked_ = false;
  bool reference_open_ = false;
  SessionReview history_review_;
  std::string history_id_;  // the record history_review_ shows
  double last_input_ = 0;
  double last_tick_ = 0;
  int idle_warning_ = 0;     // App::idle_warning()
  double warned_after_ = 0;  // the last input before the warning appeared
  std::string saved_draft_;  // the reply draft the unfinished save holds
  double draft_unsaved_since_ = 0;
  double followup_unkept_since_ = 0;  // keep_followup_draft
  void keep_reply_draft(double now);
  /// Keeps the follow-up draft in the record kReplyDraftSaveSeconds after the learner changed it
  /// (Session::followup_left: its coverage counts as when they leave the screen).
  void keep_followup_draft(double now);
  // ImGui's own text box, for builds without the page's fields (native tests): reached only
  // through this pointer, which link_imgui_text_box() fills, so the browser's wasm leaves ImGui's
  // text editing out at link time (13 KB of code the page's HTML fields do instead).
  using ImGuiBox = bool (*)(const char* id, std::string* value, Size2 size, bool enter_submits, bool read_only);
  static ImGuiBox imgui_box_;
  static bool imgui_box(const char* id, std::string* value, Size2 size, bool enter_submits, bool read_only);
  friend void link_imgui_text_box();
  // The studio's code is reached only through this table, which link_studio() fills: a build that
  // never calls it (the learners' wasm) leaves the studio out at link time.
  friend void link_studio(bool);
  struct StudioPart {
    void (*open)(App&);
    void (*draw)(App&);
    void (*start_playtest)(App&, const std::string& node);
    void (*back)(App&);
    bool (*import_file)(App&, const std::string& file, const std::string& text);
    void (*refresh_buffers)(App&);
  };
  static const StudioPart* studio_part_;
  /// A new session of `scenario` on its first screen (a library start or a play-test).
  void open_session(const Scenario& scenario, const std::string& announcement);
  void open_studio_here();
  void start_playtest_here(const std::string& node);
  void back_to_studio_here();
  std::shared_ptr<authoring::Studio> studio_;  // shared_ptr: its deleter is made where it is made
  std::unique_ptr<Scenario> playtest_;         // the draft a play-test runs (current() while set)
  std::string playtest_from_;
  std::set<std::string> package_built_ins_;
  std::map<std::string, int> playtest_state_;
  void refresh_studio_buffers();
  std::map<std::string, std::string> studio_buffers_;
  int studio_buffers_revision_ = -1;
  FrameRequests next_;  // what actions asked for since the frame being drawn began
  FrameRequests now_;   // what the frame being drawn was asked
  bool in_frame_ = false;
};

// One function per screen, each in its own file.
void draw_home(App& app);
void draw_prepare(App& app);
void draw_conversation(App& app);
void draw_end(App& app);
void draw_attract(App& app);
void draw_followup(App& app);
void draw_roadmap(App& app);
void draw_progress(App& app);
void draw_history(App& app);
void draw_studio(App& app);
/// Links the authoring studio into this build (the studio's web page, native tests); see
/// App::studio_linked(). `false` takes it out again (tests of a learners' build).
void link_studio(bool linked = true);
/// Fills in ImGui's own text box (ui/app_fields_imgui.cpp) for builds without the page's HTML fields:
/// native hosts call it before drawing a text field; the browser's builds never do.
void link_imgui_text_box();
/// The reference sheet (challenge table, OARS cards), drawn over any screen when open.
void draw_reference(App& app);
/// The settings sheet (name, theme, text size, coaching), drawn over any screen when open.
void draw_settings(App& app);
/// The kiosk's "Still there?" over any screen while App::idle_warning() counts down.
void draw_still_there(App& app);

/// The slim bar on top of the session screens: back to library, title, client trust meter.
/// Returns its height.
/// `title`, when given, replaces the scenario's title (screens outside a session). `show_change`
/// puts the last reply's trust change beside the meter (not on the results, where a reviewer read
/// the final turn's "-10" as a new penalty).
float draw_top_bar(App& app, bool show_trust, const char* title = nullptr, bool show_change = true);

/// Full-window host for a screen: begins an undecorated window covering the display.
bool begin_screen(const char* id);
void end_screen();

}  // namespace rapport::ui
