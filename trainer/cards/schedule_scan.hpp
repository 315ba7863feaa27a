#pragma once
// One read of many people's schedules, for the figures that cover a whole team (the lead
// dashboard's table and heatmap, the motivation index of a team): each schedule is read once and
// the mastery rule of ReviewService::mastery_summary (review_service.hpp: a successful review of
// the card's current version and retrievability >= 0.9 now) is computed once for it, whatever
// figures use it. The caller has checked that the actor may see these people.
#include "trainer/cards/review_config.hpp"
#include "trainer/content/model.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/store/database.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace trainer::cards {

struct ScheduleFacts {
    std::size_t person = 0; // index into the call's `people`
    std::size_t card = 0;   // index into content.cards
    bool mastered = false;  // a successful review of this version and retrievability >= 0.9 now
    bool due = false;       // its due time has come (coaching items not counted: coaching_queue)
};

// Calls `fn` for each schedule of `people` (in that order) that is under review (not New), of a
// card the content has, in the card's current version (content/adoption.hpp). Schedules of an
// older version, of a card the content no longer has and of unknown people are not reported.
void scan_schedules(store::Database& db, const content::ContentSet& content, const ReviewConfig& config,
                    const std::vector<std::string>& people, TimeMs now,
                    const std::function<void(const ScheduleFacts&)>& fn);

} // namespace trainer::cards
