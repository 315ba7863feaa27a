// The App's session: started by the sign-in flow (which keeps it), ended by sign-out, a badge or
// idle logout; what a sign-in opens (--open, a recent hire's tracks, the home and a check-in).
#include "kiosk/app_state.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <iostream>

namespace kiosk {

SignInFlow::Env App::sign_in_env(const UiContext& ui) {
    return SignInFlow::Env{auth_.get(), db_ ? &*db_ : nullptr, events_.get(), ui, stack_};
}

void App::finish_pin_check() {
    const UiContext ui = this->ui();
    auto env = sign_in_env(ui);
    const auto person = sign_in_flow_.finish(env);
    if (!person) return;
    redraw_ = true;
    sign_in_flow_.begin_session(Session{*person, trainer::identity::actor_for(*db_, person->id), clock_.now_ms()});
    locale_ = person->locale; // the kiosk speaks the person's language
    after_login(); // onboarding for a recent hire; the home, and a change check-in when one is due
    if (!options_.open.empty()) open_on_start(std::exchange(options_.open, {}));
}

void App::open_on_start(const std::string& what) {
    if (options_.lang_given) locale_ = options_.lang; // screenshots of each language
    const auto arg = [&](const char* prefix) { return what.substr(std::string(prefix).size()); };
    const auto tab = [&](DashboardScreen::Tab t) {
        apply(ShowDashboard{});
        lead_flow_.dashboard_screen().tab = t;
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
    sign_in_flow_.end_session(reason, auth_.get());
    home_flow_.reset(); // nothing of their session stays
    review_flow_.reset();
    onboarding_flow_.reset();
    lead_flow_.reset();
    quality_flow_ = QualityFlow{};
    signature_flow_.reset();
    locale_ = options_.lang;
    stack_.assign(1, ScreenId::Decks);
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

