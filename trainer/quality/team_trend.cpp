#include "trainer/quality/team_trend.hpp"

#include "trainer/quality/period.hpp"
#include "trainer/quality/qa_figures.hpp"

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
    // The team's score is the mean of its members' scores (qa_figures.hpp: one definition for the
    // dashboard, the report and the motivation roll-up).
    const std::vector<std::string> visible(members.begin(), members.end());
    for (const auto& q : team_quality_trend(db, visible, *current, months))
        out.push_back({q.period, q.evaluations, visible.empty() ? std::nullopt : q.percent});
    return out;
}

} // namespace trainer::quality
