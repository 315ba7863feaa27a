#pragma once
// Mastery of many people at once (the motivation index of several agents): ReviewService::
// mastery_summary()'s figure for each person, from one read of their schedules (schedule_scan.hpp)
// instead of one service call per person. Same rule (review_service.hpp): a card of the content,
// scheduled in its current version, with a successful review and retrievability >= 0.9 now.
#include "trainer/cards/review_config.hpp"
#include "trainer/cards/review_service.hpp"

#include <map>
#include <string>
#include <vector>

namespace trainer::cards {

// Each person the actor may see who is an active person of the database, by id. Anyone else
// (unknown, deactivated, not visible) is left out: ReviewService::mastery_summary() gives the
// reason for them.
std::map<std::string, MasterySummary> mastery_summaries(store::Database& db, const content::ContentSet& content,
                                                        const ReviewConfig& config, const identity::Actor& actor,
                                                        const std::vector<std::string>& people, TimeMs now);

} // namespace trainer::cards
