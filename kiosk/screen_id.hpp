#pragma once
// The screen registry: every screen the kiosk can show, one line each (docs/architecture.md,
// "Adding a screen"). A line names the screen's id, the stable name --dump-text reports, the flow
// that owns its view state and draws it, and whether letters typed on it start a search (README
// "Search: in the window": only where letters mean nothing else — never on sign-in, a review's
// 1-4, a module's 1-9, a survey's 1-5, a PIN pad or a form with its own text fields).
#include <cstddef>
#include <string_view>

namespace kiosk {

// The jobs the kiosk does, one flow each (kiosk/flows/).
enum class FlowId { SignIn, Lookup, Home, Review, Onboarding, Lead, Quality, Signature };

//        id             name              flow        letters go to search
#define KIOSK_SCREENS(X)                                                   \
    X(Decks,         "decks",          Lookup,     true)                  \
    X(Card,          "card",           Lookup,     true)                  \
    X(Login,         "login",          SignIn,     false)                 \
    X(Home,          "home",           Home,       true)                  \
    X(Checkin,       "checkin",        Home,       false)                 \
    X(Review,        "review",         Review,     false)                 \
    X(ReviewSummary, "review-summary", Review,     true)                  \
    X(Tracks,        "tracks",         Onboarding, true)                  \
    X(Module,        "module",         Onboarding, false)                 \
    X(Team,          "team",           Lead,       true)                  \
    X(Dashboard,     "dashboard",      Lead,       true)                  \
    X(Person,        "person",         Lead,       true)                  \
    X(Maturity,      "maturity",       Lead,       false)                 \
    X(Signoff,       "signoff",        Lead,       false)                 \
    X(Sign,          "sign",           Signature,  false)                 \
    X(Evaluation,    "evaluation",     Quality,    false)                 \
    X(Scores,        "scores",         Quality,    true)

enum class ScreenId {
#define KIOSK_SCREEN_ENUM(id, name, flow, typing) id,
    KIOSK_SCREENS(KIOSK_SCREEN_ENUM)
#undef KIOSK_SCREEN_ENUM
};

// What the registry says about one screen.
struct ScreenInfo {
    std::string_view name;
    FlowId flow;
    bool letters_go_to_search;
};

inline constexpr ScreenInfo kScreens[] = {
#define KIOSK_SCREEN_INFO(id, name, flow, typing) ScreenInfo{name, FlowId::flow, typing},
    KIOSK_SCREENS(KIOSK_SCREEN_INFO)
#undef KIOSK_SCREEN_INFO
};

// The registry's line for `id`.
constexpr const ScreenInfo& screen_info(ScreenId id) { return kScreens[static_cast<std::size_t>(id)]; }

} // namespace kiosk
