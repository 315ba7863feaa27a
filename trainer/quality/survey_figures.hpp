#pragma once
// Customer-feedback figures (DESIGN §4.5), the usual definitions:
// - CSAT: answers 1-5; % satisfied = share of 4 and 5.
// - NPS: answers 0-10; promoters 9-10, detractors 0-6; NPS = %promoters − %detractors (−100..100).
// - CES: answers 1-7, higher = easier; the mean.
// Each is nullopt when there is no answer of its kind; figures are rounded to 2 decimals.
#include "trainer/quality/records.hpp"

#include <optional>
#include <vector>

namespace trainer::quality {

struct SurveyFigures {
    int answers = 0;
    int csat_answers = 0, nps_answers = 0, ces_answers = 0;
    std::optional<double> csat_percent, nps, ces_mean;
};

SurveyFigures survey_figures(const std::vector<SurveyAnswer>& answers);

// The same figures on a 0..100 scale, for the motivation index: CSAT % as is, NPS (n+100)/2,
// CES (mean−1)/6×100.
double nps_to_percent(double nps);
double ces_to_percent(double ces_mean);

} // namespace trainer::quality
