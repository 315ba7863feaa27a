#pragma once
// A team's QA score by month (DESIGN §4.5, §4.6), as the lead's dashboard charts it: in each of
// the last few calendar months, the mean of the members' own scores (quality/qa_figures.hpp).
#include "trainer/identity/access.hpp"
#include "trainer/store/database.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::quality {

struct MonthlyQa {
    std::string period; // "2026-11"
    int evaluations = 0; // scored evaluations in the month
    std::optional<double> mean; // their mean score in %; nullopt when there were none
};

// The `months` calendar months up to and including the one holding `today` (YYYY-MM-DD), oldest
// first. Only evaluations of `people` the actor may view count (identity::can_view_person), so a
// lead never sees a figure from outside their team. Unscored evaluations (all N/A) do not count.
// Empty for a malformed `today`.
std::vector<MonthlyQa> team_qa_by_month(store::Database& db, const identity::Actor& actor,
                                        const std::vector<std::string>& people, std::string_view today,
                                        int months = 6);

} // namespace trainer::quality
