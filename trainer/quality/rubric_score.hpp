#pragma once
// A QA tool's own rubric, scored the way the tools document it (docs/quality-import.md):
//
//   score % = 100 × Σ weight × (raw − min)/(max − min) / Σ weight     over questions that are not N/A
//
// - partial credit: a question scored 3 of 0-4 earns 0.75 of its weight (min is 0 unless the
//   file or mapping gives the scale's lowest rating);
// - a critical question failed (raw / max below the mapping's `critical_fail_below`, by default
//   anything short of full marks) makes the evaluation 0 %, whatever its weight — tools give
//   pass/fail items weight 0 so that they act only through this rule;
// - N/A questions leave both sums; with nothing weighted left the evaluation is not scored.
#include "trainer/quality/scoring.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace trainer::quality {

struct RubricAnswer {
    std::size_t row = 0; // CSV row, for messages
    std::string question;
    double raw = 0, min = 0, max = 1; // a 1-5 scale gives 1 no credit and 3 half

    double weight = 1;
    bool na = false;
    bool critical = false;
    double fraction() const { return max > min ? (raw - min) / (max - min) : 0; }
};

Score score_rubric(const std::vector<RubricAnswer>& answers, double critical_fail_below);

} // namespace trainer::quality
