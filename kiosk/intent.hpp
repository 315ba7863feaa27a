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
struct SetLanguage {
    std::string locale;
};

using Intent = std::variant<NoIntent, Back, OpenDeck, FlipCard, NextCard, PrevCard, SetLanguage>;

inline bool is_none(const Intent& i) { return std::holds_alternative<NoIntent>(i); }

} // namespace kiosk
