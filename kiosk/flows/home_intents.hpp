#pragma once
// The home flow's intents (kiosk/flows/home_flow.hpp): the change check-in (DESIGN §4.4) offered
// after a sign-in.
#include <map>
#include <string>
#include <variant>

namespace kiosk {

struct SubmitCheckin {
    std::string rollout_id;
    std::map<std::string, int> answers;
};
struct SkipCheckin {};

using HomeIntent = std::variant<SubmitCheckin, SkipCheckin>;

} // namespace kiosk
