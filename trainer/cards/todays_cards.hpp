#pragma once
// What a person's review queue holds now, counted one way for the home screen, the lead's team
// table and the reports (docs/figures.md "Reviews due" and "New today"):
// - reviews due: learned cards (a schedule of the current version) whose review time has come or
//   that the coaching loop brought forward;
// - new today: cards never learned, or refreshed by a new version, offered within today's
//   new-card limit (the organisation's day), including coaching cards not yet learned.
#include "trainer/cards/review_service.hpp"

#include <vector>

namespace trainer::cards {

struct TodaysCards {
    int reviews_due = 0;
    int coaching = 0;   // of reviews_due and new_today: brought forward by QA or a sign-off
    int new_today = 0;
    int waiting() const { return reviews_due + new_today; }
};

// Counts a due_queue() result (taken without a limit).
TodaysCards todays_cards(const std::vector<QueueItem>& queue);

} // namespace trainer::cards
