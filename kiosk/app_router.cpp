// The router: the screen on top of the stack is drawn by the flow the registry names for it
// (kiosk/screen_id.hpp); an intent goes to the flow that owns it (kiosk/intent.hpp); the screen on
// top reads its figures again when it comes back on top. Search results cover any screen but
// sign-in while the field has text.
#include "kiosk/app_state.hpp"
#include "kiosk/resume_rule.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace kiosk {

namespace {
template <class... F> struct overloaded : F... {
    using F::operator()...;
};
template <class... F> overloaded(F...) -> overloaded<F...>;
} // namespace

LookupFlow::Env App::lookup_env(const UiContext& ui, const trainer::content::ContentSet& set) {
    sync_reviews(); // lookups are recorded through the review service
    LookupFlow::Env env{set, options_.content, ui, stack_, options_.desk};
    if (session() && reviews_) {
        env.reviews = reviews_.get();
        env.person_id = session()->person.id;
    }
    env.events = events_.get();
    return env;
}

Intent App::draw_screen(const UiContext& ui, const trainer::content::ContentSet& set) {
    const ScreenId top = stack_.back();
    if (lookup_flow_.searching() && top != ScreenId::Login) {
        auto env = lookup_env(ui, set);
        return lookup_flow_.draw_results(env);
    }
    switch (screen_info(top).flow) {
    case FlowId::SignIn: {
        auto env = sign_in_env(ui);
        return sign_in_flow_.draw(env);
    }
    case FlowId::Lookup: {
        auto env = lookup_env(ui, set);
        return lookup_flow_.draw(top, env);
    }
    case FlowId::Home:
        if (auto env = home_env(ui)) return home_flow_.draw(top, *env);
        break;
    case FlowId::Review:
        if (auto env = review_env(ui)) return review_flow_.draw(top, *env);
        break;
    case FlowId::Onboarding:
        if (auto env = onboarding_env(ui)) {
            if (!pictures_) {
                pictures_ = std::make_unique<ImageCache>(options_.content.parent_path()); // "assets/..." paths
                onboarding_flow_.set_pictures([this](const std::string& path) { return pictures_->get(path); });
            }
            return onboarding_flow_.draw(top, *env, set);
        }
        break;
    case FlowId::Lead:
        if (auto env = lead_env(ui)) return lead_flow_.draw(top, *env);
        break;
    case FlowId::Quality:
        if (auto env = quality_env(ui)) return quality_flow_.draw(top, *env);
        break;
    case FlowId::Signature:
        if (auto env = signature_env(ui)) return signature_flow_.draw(top, *env);
        break;
    }
    return NoIntent{};
}

bool App::apply_on_top(const ScreenIntent& intent) {
    const UiContext ui = this->ui();
    switch (screen_info(stack_.back()).flow) {
    case FlowId::SignIn: {
        auto env = sign_in_env(ui);
        return sign_in_flow_.apply(intent, env);
    }
    case FlowId::Lookup: {
        auto env = lookup_env(ui, content());
        return lookup_flow_.apply(intent, env);
    }
    case FlowId::Review:
        if (auto env = review_env(ui)) return review_flow_.apply(intent, *env);
        return false;
    case FlowId::Signature:
        if (auto env = signature_env(ui)) return signature_flow_.apply(intent, *env);
        return false;
    default: return false; // the other flows' screens send no screen intent but Back
    }
}

void App::apply(const Intent& intent) {
    if (is_none(intent)) return;
    static const bool trace = std::getenv("KIOSK_TRACE") != nullptr; // debugging scripted input
    if (trace)
        std::cerr << "kiosk: frame " << (ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : -1) << " intent #"
                  << intent.index() << "\n";
    redraw_ = true;
    notice_.clear();
    const std::vector<ScreenId> before = stack_;
    const UiContext ui = this->ui();
    FlowId acted = screen_info(stack_.back()).flow; // whose job the intent was
    std::visit(
        overloaded{
            [](const NoIntent&) {},
            [&](const SetLanguage& i) {
                locale_ = i.locale;
                relocalise();
            },
            [&](const Logout& i) { end_session(i.reason); },
            [&](const GoHome&) { stack_.assign(1, session() ? ScreenId::Home : ScreenId::Decks); },
            [&](const StillHere&) {
                if (session()) session()->last_input_ms = clock_.now_ms();
            },
            [&](const ScreenIntent& i) {
                // Back that no flow takes pops the stack.
                if (!apply_on_top(i) && std::holds_alternative<Back>(i) && stack_.size() > 1) stack_.pop_back();
            },
            [&](const SignInIntent& i) {
                acted = FlowId::SignIn;
                if (std::holds_alternative<BadgeScanned>(i)) {
                    // A new badge means a new person at the kiosk; what the scan typed is no query.
                    if (session() && !sign_in_flow_.busy()) end_session("badge");
                    lookup_flow_.set_query({});
                }
                auto env = sign_in_env(ui);
                sign_in_flow_.apply(i, env);
            },
            [&](const LookupIntent& i) {
                acted = FlowId::Lookup;
                auto env = lookup_env(ui, content());
                lookup_flow_.apply(i, env);
            },
            [&](const HomeIntent& i) {
                acted = FlowId::Home;
                if (auto env = home_env(ui)) home_flow_.apply(i, *env);
            },
            [&](const ReviewIntent& i) {
                acted = FlowId::Review;
                if (std::holds_alternative<StartReview>(i)) sync_reviews();
                if (auto env = review_env(ui)) review_flow_.apply(i, *env);
            },
            [&](const OnboardingIntent& i) {
                acted = FlowId::Onboarding;
                if (auto env = onboarding_env(ui)) onboarding_flow_.apply(i, *env);
            },
            [&](const LeadIntent& i) {
                acted = FlowId::Lead;
                if (auto env = lead_env(ui)) lead_flow_.apply(i, *env);
            },
            [&](const QualityIntent& i) {
                acted = FlowId::Quality;
                if (auto env = quality_env(ui)) quality_flow_.apply(i, *env);
            },
            [&](const SignatureIntent& i) {
                acted = FlowId::Signature;
                if (auto env = signature_env(ui)) signature_flow_.apply(i, *env);
            },
        },
        intent);
    resume_if_due(before, acted);
}

void App::resume_if_due(const std::vector<ScreenId>& before, FlowId acted) {
    if (resumes(before, stack_, acted)) resume(stack_.back()); // kiosk/resume_rule.hpp
}

void App::resume(ScreenId screen) {
    const UiContext ui = this->ui();
    switch (screen_info(screen).flow) {
    case FlowId::Home:
        if (auto env = home_env(ui)) home_flow_.on_resume(screen, *env);
        break;
    case FlowId::Onboarding:
        if (auto env = onboarding_env(ui)) onboarding_flow_.on_resume(screen, *env);
        break;
    case FlowId::Lead:
        if (auto env = lead_env(ui)) lead_flow_.on_resume(screen, *env);
        break;
    default: break; // the other flows' screens show nothing another job changes
    }
}

} // namespace kiosk
