// The router: the screen on top of the stack is drawn by the flow the registry names for it
// (kiosk/screen_id.hpp); search results cover any screen but sign-in while the field has text.
#include "kiosk/app_state.hpp"

namespace kiosk {

LookupFlow::Env App::lookup_env(const UiContext& ui, const trainer::content::ContentSet& set) {
    sync_reviews(); // lookups are recorded through the review service
    LookupFlow::Env env{set, options_.content, ui, stack_, options_.desk};
    if (session_ && reviews_) {
        env.reviews = reviews_.get();
        env.person_id = session_->person.id;
    }
    env.events = events_.get();
    return env;
}

void App::revealed(ScreenId screen) {
    if (screen == ScreenId::Home) refresh_home();
    const UiContext ui = this->ui();
    if (screen_info(screen).flow == FlowId::Onboarding)
        if (auto env = onboarding_env(ui)) onboarding_flow_.revealed(screen, *env);
}

Intent App::draw_screen(const UiContext& ui, const trainer::content::ContentSet& set) {
    const ScreenId top = stack_.back();
    if (lookup_flow_.searching() && top != ScreenId::Login) {
        auto env = lookup_env(ui, set);
        return lookup_flow_.draw_results(env);
    }
    switch (screen_info(top).flow) {
    case FlowId::Lookup: {
        auto env = lookup_env(ui, set);
        return lookup_flow_.draw(top, env);
    }
    case FlowId::Review:
        if (auto env = review_env(ui)) return review_flow_.draw(top, *env);
        return NoIntent{};
    case FlowId::Quality:
        if (auto env = quality_env(ui)) return quality_flow_.draw(top, *env);
        return NoIntent{};
    case FlowId::SignIn: return draw_sign_in(ui, top);
    case FlowId::Onboarding: return draw_onboarding(ui, top, set);
    case FlowId::Lead: return draw_lead(ui, top, set);
    }
    return NoIntent{};
}

} // namespace kiosk
