// The App's onboarding (DESIGN §4.3): the track map, a module's pages and assessment, the lead's
// skills sign-off — and signing with the lead's own PIN, which QA evaluations share.
#include "kiosk/app_state.hpp"
#include "kiosk/flows/refusal.hpp"

#include "trainer/i18n/format.hpp"
#include "trainer/onboarding/assignment.hpp"


#include <iostream>

namespace kiosk {

void App::sync_features() {
    const auto& content = library_->state().content;
    if (!db_ || !content || features_content_ == content) return;
    features_content_ = content;
    onboarding_.reset();
    signoff_.reset();
    if (content->onboarding) {
        onboarding_ = std::make_unique<trainer::onboarding::OnboardingService>(*events_, *content->onboarding);
        signoff_ = std::make_unique<trainer::onboarding::SignoffService>(*events_, *content->onboarding, *auth_);
        try { // recent hires get their tracks (idempotent; again at each sign-in)
            trainer::onboarding::auto_assign_recent_hires(*events_, *content->onboarding);
        } catch (const std::exception& e) {
            std::cerr << "kiosk: onboarding not assigned: " << e.what() << "\n";
        }
    }
    sync_change_and_quality();
}

std::string App::refusal(const std::exception& e) const { return kiosk::refusal(ui(), e); }

void App::after_login() {
    sync_features();
    if (!session_) return;
    if (features_content_ && features_content_->onboarding) {
        try {
            trainer::onboarding::auto_assign_recent_hires(*events_, *features_content_->onboarding, session_->person.id);
        } catch (const std::exception& e) {
            std::cerr << "kiosk: onboarding not assigned: " << e.what() << "\n";
        }
    }
    offer_checkin();
}

std::optional<OnboardingFlow::Env> App::onboarding_env(const UiContext& ui) {
    sync_features();
    if (!session_) return std::nullopt;
    return OnboardingFlow::Env{onboarding_.get(), session_->actor, session_->person.id, ui, stack_};
}

bool App::apply_onboarding(const Intent& intent) {
    if (const auto* o = std::get_if<OpenSignoff>(&intent)) { // the lead's side of a sign-off
        if (!session_ || !signoff_) return session_.has_value();
        try {
            for (auto& r : signoff_->queue(session_->actor, locale_))
                if (r.person_id == o->person_id && r.module_id == o->module_id) {
                    signoff_screen_.open(std::move(r));
                    stack_.push_back(ScreenId::Signoff);
                }
        } catch (const std::exception& e) {
            notice_ = refusal(e);
        }
        return true;
    }
    const UiContext ui = this->ui();
    auto env = onboarding_env(ui);
    return env && onboarding_flow_.apply(intent, *env);
}

// --- signing with the lead's own PIN ----------------------------------------------------------

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
    const auto& r = signoff_screen_.request;
    const bool passed = trainer::onboarding::signoff_passed(signoff_screen_.shown.size(), r.steps.size(), r.pass_mark);
    return ui.tr("sign.what_signoff", {{"person", r.display_name},
                                       {"module", r.module_title},
                                       {"shown", std::to_string(signoff_screen_.shown.size())},
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
        in.person = signoff_screen_.request.person_id;
        in.module = signoff_screen_.request.module_id;
        in.steps_shown.assign(signoff_screen_.shown.begin(), signoff_screen_.shown.end());
        in.note = signoff_screen_.note;
        const auto res = signoff_->sign_checked(session_->actor, in, sign_attempt_, check);
        notice_ = ui.tr(res.completion.passed ? "sign.done_passed" : "sign.done_failed",
                        {{"name", signoff_screen_.request.display_name}});
        if (!res.coached_cards.empty()) {
            notice_ += ' ';
            notice_ += ui.count("sign.coached", static_cast<long long>(res.coached_cards.size()));
        }
        // Back past the PIN pad and the form to where the lead came from.
        while (stack_.size() > 1 && (stack_.back() == ScreenId::Sign || stack_.back() == ScreenId::Signoff)) stack_.pop_back();
        refresh_dashboard();
    } catch (const trainer::identity::AccessDenied& e) {
        sign_pad_.wipe_pin();
        sign_pad_.message = check.matched ? refusal(e) : ui.tr("sign.rejected");
    } catch (const std::exception& e) {
        sign_pad_.wipe_pin();
        sign_pad_.message = refusal(e);
    }
}

} // namespace kiosk

namespace kiosk {

Intent App::draw_onboarding(const UiContext& ui, ScreenId top, const trainer::content::ContentSet& set) {
    auto env = onboarding_env(ui);
    if (!env) return NoIntent{};
    if (!pictures_) {
        pictures_ = std::make_unique<ImageCache>(options_.content.parent_path()); // "assets/..." paths
        onboarding_flow_.set_pictures([this](const std::string& path) { return pictures_->get(path); });
    }
    return onboarding_flow_.draw(top, *env, set);
}

} // namespace kiosk
