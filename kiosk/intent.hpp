#pragma once
// What a screen asks the app to do. Screens never change trainer state themselves.
#include <string>
#include <variant>

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

using Intent = std::variant<NoIntent, Back, OpenDeck, OpenCard, ClearSearch, FlipCard, NextCard, PrevCard, SetLanguage,
                            StartLogin, PickPerson, BadgeScanned, SubmitPin, Logout, StillHere,
                            StartReview, GradeCard, GoHome, ShowDecks, ShowTeam, UnlockPerson>;

inline bool is_none(const Intent& i) { return std::holds_alternative<NoIntent>(i); }

} // namespace kiosk
