#pragma once
// The one scoring rule of a QA evaluation (DESIGN §4.5), used by the kiosk, the importer, the
// lists, the motivation index and the xAPI export alike:
//
//   score % = 100 × Σ weight(met) / Σ weight(met or not met)
//
// - N/A criteria leave both sums (the denominator shrinks), so an agent is not punished for a
//   step the contact did not need.
// - Any critical criterion not met makes the whole evaluation 0 %, whatever the rest.
// - When every criterion is N/A there is nothing to score: `scored` is false and the percent 0;
//   such an evaluation is stored but counts in no average.
// - The percent is rounded to 2 decimals once, here, so every screen and export shows the same.
#include "trainer/content/quality_model.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::quality {

enum class Outcome { Met, NotMet, NotApplicable };
const char* outcome_name(Outcome o); // "met", "not_met", "na"
std::optional<Outcome> parse_outcome(std::string_view s);

struct CriterionInput {
    double weight = 1;
    bool critical = false;
    Outcome outcome = Outcome::Met;
};

struct Score {
    double percent = 0;        // 0..100, rounded to 2 decimals
    double earned = 0;         // Σ weight of met criteria
    double possible = 0;       // Σ weight of met and not-met criteria
    bool critical_failed = false;
    bool scored = false;       // false when every criterion was N/A
};

// The rule above on plain inputs (what the table tests exercise).
Score score(const std::vector<CriterionInput>& criteria);

// The rule applied to a scorecard: outcomes by criterion id; every criterion of the scorecard
// must have an outcome (a missing one is a caller bug: std::invalid_argument naming it).
Score score(const content::Scorecard& card, const std::map<std::string, Outcome>& outcomes);

// 2-decimal rounding used for every percentage this module shows.
double round2(double v);

} // namespace trainer::quality
