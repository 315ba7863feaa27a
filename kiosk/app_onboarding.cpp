// The App's services over the current content (rebuilt when it is reloaded), what happens at a
// sign-in (a recent hire's tracks, a due check-in), and what it lends the onboarding flow.
#include "kiosk/app_state.hpp"
#include "kiosk/flows/refusal.hpp"

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
    const UiContext ui = this->ui();
    auto env = onboarding_env(ui);
    return env && onboarding_flow_.apply(intent, *env);
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
