#pragma once
// One standard as a flashcard: the situation on the front; on the back the standard, why it
// matters, suggested phrasings and what to avoid. Flip by click/touch or Space; arrows move.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/cards/browse.hpp"

#include <string>

namespace kiosk {

struct CardScreen {
    std::string deck_id;
    int index = 0;
    bool flipped = false;

    bool compact = false; // desk mode: the standard only, no header or footer buttons

    Intent draw(const UiContext& ui, const trainer::cards::CardFace& card);
};

} // namespace kiosk
