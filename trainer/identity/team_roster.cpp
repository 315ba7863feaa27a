#include "trainer/identity/team_roster.hpp"

#include "trainer/identity/people.hpp"

#include <algorithm>

namespace trainer::identity {

std::vector<TeamMemberRow> team_roster(store::Database& db, store::EventStore& events, AuthService& auth,
                                       const Actor& actor, TimeMs now_ms) {
    std::vector<TeamMemberRow> rows;
    if (!actor.role || *actor.role == Role::Agent) return rows;
    for (const auto& p : PeopleService(db, events).list(actor, /*include_inactive=*/false)) {
        if (p.id == actor.person_id || !can_manage_person(actor, p.id)) continue;
        const ThrottleState t = auth.throttle_of(p.id);
        rows.push_back({p.id, p.display_name, p.role, t.failures, t.locked_until_ms,
                        t.locked_until_ms > now_ms});
    }
    std::sort(rows.begin(), rows.end(),
              [](const TeamMemberRow& a, const TeamMemberRow& b) { return a.display_name < b.display_name; });
    return rows;
}

} // namespace trainer::identity
