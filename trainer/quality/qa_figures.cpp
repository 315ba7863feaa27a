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

std::map<std::string, PeriodQuality> people_quality(store::Database& db, const Period& p,
                                                    const std::optional<std::string>& person) {
    // Summed in list_evaluations' order, so each mean is the very number person_quality() gives.
    auto st = db.prepare(std::string("SELECT person_id, score FROM qa_evaluations "
                                     "WHERE scored = 1 AND evaluated_on >= ?1 AND evaluated_on < ?2") +
                         (person ? " AND person_id = ?3" : "") + " ORDER BY evaluated_on, recorded_ms, event_id");
    st.bind_all(p.from_date, p.until_date);
    if (person) st.bind(3, *person);
    std::map<std::string, std::pair<double, int>> sums;
    while (st.step()) {
        auto& [sum, n] = sums[st.text(0)];
        sum += st.real(1);
        ++n;
    }
    std::map<std::string, PeriodQuality> out;
    for (const auto& [id, s] : sums) {
        PeriodQuality& q = out[id];
        q.period = p.label;
        q.evaluations = s.second;
        q.people = 1;
        q.percent = s.first / s.second;
    }
    return out;
}

PeriodQuality team_quality(store::Database& db, const std::vector<std::string>& members, const Period& p) {
    const auto scores = people_quality(db, p);
    PeriodQuality out;
    out.period = p.label;
    double sum = 0;
    for (const auto& person : members) {
        const auto it = scores.find(person);
        if (it == scores.end()) continue;
        const PeriodQuality& q = it->second;
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
