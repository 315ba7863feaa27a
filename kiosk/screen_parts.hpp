#pragma once
// Pieces several screens draw alike (issue 13, point 3): the header with Back, the back of a
// card (the standard, why, phrasings), and a big button that a key presses too. Drawing only:
// they return what was tapped, the screen turns that into its intent.
#include "kiosk/input.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/content/model.hpp"

#include <string>

namespace kiosk::widgets {

// "←  Back"; true when tapped.
bool back_button(const UiContext& ui, const std::string& label = {});
// Back, then `title` in the title font on the same line; true when Back was tapped.
bool header(const UiContext& ui, const std::string& title);
// Back on its own line and `title` below it, wrapping (long titles, narrow windows).
bool header_stacked(const UiContext& ui, const std::string& title);

// A button with `hint` (the key that does the same: "Enter", "1") small at its right end when the
// label leaves room; true when tapped.
bool hinted_button(const UiContext& ui, const std::string& label, const char* hint, float width, bool primary);
// A touch-sized button that `key` presses too (unless a text field has the keyboard or
// `key_enabled` is false); true when tapped or pressed.
bool key_button(const UiContext& ui, const std::string& label, input::Key key, float width, bool primary,
                bool key_enabled = true);

// A chart's label under a period's column: the short month or quarter ("gru", "дек.", "Dec"), with
// its year on a second line where the axis starts or the year changes ("gru\n2026"). Charts keep
// two small lines for it.
std::string period_axis_label(const UiContext& ui, std::string_view period, std::string_view previous);

// The back of a card: the standard, why it matters and the suggested phrasings; with
// `full`, spaced out and with what to avoid (the card screen), else compact (a review).
void card_back(const UiContext& ui, const trainer::content::CardText& text, bool full);

} // namespace kiosk::widgets
