// The App's sign-in session: PIN checks off the UI thread, badge scans, idle logout.
#include "kiosk/app_state.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <sodium.h>

#include <algorithm>
#include <iostream>

namespace kiosk {

std::future<trainer::identity::PinCheck> check_pin_async(const trainer::identity::AuthService& auth,
                                                         trainer::identity::LoginAttempt attempt, std::string pin) {
    // Argon2id takes a noticeable moment: keep the window responsive while it runs.
    return std::async(std::launch::async, [&auth, a = std::move(attempt), pin = std::move(pin)]() mutable {
        auto check = a.needs_check() ? auth.check(a, pin) : trainer::identity::PinCheck{};
        sodium_memzero(pin.data(), pin.size());
        return check;
    });
}

void App::start_pin_check(trainer::identity::LoginAttempt attempt, std::string pin) {
    attempt_ = std::move(attempt);
    login_screen_.busy = true;
    pin_check_ = check_pin_async(*auth_, attempt_, std::move(pin));
}

void App::finish_pin_check() {
    if (!pin_check_.valid() ||
        pin_check_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    const auto check = pin_check_.get();
    login_screen_.busy = false;
    const auto result = auth_->finish(attempt_, check);
    using trainer::identity::LoginStatus;
    const UiContext ui = this->ui();
    if (result.status == LoginStatus::Ok && result.person) {
        session_ = Session{*result.person, trainer::identity::actor_for(*db_, result.person->id), clock_.now_ms()};
        locale_ = result.person->locale; // the kiosk speaks the person's language
        login_screen_.reset();
        stack_.assign(1, ScreenId::Home);
        after_login(); // onboarding for a recent hire, a change check-in when one is due
        refresh_home();
        if (!options_.open.empty()) open_on_start(std::exchange(options_.open, {}));
    } else if (result.status == LoginStatus::Throttled) {
        login_screen_.wipe_pin();
        login_screen_.message = LoginScreen::locked_message(ui, result.retry_after_ms);
    } else {
        // Wrong PIN, unknown badge and inactive account read the same: nothing to learn from it.
        login_screen_.wipe_pin();
        login_screen_.message = ui.tr("login.rejected");
    }
}

void App::open_on_start(const std::string& what) {
    if (options_.lang_given) locale_ = options_.lang; // screenshots of each language
    const auto arg = [&](const char* prefix) { return what.substr(std::string(prefix).size()); };
    const auto tab = [&](DashboardScreen::Tab t) {
        apply(ShowDashboard{});
        dashboard_screen_.tab = t;
    };
    if (what == "tracks") apply(ShowTracks{});
    else if (what.rfind("module:", 0) == 0) apply(OpenModule{arg("module:")});
    else if (what == "dashboard") tab(DashboardScreen::Tab::Team);
    else if (what == "heatmap") tab(DashboardScreen::Tab::Heatmap);
    else if (what == "phases") tab(DashboardScreen::Tab::Phases);
    else if (what == "quality") tab(DashboardScreen::Tab::Quality);
    else if (what == "signoffs") tab(DashboardScreen::Tab::Signoffs);
    else if (what == "maturity") {
        apply(ShowDashboard{});
        apply(ShowMaturity{});
    } else if (what.rfind("person:", 0) == 0) {
        apply(ShowDashboard{});
        apply(ShowPerson{arg("person:")});
    } else if (what == "scores") apply(ShowScores{});
    else if (what.rfind("evaluate:", 0) == 0) {
        apply(ShowDashboard{});
        apply(ShowPerson{arg("evaluate:")});
        apply(StartEvaluation{arg("evaluate:")});
    } else if (what.rfind("signoff:", 0) == 0) {
        const std::string rest = arg("signoff:");
        const auto slash = rest.find('/');
        apply(ShowDashboard{});
        apply(OpenSignoff{rest.substr(0, slash), slash == std::string::npos ? "" : rest.substr(slash + 1)});
    } else if (what == "review") apply(StartReview{});
    notice_.clear();
}

void App::end_session(const std::string& reason) {
    if (session_ && auth_) auth_->logout(session_->person.id, reason);
    session_.reset();
    review_flow_.reset(); // nothing of their session stays
    login_screen_.reset();
    locale_ = options_.lang;
    stack_.assign(1, ScreenId::Decks);
}

void App::begin_badge_login(const std::string& badge) {
    if (!auth_ || pin_check_.valid()) return;
    if (session_) end_session("badge"); // a new badge means a new person at the kiosk
    search_query_.clear();               // what the scan typed into the search field is no query
    search_screen_.typed_ahead.clear();
    login_screen_.reset();
    login_screen_.step = LoginScreen::Step::Pin;
    attempt_ = auth_->begin_by_badge(badge);
    login_screen_.skip_keys = true; // the scan's digits and Enter are not a PIN
    if (attempt_.throttled) login_screen_.message = LoginScreen::locked_message(ui(), attempt_.retry_after_ms);
    if (stack_.back() != ScreenId::Login) stack_.push_back(ScreenId::Login);
}

void App::draw_idle_overlay(const UiContext& ui, trainer::TimeMs remaining_ms) {
    // A full-screen dimmed layer above everything, with the question in a card at its centre.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.08f, 0.09f, 0.12f, 0.55f));
    ImGui::Begin("##idle", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    const ImVec2 panel(ui.px(600), ui.px(220));
    ImGui::SetCursorPos(ImVec2((vp->Size.x - panel.x) * 0.5f, (vp->Size.y - panel.y) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kCard);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(28), ui.px(22)));
    ImGui::BeginChild("##idle-panel", panel, true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    widgets::text(ui.fonts.title, ui.tr("idle.heading"), theme::kInk);
    widgets::text(ui.fonts.body, ui.count("idle.countdown", (remaining_ms + 999) / 1000), theme::kMuted);
    ImGui::Spacing();
    if (widgets::button(ui, ui.tr("idle.stay"), -1.0f, true)) apply(StillHere{});
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::End();
}

} // namespace kiosk
