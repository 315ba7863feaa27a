#include "trainer/quality/survey_figures.hpp"

#include "trainer/quality/scoring.hpp"

namespace trainer::quality {

SurveyFigures survey_figures(const std::vector<SurveyAnswer>& answers) {
    SurveyFigures f;
    int satisfied = 0, promoters = 0, detractors = 0, ces_sum = 0;
    for (const auto& a : answers) {
        ++f.answers;
        if (a.csat) {
            ++f.csat_answers;
            if (*a.csat >= 4) ++satisfied;
        }
        if (a.nps) {
            ++f.nps_answers;
            if (*a.nps >= 9) ++promoters;
            if (*a.nps <= 6) ++detractors;
        }
        if (a.ces) {
            ++f.ces_answers;
            ces_sum += *a.ces;
        }
    }
    if (f.csat_answers) f.csat_percent = round2(100.0 * satisfied / f.csat_answers);
    if (f.nps_answers) f.nps = round2(100.0 * (promoters - detractors) / f.nps_answers);
    if (f.ces_answers) f.ces_mean = round2(static_cast<double>(ces_sum) / f.ces_answers);
    return f;
}

double nps_to_percent(double nps) { return round2((nps + 100.0) / 2.0); }
double ces_to_percent(double ces_mean) { return round2((ces_mean - 1.0) / 6.0 * 100.0); }

} // namespace trainer::quality
