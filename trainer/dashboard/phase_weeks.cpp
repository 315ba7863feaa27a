// Phase distribution per ISO week (stacked bars): each agent's latest phase record (check-in or
// lead assessment) as of the end of each week, carried forward until the next record.
#include "trainer/change/maturity.hpp"
#include "trainer/change/rollouts.hpp"
#include "trainer/core/time.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/dashboard/dashboard.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace trainer::dashboard {

std::int64_t monday_of(std::int64_t day) {
    const std::int64_t weekday = ((day + 3) % 7 + 7) % 7; // 1970-01-01 was a Thursday; Monday = 0
    return day - weekday;
}

std::string iso_week_of(std::int64_t day) {
    const std::int64_t thursday = monday_of(day) + 3; // the ISO year is the year of the week's Thursday
    const int year = civil_from_days(thursday).year;
    const std::int64_t week = (thursday - days_from_civil({year, 1, 1})) / 7 + 1;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", year, static_cast<int>(week));
    return buf;
}

PhaseDistribution DashboardService::phase_distribution(const identity::Actor& actor, const std::string& team,
                                                       const std::string& rollout, const DayRange& range) {
    if (range.since_day && range.until_day && *range.until_day < *range.since_day)
        throw DashboardError("the date range is backwards: --until is before --since");
    const Scope s = scope(actor, team, rollout);
    PhaseDistribution d;
    if (!s.rollout) return d;
    std::int64_t first = change::start_day(*s.rollout);
    std::int64_t last = std::min(change::target_day(*s.rollout), org_day(s.now));
    if (range.since_day) first = std::max(first, *range.since_day);
    if (range.until_day) last = std::min(last, *range.until_day);
    if (last < first) return d;

    std::unordered_map<std::string, std::size_t> index;
    for (const auto& m : s.members) index.emplace(m.id, index.size());
    std::vector<int> phase_of(s.members.size(), -1);
    auto st = db_.prepare("SELECT l.person_id, l.phase, l.at_ms FROM change_phase_log l "
                          "JOIN team_members m ON m.person_id = l.person_id AND m.team_id = ?1 "
                          "WHERE l.rollout_id = ?2 ORDER BY l.at_ms, l.rowid");
    st.bind_all(s.team_id, s.rollout->id);
    bool pending = st.step();
    const OrgTimeZone zone = organisation_zone();
    for (std::int64_t monday = monday_of(first); monday <= last; monday += 7) {
        // The week ends at Sunday 24:00 organisation time, or earlier at the last day of the range.
        const TimeMs end = zone.day_start_ms(std::min(monday + 7, last + 1));
        while (pending && st.int64(2) < end) {
            if (auto it = index.find(st.text(0)); it != index.end())
                phase_of[it->second] = static_cast<int>(content::phase_from_id(st.text(1)).value_or(Phase::Exploration));
            pending = st.step();
        }
        PhaseWeek w;
        w.iso_week = iso_week_of(monday);
        w.monday_ms = monday * kMsPerDay;
        for (int p : phase_of) {
            if (p < 0) ++w.no_phase;
            else ++w.counts[static_cast<std::size_t>(p)];
        }
        d.weeks.push_back(std::move(w));
    }
    return d;
}

std::vector<MaturityPoint> DashboardService::maturity_trend(const identity::Actor& actor, const std::string& team,
                                                            const DayRange& range) {
    if (range.since_day && range.until_day && *range.until_day < *range.since_day)
        throw DashboardError("the date range is backwards: --until is before --since");
    const Scope s = scope(actor, team, "");
    std::vector<MaturityPoint> out;
    for (const auto& m : change::maturity_trend(db_, actor, s.team_id)) {
        const std::int64_t day = utc_day(parse_date(m.date).value_or(0));
        if ((range.since_day && day < *range.since_day) || (range.until_day && day > *range.until_day)) continue;
        out.push_back({m.date, m.total, m.band});
    }
    return out;
}

} // namespace trainer::dashboard
