#include "trainer/quality/qa_figures.hpp"

#include <algorithm>
#include <map>

namespace trainer::quality {

PeriodQuality person_quality(const std::vector<Evaluation>& evaluations, const std::string& person_id, const Period& p) {
    PeriodQuality out;
    out.period = p.label;
    double sum = 0;
    for (const auto& e : evaluations)
        if (e.person_id == person_id && e.score.scored && e.date >= p.from_date && e.date < p.until_date)
            sum += e.score.percent, ++out.evaluations;
    if (out.evaluations) {
        out.percent = sum / out.evaluations;
        out.people = 1;
    }
    return out;
}

PeriodQuality team_quality(store::Database& db, const std::vector<std::string>& members, const Period& p) {
    const auto evaluations = list_evaluations(db, {std::nullopt, p.from_date, p.until_date});
    PeriodQuality out;
    out.period = p.label;
    double sum = 0;
    for (const auto& person : members) {
        const PeriodQuality q = person_quality(evaluations, person, p);
        if (!q.percent) continue;
        sum += *q.percent;
        out.evaluations += q.evaluations;
        ++out.people;
    }
    if (out.people) out.percent = sum / out.people;
    return out;
}

std::vector<PeriodQuality> team_quality_trend(store::Database& db, const std::vector<std::string>& members,
                                              const Period& p, int count) {
    std::vector<PeriodQuality> out;
    Period at = p;
    for (int i = 0; i < std::max(count, 1); ++i) {
        out.push_back(team_quality(db, members, at));
        at = previous(at);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace trainer::quality
