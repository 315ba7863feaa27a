#pragma once
// A review session: the due queue one card at a time — the situation, then the standard and the
// grade buttons, each showing when the card comes back. Keys: Space turns (then means Good), 1-4
// grade. The app commits each grade durably before it shows the next card.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/cards/browse.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct ReviewView {
    trainer::cards::CardFace card;
    struct Button {
        int rating = 3;
        std::string interval; // "10 min", "3 days" (already localised)
    };
    std::vector<Button> buttons; // 4, or 2 in pass/fail mode
    int position = 0;            // 0-based within the session
    int total = 0;
    std::string badge;           // "Coaching: …" / "New" / "Refreshed standard"
    std::string save_problem;    // the last grade could not be saved yet (retrying)
    std::string save_notice;     // a grade that had to wait is saved now
};

struct ReviewSummaryView {
    int reviewed = 0;
    int again = 0;
    int new_cards = 0;
    std::string next_due; // "in 3 days" or "" when nothing is scheduled
};

struct ReviewScreen {
    bool flipped = false;

    Intent draw(const UiContext& ui, const ReviewView& view);
    Intent draw_summary(const UiContext& ui, const ReviewSummaryView& view);
};

} // namespace kiosk
