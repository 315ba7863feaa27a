#pragma once
// The QA figures, one definition each (docs/figures.md "QA score"), shared by the team table, the
// person screen, the Quality tab, the agent's own scores, the motivation index and the reports:
// - a person's QA score for a period = the mean of their scored evaluations dated in the period
//   (organisation days); no evaluation: no score ("—"), never 0;
// - the team's QA score for a period = the mean of its members' period scores, over the members
//   who have one (each person weighs the same, however many calls were evaluated);
// - the latest evaluation is a different figure and is always shown with its date.
#include "trainer/quality/period.hpp"
#include "trainer/quality/records.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trainer::store {
class Database;
}

namespace trainer::quality {

struct PeriodQuality {
    std::string period;            // "2026-12"
    int evaluations = 0;           // scored evaluations counted
    int people = 0;                // people with a score (1 or 0 for a person)
    std::optional<double> percent; // 0..100, nullopt without evaluations
};

// A person's score from their evaluations (any order; others' and unscored ones are skipped).
PeriodQuality person_quality(const std::vector<Evaluation>& evaluations, const std::string& person_id, const Period& p);
// Every person's score for the period (or only `person`'s), read from the evaluations table in one
// query with no event payload parsed: person_quality()'s figure for each person who has one.
std::map<std::string, PeriodQuality> people_quality(store::Database& db, const Period& p,
                                                    const std::optional<std::string>& person = std::nullopt);
// The team's score: the mean of the members' scores.
PeriodQuality team_quality(store::Database& db, const std::vector<std::string>& members, const Period& p);
// The team's score for `count` periods of `p`'s kind ending with `p`, oldest first.
std::vector<PeriodQuality> team_quality_trend(store::Database& db, const std::vector<std::string>& members,
                                              const Period& p, int count);

} // namespace trainer::quality
