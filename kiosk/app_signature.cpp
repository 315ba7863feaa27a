// Signing with the lead's own PIN (DESIGN §4.3, §4.5): a skills sign-off (the lead flow's form)
// or a QA evaluation (the quality flow's). The PIN is checked off the UI thread and counted
// towards lockout like a sign-in; the pad restates what is signed.
#include "kiosk/app_state.hpp"

#include "trainer/i18n/format.hpp"

#include <iostream>

namespace kiosk {

// What the lead is about to sign, restated on the PIN pad: the person, the module or evaluation,
// and the outcome the signature records.
std::string App::signing_what(SignPurpose purpose) const {
    const UiContext ui = this->ui();
    if (purpose == SignPurpose::Evaluation) {
        const auto& e = quality_flow_.evaluation();
        return ui.tr("sign.what_evaluation",
                     {{"person", e.agent_name},
                      {"score", e.preview.scored ? trainer::i18n::format_percent(e.preview.percent, 0, ui.locale)
                                                 : std::string(trainer::i18n::kNoValue)}});
    }
    const auto& r = lead_flow_.signoff_form().request;
    const bool passed = trainer::onboarding::signoff_passed(lead_flow_.signoff_form().shown.size(), r.steps.size(), r.pass_mark);
    return ui.tr("sign.what_signoff", {{"person", r.display_name},
                                       {"module", r.module_title},
                                       {"shown", std::to_string(lead_flow_.signoff_form().shown.size())},
                                       {"steps", std::to_string(r.steps.size())},
                                       {"result", ui.tr(passed ? "sign.passed" : "sign.not_passed")}});
}

void App::begin_signature(SignPurpose purpose) {
    if (!session_ || !auth_) return;
    sign_purpose_ = purpose;
    sign_pad_.reset();
    sign_pad_.step = LoginScreen::Step::Pin;
    sign_pad_.person_id = session_->person.id;
    sign_pad_.display_name = ui().tr("sign.as", {{"name", session_->person.display_name}});
    sign_pad_.signing_heading = ui().tr("sign.heading", {{"name", session_->person.display_name}});
    sign_pad_.signing_what = signing_what(purpose);
    stack_.push_back(ScreenId::Sign);
}

void App::start_sign_check(std::string pin) {
    if (!session_ || !auth_ || sign_check_.valid()) return;
    sign_attempt_ = auth_->begin_by_id(session_->person.id);
    sign_pad_.busy = true;
    sign_check_ = check_pin_async(*auth_, sign_attempt_, std::move(pin));
}

void App::finish_sign_check() {
    if (!sign_check_.valid() || sign_check_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    const auto check = sign_check_.get();
    sign_pad_.busy = false;
    redraw_ = true;
    if (!session_) return;
    const UiContext ui = this->ui();
    if (sign_attempt_.throttled) {
        sign_pad_.wipe_pin();
        sign_pad_.message = ui.count("login.throttled", std::max<long long>(1, (sign_attempt_.retry_after_ms + 999) / 1000));
        return;
    }
    if (sign_purpose_ == SignPurpose::Evaluation) {
        finish_evaluation_signature(check);
        return;
    }
    try {
        trainer::onboarding::SignoffInput in;
        in.person = lead_flow_.signoff_form().request.person_id;
        in.module = lead_flow_.signoff_form().request.module_id;
        in.steps_shown.assign(lead_flow_.signoff_form().shown.begin(), lead_flow_.signoff_form().shown.end());
        in.note = lead_flow_.signoff_form().note;
        const auto res = signoff_->sign_checked(session_->actor, in, sign_attempt_, check);
        notice_ = ui.tr(res.completion.passed ? "sign.done_passed" : "sign.done_failed",
                        {{"name", lead_flow_.signoff_form().request.display_name}});
        if (!res.coached_cards.empty()) {
            notice_ += ' ';
            notice_ += ui.count("sign.coached", static_cast<long long>(res.coached_cards.size()));
        }
        // Back past the PIN pad and the form to where the lead came from.
        while (stack_.size() > 1 && (stack_.back() == ScreenId::Sign || stack_.back() == ScreenId::Signoff)) stack_.pop_back();
        if (auto env = lead_env(ui)) lead_flow_.after_signature(*env, in.person);
        if (stack_.back() == ScreenId::Home) refresh_home(); // signed from the lead's home
    } catch (const trainer::identity::AccessDenied& e) {
        sign_pad_.wipe_pin();
        sign_pad_.message = check.matched ? refusal(e) : ui.tr("sign.rejected");
    } catch (const std::exception& e) {
        sign_pad_.wipe_pin();
        sign_pad_.message = refusal(e);
    }
}

} // namespace kiosk
