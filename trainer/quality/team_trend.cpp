#include "trainer/quality/team_trend.hpp"

#include "trainer/quality/period.hpp"
#include "trainer/quality/records.hpp"

#include <set>

namespace trainer::quality {

std::vector<MonthlyQa> team_qa_by_month(store::Database& db, const identity::Actor& actor,
                                        const std::vector<std::string>& people, std::string_view today, int months) {
    std::vector<MonthlyQa> out;
    const auto current = period_of(today, PeriodKind::Month);
    if (!current || months <= 0) return out;
    std::set<std::string> members;
    for (const auto& p : people)
        if (identity::can_view_person(actor, p)) members.insert(p);
    std::vector<Period> periods{*current};
    while (static_cast<int>(periods.size()) < months) periods.push_back(previous(periods.back()));
    for (auto it = periods.rbegin(); it != periods.rend(); ++it) {
        MonthlyQa m{it->label, 0, std::nullopt};
        double sum = 0;
        if (!members.empty())
            for (const auto& e : list_evaluations(db, {std::nullopt, it->from_date, it->until_date}))
                if (members.count(e.person_id) && e.score.scored) sum += e.score.percent, ++m.evaluations;
        if (m.evaluations) m.mean = sum / m.evaluations;
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace trainer::quality
