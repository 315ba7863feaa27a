// The App's onboarding (DESIGN §4.3): the track map, a module's pages and assessment, the lead's
// skills sign-off — and signing with the lead's own PIN, which QA evaluations share.
#include "kiosk/app_state.hpp"

#include "trainer/i18n/format.hpp"
#include "trainer/onboarding/assignment.hpp"
#include "trainer/onboarding/module_resume.hpp"


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

std::string App::refusal(const std::exception& e) const {
    std::cerr << "kiosk: refused: " << e.what() << "\n";
    return ui().tr("common.refused", {{"reason", e.what()}});
}

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

void App::refresh_tracks() {
    sync_features();
    tracks_.clear();
    if (!session_ || !onboarding_) return;
    try {
        tracks_ = onboarding_->track_maps(session_->actor, session_->person.id, locale_);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: " << e.what() << "\n";
    }
}

void App::refresh_module() {
    if (!session_ || !onboarding_ || module_screen_.module_id.empty()) return;
    try {
        module_view_ = onboarding_->module_view(session_->actor, session_->person.id, module_screen_.module_id, locale_);
    } catch (const std::exception& e) {
        module_screen_.message = refusal(e);
    }
}

bool App::apply_onboarding(const Intent& intent) {
    const auto me = [this]() -> const trainer::identity::Actor& { return session_->actor; };
    const std::string& module = module_screen_.module_id;
    if (std::holds_alternative<ShowTracks>(intent)) {
        refresh_tracks();
        if (stack_.back() == ScreenId::Module) stack_.pop_back();
        if (stack_.back() != ScreenId::Tracks) stack_.push_back(ScreenId::Tracks);
        return true;
    }
    if (!session_ || !onboarding_) return false;
    try {
        if (const auto* i = std::get_if<OpenModule>(&intent)) {
            module_screen_.open(i->module_id, 0);
            refresh_module();
            module_screen_.page = trainer::onboarding::resume_page(module_view_);
            if (stack_.back() != ScreenId::Module) stack_.push_back(ScreenId::Module);
            if (trainer::onboarding::records_page_view(module_view_, module_screen_.page)) {
                onboarding_->view_page(me(), module, module_screen_.page); // the page now on screen
                refresh_module();
            }
        } else if (const auto* t = std::get_if<TurnPage>(&intent)) {
            if (t->page < static_cast<int>(module_view_.pages.size())) onboarding_->view_page(me(), module, t->page);
            refresh_module();
        } else if (std::holds_alternative<StartQuiz>(intent)) {
            onboarding_->start_quiz(me(), module, locale_);
            module_screen_.shown_question.clear();
            module_screen_.selected.clear();
            refresh_module();
        } else if (const auto* q = std::get_if<AnswerQuestion>(&intent)) {
            module_screen_.last_feedback = onboarding_->answer_question(me(), module, q->question_id, q->chosen, locale_).question;
            refresh_module();
        } else if (const auto* s = std::get_if<AnswerScenario>(&intent)) {
            onboarding_->answer_scenario(me(), module, s->scenario_id, s->option_id, s->reflection, locale_);
            refresh_module();
        } else if (std::holds_alternative<RequestSignoff>(intent)) {
            onboarding_->request_signoff(me(), module);
            refresh_module();
        } else if (const auto* o = std::get_if<OpenSignoff>(&intent)) {
            if (!signoff_) return true;
            for (auto& r : signoff_->queue(me(), locale_))
                if (r.person_id == o->person_id && r.module_id == o->module_id) {
                    signoff_screen_.open(std::move(r));
                    stack_.push_back(ScreenId::Signoff);
                }
        } else {
            return false;
        }
    } catch (const std::exception& e) {
        module_screen_.message = refusal(e);
        module_screen_.shown_question.clear();
        module_screen_.shown_scenario.clear();
        refresh_module();
    }
    return true;
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
