#pragma once
// What a screen asks the app to do. Screens never change trainer state themselves.
//
// Each flow owns its intents (kiosk/flows/*_intents.hpp, one variant per flow); the router
// (kiosk/app_router.cpp) hands a flow's intent to that flow. Three intents mean something only on
// the screen that sent them (a ScreenIntent): Back, FlipCard and SubmitPin go to the flow that owns
// the screen on top; a Back no flow takes pops the stack. The router's own intents are the ones
// every screen shares: the language, sign-out, Home, "I am still here".
#include "kiosk/flows/home_intents.hpp"
#include "kiosk/flows/lead_intents.hpp"
#include "kiosk/flows/lookup_intents.hpp"
#include "kiosk/flows/onboarding_intents.hpp"
#include "kiosk/flows/quality_intents.hpp"
#include "kiosk/flows/review_intents.hpp"
#include "kiosk/flows/sign_in_intents.hpp"
#include "kiosk/flows/signature_intents.hpp"

#include <string>
#include <type_traits>
#include <variant>

namespace kiosk {

struct NoIntent {};

// Meaning depends on the screen on top (docs/architecture.md, "Intents").
struct Back {};
struct FlipCard {}; // a card in a deck, or the card under review
struct SubmitPin {  // the sign-in pad, or the PIN pad of a signature
    std::string pin;
};
using ScreenIntent = std::variant<Back, FlipCard, SubmitPin>;

// The router's own.
struct SetLanguage {
    std::string locale;
};
struct Logout {
    std::string reason = "user"; // "user", "idle" (kiosk timeout); recorded in the audit log
};
struct GoHome {};
struct StillHere {};

using Intent = std::variant<NoIntent, SetLanguage, Logout, GoHome, StillHere, ScreenIntent, SignInIntent, LookupIntent,
                            ReviewIntent, HomeIntent, OnboardingIntent, LeadIntent, QualityIntent, SignatureIntent>;

inline bool is_none(const Intent& i) { return std::holds_alternative<NoIntent>(i); }

namespace detail {
template <class T, class V> struct is_alternative : std::false_type {};
template <class T, class... Ts>
struct is_alternative<T, std::variant<Ts...>> : std::bool_constant<(std::is_same_v<T, Ts> || ...)> {};
template <class V> struct is_variant : std::false_type {};
template <class... Ts> struct is_variant<std::variant<Ts...>> : std::true_type {};
} // namespace detail

// The intent as a `T` (one of any flow's intents, or the router's), or null.
template <class T> const T* intent_as(const Intent& i) {
    if constexpr (detail::is_alternative<T, Intent>::value) {
        return std::get_if<T>(&i);
    } else {
        return std::visit(
            [](const auto& group) -> const T* {
                using G = std::decay_t<decltype(group)>;
                if constexpr (detail::is_variant<G>::value && detail::is_alternative<T, G>::value)
                    return std::get_if<T>(&group);
                else
                    return nullptr;
            },
            i);
    }
}
template <class T> bool intent_is(const Intent& i) { return intent_as<T>(i) != nullptr; }

} // namespace kiosk
