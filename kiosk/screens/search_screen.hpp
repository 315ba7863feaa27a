#pragma once
// Type-ahead results while the search field has text: title, stage and situation per row,
// best first. Enter opens the top hit, Esc clears, a tap opens that card.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/cards/browse.hpp"

#include <vector>

namespace kiosk {

struct SearchScreen {
    Intent draw(const UiContext& ui, const std::vector<trainer::cards::SearchRow>& rows, bool compact);
};

// The search field itself (top bar, or the top of desk mode). Returns OpenCard for Enter on a
// result list, ClearSearch for Esc. `focus` puts the cursor in it.
Intent draw_search_field(const UiContext& ui, std::string& query, float width, bool focus,
                         const std::vector<trainer::cards::SearchRow>& rows);

} // namespace kiosk
