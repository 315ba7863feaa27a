#include "trainer/quality/rubric_score.hpp"

namespace trainer::quality {

Score score_rubric(const std::vector<RubricAnswer>& answers, double critical_fail_below) {
    Score s;
    for (const RubricAnswer& a : answers) {
        if (a.na) continue;
        s.earned += a.weight * a.fraction();
        s.possible += a.weight;
        if (a.critical && a.fraction() < critical_fail_below) s.critical_failed = true;
    }
    s.scored = s.possible > 0 || s.critical_failed;
    if (!s.critical_failed && s.possible > 0) s.percent = round2(100.0 * s.earned / s.possible);
    s.earned = round2(s.earned);
    s.possible = round2(s.possible);
    return s;
}

} // namespace trainer::quality
