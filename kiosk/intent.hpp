#pragma once
// What a screen asks the app to do. Screens never change trainer state themselves.
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace kiosk {

struct NoIntent {};
struct Back {};
struct OpenDeck {
    std::string deck_id;
};
struct FlipCard {};
struct NextCard {};
struct PrevCard {};
struct OpenCard { // from search: the card in its deck, recorded as a lookup when signed in
    std::string card_id;
};
struct ClearSearch {};
struct SetLanguage {
    std::string locale;
};

// Identity: sign in by name or badge, then a PIN.
struct StartLogin {};
struct PickPerson {
    std::string person_id;
    std::string display_name;
};
struct BadgeScanned {
    std::string badge;
};
struct SubmitPin {
    std::string pin;
};
struct Logout {
    std::string reason = "user"; // "user", "idle" (kiosk timeout); recorded in the audit log
};
struct StartReview {};
struct GradeCard {
    int rating = 3; // 1 Again, 2 Hard, 3 Good, 4 Easy
};
struct GoHome {};
struct ShowDecks {};
struct ShowTeam {};
struct UnlockPerson {
    std::string person_id;
};
struct StillHere {};

// Onboarding (DESIGN §4.3).
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
// Lead: open a sign-off request, then sign it with the lead's own PIN.
struct OpenSignoff {
    std::string person_id;
    std::string module_id;
};
struct BeginSignature {}; // the form is complete: ask for the PIN
struct CancelSignature {};

// Change (DESIGN §4.4) and the lead dashboard (§4.6).
struct SubmitCheckin {
    std::string rollout_id;
    std::map<std::string, int> answers;
};
struct SkipCheckin {};
struct ShowDashboard {
    std::string team_id; // empty: the first team the lead may see
};
struct ShowPerson {
    std::string person_id;
};
struct AssessPhase {
    std::string person_id;
    std::string rollout_id;
    int phase = 0; // content::Phase
    std::string note;
};
struct ShowMaturity {};
struct SubmitMaturity {
    std::map<std::string, int> answers;
};

// Quality (DESIGN §4.5).
struct ShowScores {
    std::string person_id; // empty: my own
};
struct StartEvaluation {
    std::string person_id;
};

using Intent = std::variant<NoIntent, Back, OpenDeck, OpenCard, ClearSearch, FlipCard, NextCard, PrevCard, SetLanguage,
                            StartLogin, PickPerson, BadgeScanned, SubmitPin, Logout, StillHere,
                            StartReview, GradeCard, GoHome, ShowDecks, ShowTeam, UnlockPerson, ShowTracks, OpenModule,
                            TurnPage, StartQuiz, AnswerQuestion, AnswerScenario, RequestSignoff, OpenSignoff,
                            BeginSignature, CancelSignature, SubmitCheckin, SkipCheckin, ShowDashboard, ShowPerson,
                            AssessPhase, ShowMaturity, SubmitMaturity, ShowScores, StartEvaluation>;

inline bool is_none(const Intent& i) { return std::holds_alternative<NoIntent>(i); }

} // namespace kiosk
