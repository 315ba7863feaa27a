#pragma once
// The sign-in flow's intents (kiosk/flows/sign_in_flow.hpp): sign in by name or badge.
// The PIN typed on the pad is a screen intent (kiosk/intent.hpp: SubmitPin).
#include <string>
#include <variant>

namespace kiosk {

struct StartLogin {};
struct PickPerson {
    std::string person_id;
    std::string display_name;
};
struct BadgeScanned {
    std::string badge;
};

using SignInIntent = std::variant<StartLogin, PickPerson, BadgeScanned>;

} // namespace kiosk
