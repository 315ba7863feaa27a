#pragma once
// Type-ahead results while the search field has text: title, stage and a snippet of where the
// query matched (matched words highlighted, cut at word boundaries) per row, best first.
// Up/Down move the selection, Enter opens it, Esc clears, a tap opens that card. With an empty
// field, the last few lookups are one tap away.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/cards/browse.hpp"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct SearchScreen {
    static constexpr std::size_t kRecent = 5;
    int selected = 0;                // the row Enter opens
    std::string typed_ahead;         // letters typed while no text field had the keyboard
    std::vector<std::string> recent; // card ids of the last lookups, newest first
    bool recent_open = false;        // the main window's drop-down was drawn last frame, here:
    ImVec2 recent_min, recent_max;

    void remember(const std::string& card_id);
    // The pointer is on last frame's drop-down (a tap on it is landing: keep it drawn).
    bool recent_under_finger() const;
    Intent draw(const UiContext& ui, const std::vector<trainer::cards::SearchRow>& rows, bool compact);
    // The recent lookups as buttons (titles in `locale`); nothing when there are none.
    Intent draw_recent(const UiContext& ui, const trainer::content::ContentSet& set, std::string_view locale);
    // The same list dropped down under the main window's search field, `selected` lit.
    Intent draw_recent_dropdown(const UiContext& ui, const trainer::content::ContentSet& set, ImVec2 at, float width,
                                float top);
};

// The search field itself (top bar, or the top of desk mode). Returns OpenCard for Enter on a
// result list (the selected row), ClearSearch for Esc. `focus` puts the cursor in it.
// `take_typing`: the screen below gives letters no meaning of its own (the rule is in
// app_chrome.cpp, README "Search: in the window"), so a letter typed while no text field has
// the keyboard starts a search with that letter. `recent_from` (the main window; desk mode
// lists them in its column): an empty field with the keyboard drops down the last lookups,
// Up/Down choose, Enter or a tap opens, Esc closes the list.
Intent draw_search_field(const UiContext& ui, SearchScreen& screen, std::string& query, float width,
                         bool focus, bool take_typing, const std::vector<trainer::cards::SearchRow>& rows,
                         const trainer::content::ContentSet* recent_from = nullptr);

} // namespace kiosk
