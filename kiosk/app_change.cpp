// The App's change check-in (DESIGN §4.4) and what it lends the lead flow (kiosk/flows/lead_flow.cpp).
#include "kiosk/app_state.hpp"
#include "trainer/app/dashboard_hooks.hpp"
#include "trainer/core/org_time_zone.hpp"

#include "trainer/core/time.hpp"
#include "trainer/quality/motivation.hpp"

#include <iostream>

namespace kiosk {

void App::sync_change_and_quality() {
    const auto& content = features_content_;
    checkin_.reset();
    evaluations_.reset();
    if (content->change) checkin_ = std::make_unique<trainer::change::CheckinService>(*events_, clock_, *content);
    if (content->quality) evaluations_ = std::make_unique<trainer::quality::EvaluationService>(*db_, *events_, clock_, *content);
    try {
        motivation_ = trainer::app::motivation_config_near(options_.content, content.get());
        motivation_problem_ = false;
    } catch (const std::exception& e) {
        // Checked against the content as the CLI does (issue 16 point 5): the log has every
        // file:line:column, the lead a calm banner on the screens that show the figures.
        std::cerr << "kiosk: motivation rules not used, the figures use the defaults: " << e.what() << "\n";
        motivation_ = {};
        motivation_problem_ = true;
    }
}

void App::offer_checkin() {
    if (!session_ || !checkin_) return;
    try {
        const auto due = checkin_->due(session_->person.id);
        if (due.empty()) return;
        checkin_rollout_ = due.front().id;
        checkin_screen_ = SurveyScreen{};
        stack_.push_back(ScreenId::Checkin);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: " << e.what() << "\n";
    }
}

Intent App::draw_checkin(const UiContext& ui) {
    const auto& change = *features_content_->change;
    const auto* rollout = change.find_rollout(checkin_rollout_);
    SurveyForm f;
    f.title = ui.tr("checkin.heading");
    f.intro = ui.tr("checkin.intro", {{"rollout", rollout ? trainer::content::pick(rollout->title, locale_) : checkin_rollout_}});
    for (const auto& s : change.pulse) f.items.push_back({s.id, trainer::content::pick(s.text, locale_)});
    f.min = trainer::content::kPulseMin;
    for (const auto& l : change.scale) f.labels.push_back(trainer::content::pick(l, locale_));
    f.submit = ui.tr("checkin.submit");
    f.later = ui.tr("checkin.later");
    switch (checkin_screen_.draw(ui, f)) {
    case SurveyScreen::Result::Submit: return SubmitCheckin{checkin_rollout_, checkin_screen_.answers};
    case SurveyScreen::Result::Later: return SkipCheckin{};
    default: return NoIntent{};
    }
}

bool App::apply_change(const Intent& intent) {
    if (!session_) return false;
    const UiContext ui = this->ui();
    try {
        if (const auto* c = std::get_if<SubmitCheckin>(&intent)) {
            if (!checkin_) return true;
            checkin_->check_in(session_->actor, session_->person.id, c->rollout_id, c->answers);
            notice_ = ui.tr("checkin.thanks");
            if (stack_.back() == ScreenId::Checkin) stack_.pop_back();
            refresh_home();
        } else if (std::holds_alternative<SkipCheckin>(intent)) {
            if (stack_.back() == ScreenId::Checkin) stack_.pop_back();
        } else {
            return false;
        }
    } catch (const std::exception& e) {
        checkin_screen_.message = refusal(e);
    }
    return true;
}

std::optional<LeadFlow::Env> App::lead_env(const UiContext& ui) {
    sync_features();
    if (!session_ || !auth_ || !features_content_) return std::nullopt;
    return LeadFlow::Env{*db_,          *events_,          clock_,           *features_content_,
                         motivation_,   *auth_,            checkin_.get(),   evaluations_.get(),
                         signoff_.get(), session_->actor,  ui,               stack_,
                         notice_};
}

bool App::apply_lead(const Intent& intent) {
    const UiContext ui = this->ui();
    auto env = lead_env(ui);
    if (!env || !lead_flow_.apply(intent, *env)) return false;
    // What waits on the lead's home (an unlock, a sign-off) is read again when it is on top.
    if (std::holds_alternative<UnlockPerson>(intent) && stack_.back() == ScreenId::Home) refresh_home();
    return true;
}

Intent App::draw_lead(const UiContext& ui, ScreenId top, const trainer::content::ContentSet&) {
    if (top == ScreenId::Sign) return sign_pad_.draw(ui, {});
    auto env = lead_env(ui);
    return env ? lead_flow_.draw(top, *env) : NoIntent{};
}

} // namespace kiosk
