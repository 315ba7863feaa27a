// The App's services over the current content (rebuilt when it is reloaded), what happens at a
// sign-in (a recent hire's tracks, a due check-in), and what it lends the onboarding flow.
#include "kiosk/app_state.hpp"

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

void App::after_login() {
    sync_features();
    if (!session()) return;
    if (features_content_ && features_content_->onboarding) {
        try {
            trainer::onboarding::auto_assign_recent_hires(*events_, *features_content_->onboarding, session()->person.id);
        } catch (const std::exception& e) {
            std::cerr << "kiosk: onboarding not assigned: " << e.what() << "\n";
        }
    }
    const UiContext ui = this->ui();
    if (auto env = home_env(ui)) home_flow_.open(*env);
    else stack_.assign(1, ScreenId::Home);
}

std::optional<OnboardingFlow::Env> App::onboarding_env(const UiContext& ui) {
    sync_features();
    if (!session()) return std::nullopt;
    return OnboardingFlow::Env{onboarding_.get(), session()->actor, session()->person.id, ui, stack_};
}

} // namespace kiosk
