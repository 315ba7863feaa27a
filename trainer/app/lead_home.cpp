#include "trainer/app/lead_home.hpp"

#include "trainer/app/dashboard_hooks.hpp"
#include "trainer/change/checkin.hpp"
#include "trainer/change/rollouts.hpp"
#include "trainer/content/onboarding_model.hpp"
#include "trainer/core/org_time_zone.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace trainer::app {
namespace {

struct Member {
    std::string id, name;
};

// Active members of the teams the actor may see, not leads of the team, each once, by name.
std::vector<Member> members_in_view(store::Database& db, const identity::Actor& actor, std::vector<std::string>& teams) {
    auto t = db.prepare("SELECT id FROM teams ORDER BY id");
    while (t.step())
        if (actor.role == identity::Role::Admin ||
            std::find(actor.led_teams.begin(), actor.led_teams.end(), t.text(0)) != actor.led_teams.end())
            teams.push_back(t.text(0));
    std::map<std::string, Member> by_id;
    auto st = db.prepare("SELECT p.id, p.display_name FROM team_members m JOIN people p ON p.id = m.person_id "
                         "WHERE m.team_id = ?1 AND p.active = 1 "
                         "AND m.person_id NOT IN (SELECT person_id FROM team_leads WHERE team_id = m.team_id)");
    for (const auto& team : teams) {
        st.bind(1, team);
        while (st.step())
            if (identity::can_view_person(actor, st.text(0))) by_id.emplace(st.text(0), Member{st.text(0), st.text(1)});
        st.reset();
    }
    std::vector<Member> out;
    for (auto& [id, m] : by_id) out.push_back(std::move(m));
    std::sort(out.begin(), out.end(), [](const Member& a, const Member& b) {
        return a.name != b.name ? a.name < b.name : a.id < b.id;
    });
    return out;
}

} // namespace

LeadHome lead_home(store::EventStore& events, const Clock& clock, const content::ContentSet& content,
                   const identity::Actor& actor, std::string_view locale, LeadHomeOptions options) {
    if (actor.role != identity::Role::Lead && actor.role != identity::Role::Admin)
        throw identity::AccessDenied(actor.label() + " has no lead's home: leads and admins only");
    store::Database& db = events.db();
    const TimeMs now = clock.now_ms();
    LeadHome out;
    std::vector<std::string> teams;
    const std::vector<Member> members = members_in_view(db, actor, teams);
    std::map<std::string, std::string> name_of;
    for (const auto& m : members) name_of[m.id] = m.name;

    // Sign-offs: the dashboard's queue (one definition), with module titles.
    const quality::MotivationConfig no_motivation;
    const dashboard::Hooks hooks = dashboard_hooks(db, events, clock, content, actor, no_motivation);
    if (hooks.signoff_queue)
        for (const auto& team : teams)
            for (const auto& s : hooks.signoff_queue(team)) {
                if (!s.yours) continue; // what waits for *them*: an admin does not sign an agent's skills
                const content::Module* m = content.onboarding ? content.onboarding->find_module(s.module_id) : nullptr;
                out.signoffs.push_back({s.person_id, s.display_name, s.module_id,
                                        m ? content::pick(m->title, locale) : s.module_id, s.requested_ms});
            }
    std::stable_sort(out.signoffs.begin(), out.signoffs.end(),
                     [](const auto& a, const auto& b) { return a.requested_ms < b.requested_ms; });

    // Locked sign-ins: a wait still running now.
    auto lk = db.prepare("SELECT failures, locked_until_ms FROM auth_throttle WHERE person_id = ?1 AND locked_until_ms > ?2");
    for (const auto& m : members) {
        lk.bind_all(m.id, now);
        if (lk.step()) out.locked.push_back({m.id, m.name, lk.int64(1), static_cast<int>(lk.int64(0))});
        lk.reset();
    }

    // Phases and check-ins, per rollout of the lead's teams.
    change::CheckinService checkins(events, clock, content, {options.checkin_interval_days});
    const std::int64_t today = org_day(now);
    const auto rollouts = content.change ? change::list_rollouts(db, content) : std::vector<content::Rollout>{};
    auto latest = db.prepare("SELECT phase, source, at_ms, last_checkin_ms FROM change_phase_latest "
                             "WHERE person_id = ?1 AND rollout_id = ?2");
    for (const auto& m : members) {
        const auto due = checkins.due(m.id);
        for (const auto& r : rollouts) {
            latest.bind_all(m.id, r.id);
            std::optional<TimeMs> last_checkin;
            if (latest.step()) {
                const auto phase = content::phase_from_id(latest.text(0));
                if (phase && (*phase == content::Phase::Denial || *phase == content::Phase::Resistance))
                    out.phases.push_back({m.id, m.name, r.id, content::pick(r.title, locale), *phase, latest.text(1),
                                          latest.int64(2)});
                if (!latest.is_null(3)) last_checkin = latest.int64(3);
            }
            latest.reset();
            if (std::none_of(due.begin(), due.end(), [&](const content::Rollout& d) { return d.id == r.id; })) continue;
            // Due since the interval after the last check-in's day, or since the rollout started.
            const std::int64_t due_day = last_checkin ? org_day(*last_checkin) + options.checkin_interval_days
                                                      : change::start_day(r);
            const int late = static_cast<int>(today - due_day);
            if (late >= options.overdue_after_days)
                out.overdue.push_back({m.id, m.name, r.id, content::pick(r.title, locale), due_day, late, last_checkin});
        }
    }
    std::stable_sort(out.phases.begin(), out.phases.end(),
                     [](const auto& a, const auto& b) { return a.phase < b.phase; });
    std::stable_sort(out.overdue.begin(), out.overdue.end(),
                     [](const auto& a, const auto& b) { return a.days_overdue > b.days_overdue; });
    return out;
}

} // namespace trainer::app
