#pragma once
// `trainer people sync FILE.csv` (README "Roster sync"): the HR roster is the truth. Rows add new
// people and update existing ones (name, role, team, locale, badge, external id, hire date); with
// deactivate_missing, active people absent from the roster are deactivated. The plan is shown
// first, then applied all-or-nothing through PeopleService (every change audited), ending with
// one "people.synced" audit event.
//
// Columns: id, name, role are required; team, locale, badge, external_id, hire_date are optional.
// An optional column that is present is authoritative (an empty badge cell clears the badge); an
// absent one leaves that field alone. A present but empty locale keeps the current language.
#include "trainer/csv/csv.hpp"
#include "trainer/identity/people.hpp"

#include <string>
#include <vector>

namespace trainer::identity {

struct RosterSyncPlan {
    std::vector<NewPerson> adds;
    std::vector<std::pair<std::string, PersonUpdate>> updates;
    std::vector<std::string> deactivations;
    std::vector<std::string> diff;   // "+ id ...", "~ id: field a → b", "- id ..."
    std::vector<csv::Issue> issues;  // non-empty: nothing may be applied
    std::size_t unchanged = 0;
    bool removes_every_lead = false; // refused unless forced
    bool ok() const { return issues.empty(); }
    bool empty() const { return adds.empty() && updates.empty() && deactivations.empty(); }
};

// Reads the roster against the database. Admin only (AccessDenied otherwise).
RosterSyncPlan plan_roster_sync(PeopleService& people, const Actor& actor, const csv::Table& roster,
                                bool deactivate_missing);

// Applies a plan in one transaction. PeopleError when the plan has issues, or when it would leave
// no active lead and `force` is false; nothing is written then.
void apply_roster_sync(PeopleService& people, store::EventStore& events, const Actor& actor,
                       const RosterSyncPlan& plan, const std::string& source, bool force);

} // namespace trainer::identity
