#include "trainer/app/report_quality.hpp"

#include "trainer/core/org_time_zone.hpp"
#include "trainer/quality/motivation.hpp"
#include "trainer/quality/pass_mark.hpp"
#include "trainer/quality/qa_figures.hpp"

#include <map>

namespace trainer::app {

void add_quality_section(dashboard::RolloutReport& report, store::EventStore& events, const Clock& clock,
                         const content::ContentSet& content, const identity::Actor& actor,
                         const quality::MotivationConfig& motivation) {
    if (!content.quality) return;
    const auto period = quality::period_of(org_date(clock.now_ms()), motivation.period);
    if (!period) return;
    auto& q = report.quality;
    q.available = true;
    q.period = period->label;
    q.qa_pass_mark = motivation.qa_pass_mark; // the kiosk's dashboard colours by the same mark
    std::vector<std::string> members;
    for (const auto& row : report.overview.rows) members.push_back(row.person_id);
    for (const auto& t : quality::team_quality_trend(events.db(), members, *period, 6))
        q.qa_trend.push_back({t.period, t.percent, t.evaluations, t.people,
                              t.percent && quality::meets_qa_pass_mark(*t.percent, motivation.qa_pass_mark)});
    const auto rows = quality::motivation_report(events.db(), events, clock, content, motivation, actor, *period).rows;
    std::map<std::string, const quality::MotivationRow*> by_id;
    for (const auto& r : rows) by_id[r.person_id] = &r;
    double sum = 0;
    int n = 0;
    for (const auto& row : report.overview.rows) {
        const auto it = by_id.find(row.person_id);
        if (it == by_id.end()) continue;
        const quality::MotivationRow& m = *it->second;
        q.motivation.push_back({m.person_id, row.display_name, m.quality, m.evaluations, m.index, m.eligible});
        sum += m.index, ++n;
        q.eligible += m.eligible;
    }
    if (n) q.mean_index = sum / n;
}

} // namespace trainer::app
