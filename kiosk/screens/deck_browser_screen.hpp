#pragma once
// The standards decks along the customer journey, as large tiles. No login needed.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/cards/browse.hpp"

#include <vector>

namespace kiosk {

struct DeckBrowserScreen {
    Intent draw(const UiContext& ui, const std::vector<trainer::cards::DeckSummary>& decks);
};

} // namespace kiosk
