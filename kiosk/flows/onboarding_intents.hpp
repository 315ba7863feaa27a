#pragma once
// The onboarding flow's intents (kiosk/flows/onboarding_flow.hpp, DESIGN §4.3).
#include <string>
#include <variant>
#include <vector>

namespace kiosk {

struct ShowTracks {};
struct OpenModule {
    std::string module_id;
};
struct TurnPage {
    int page = 0; // the page now shown (recorded, for resume)
};
struct StartQuiz {};
struct AnswerQuestion {
    std::string question_id;
    std::vector<std::string> chosen;
};
struct AnswerScenario {
    std::string scenario_id;
    std::string option_id;
    std::string reflection;
};
struct RequestSignoff {};

using OnboardingIntent =
    std::variant<ShowTracks, OpenModule, TurnPage, StartQuiz, AnswerQuestion, AnswerScenario, RequestSignoff>;

} // namespace kiosk
