// App state transitions: starting, preparing, replying, finishing and saving sessions.
#include "app.h"

#include <algorithm>

#include "imgui.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {

void App::init(AppServices services, std::vector<Scenario> scenarios, std::vector<std::string> load_errors) {
  services_ = std::move(services);
  scenarios_ = std::move(scenarios);
  load_errors_ = std::move(load_errors);
  book_ = std::make_unique<ProgressBook>(*services_.store);
  book_->load();
  for (auto& n : book_->take_notices()) notices_.push_back(std::move(n));
  screen_ = Screen::Home;
}

void App::announce(const std::string& text) {
  if (services_.announce) services_.announce(text);
}

bool App::take_scroll_request() {
  bool r = scroll_request_;
  scroll_request_ = false;
  return r;
}

void App::open_home() {
  screen_ = Screen::Home;
  pending_prep_.reset();
  announce("Scenario library");
}

void App::start_scenario(size_t index) {
  if (index >= scenarios_.size()) return;
  current_ = static_cast<int>(index);
  dialogue_ = std::make_unique<Dialogue>(scenarios_[index]);
  score_.reset();
  pending_prep_.reset();
  bubbles_ = BubbleAnim{};
  trust_shown_ = static_cast<float>(dialogue_->value("trust"));
  screen_ = dialogue_->phase() == Phase::Prepare ? Screen::Prepare : Screen::Conversation;
  announce("Preparing: " + scenarios_[index].title);
}

void App::resume_unfinished() {
  const nlohmann::json& saved = progress().unfinished;
  if (!saved.is_object()) return;
  std::string id = saved.value("scenario", "");
  auto it = std::find_if(scenarios_.begin(), scenarios_.end(), [&](const Scenario& s) { return s.id == id; });
  if (it == scenarios_.end()) return;
  start_scenario(static_cast<size_t>(it - scenarios_.begin()));
  std::string err = dialogue_->restore(saved);
  if (!err.empty()) {
    notices_.push_back("Your unfinished session could not be resumed: " + err);
    dialogue_ = std::make_unique<Dialogue>(*it);
  }
  trust_shown_ = static_cast<float>(dialogue_->value("trust"));
  bubbles_.shown = dialogue_->transcript().size() * 2 + 1;
  screen_ = dialogue_->phase() == Phase::Prepare ? Screen::Prepare
            : dialogue_->phase() == Phase::Ended ? Screen::End : Screen::Conversation;
  if (dialogue_->phase() == Phase::Ended) finish_session();
  scroll_request_ = true;
}

void App::choose_prep(size_t option) {
  if (!dialogue_ || !dialogue_->prep_step() || option >= dialogue_->prep_step()->options.size()) return;
  pending_prep_ = option;
  const PrepOption& o = dialogue_->prep_step()->options[option];
  announce(o.feedback.empty() ? o.text : o.feedback);
}

void App::confirm_prep() {
  if (!dialogue_ || !pending_prep_) return;
  dialogue_->choose_prep(*pending_prep_);
  pending_prep_.reset();
  if (dialogue_->phase() == Phase::Conversation) {
    screen_ = Screen::Conversation;
    trust_shown_ = static_cast<float>(dialogue_->value("trust"));
    bubbles_ = BubbleAnim{0, 0.0f};
    animating_ = true;
    announce(current()->client.name + ": " + dialogue_->client_line());
  }
  save_unfinished();
}

void App::choose_reply(size_t offered_index) {
  if (!dialogue_ || dialogue_->phase() != Phase::Conversation) return;
  if (!dialogue_->choose(offered_index)) return;
  scroll_request_ = true;
  animating_ = true;
  if (dialogue_->phase() == Phase::Ended) {
    finish_session();
  } else {
    announce(current()->client.name + ": " + dialogue_->client_line());
    save_unfinished();
  }
}

void App::save_unfinished() {
  if (!dialogue_) return;
  book_->set_unfinished(dialogue_->to_json());
  for (auto& n : book_->take_notices()) notices_.push_back(std::move(n));
}

void App::finish_session() {
  score_ = score_session(*dialogue_);
  SessionRecord rec;
  std::string when = services_.now ? services_.now() : std::string("1970-01-01T00:00:00Z");
  rec.id = when + "-" + current()->id + "-" + std::to_string(++session_counter_);
  rec.scenario = current()->id;
  rec.finished = when;
  rec.mode = "choice";
  rec.outcome = dialogue_->ending()->kind;
  rec.ending_title = dialogue_->ending()->title;
  rec.score = score_->total;
  rec.rq_ratio = score_->miti.reflection_to_question;
  rec.percent_complex = score_->miti.percent_complex;
  for (const auto& t : dialogue_->transcript()) rec.codes[std::string(code_id(t.code))]++;
  rec.transcript = dialogue_->to_json()["turns"];
  book_->add_session(std::move(rec));
  book_->set_unfinished(nullptr);
  for (auto& n : book_->take_notices()) notices_.push_back(std::move(n));
  screen_ = Screen::End;
  announce(dialogue_->ending()->title + ". Score " + std::to_string(score_->total) + " out of 100.");
}

void App::frame(float dt) {
  animating_ = false;
  begin_hit_frame();
  if (ease_toward(trust_shown_, dialogue_ ? static_cast<float>(dialogue_->value("trust")) : 0.0f, dt)) animating_ = true;
  if (bubbles_.appear < 1.0f) {
    bubbles_.appear = std::min(1.0f, bubbles_.appear + dt / 0.18f);
    animating_ = true;
  }
  switch (screen_) {
    case Screen::Home: draw_home(*this); break;
    case Screen::Prepare: draw_prepare(*this); break;
    case Screen::Conversation: draw_conversation(*this); break;
    case Screen::End: draw_end(*this); break;
  }
  end_hit_frame();
}

bool begin_screen(const char* id) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  return ImGui::Begin(id, nullptr, flags);
}

void end_screen() { ImGui::End(); }

}  // namespace rapport::ui
