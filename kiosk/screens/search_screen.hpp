#pragma once
// Type-ahead results while the search field has text: title, stage and a snippet of where the
// query matched (matched words highlighted, cut at word boundaries) per row, best first.
// Up/Down move the selection, Enter opens it, Esc clears, a tap opens that card. With an empty
// field, the last few lookups are one tap away.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/cards/browse.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct SearchScreen {
    static constexpr std::size_t kRecent = 5;
    int selected = 0;                // the row Enter opens
    std::string typed_ahead;         // letters typed while no text field had the keyboard
    std::vector<std::string> recent; // card ids of the last lookups, newest first

    void remember(const std::string& card_id);
    Intent draw(const UiContext& ui, const std::vector<trainer::cards::SearchRow>& rows, bool compact);
    // The recent lookups as buttons (titles in `locale`); nothing when there are none.
    Intent draw_recent(const UiContext& ui, const trainer::content::ContentSet& set, std::string_view locale);
};

// The search field itself (top bar, or the top of desk mode). Returns OpenCard for Enter on a
// result list (the selected row), ClearSearch for Esc. `focus` puts the cursor in it.
// `take_typing`: the screen below gives letters no meaning of its own (the rule is in
// app_chrome.cpp, README "Search: in the window"), so a letter typed while no text field has
// the keyboard starts a search with that letter.
Intent draw_search_field(const UiContext& ui, SearchScreen& screen, std::string& query, float width,
                         bool focus, bool take_typing, const std::vector<trainer::cards::SearchRow>& rows);

} // namespace kiosk
