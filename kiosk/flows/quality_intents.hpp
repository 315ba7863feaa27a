#pragma once
// The quality flow's intents (kiosk/flows/quality_flow.hpp, DESIGN §4.5).
#include <string>
#include <variant>

namespace kiosk {

struct ShowScores {
    std::string person_id; // empty: my own
};
struct StartEvaluation {
    std::string person_id;
};

using QualityIntent = std::variant<ShowScores, StartEvaluation>;

} // namespace kiosk
