#pragma once
// People, teams, membership, leads and PIN hashes as a projection of the people events (issue 12
// §1): `trainer rebuild` and a merge recompute them from the log alone. The people service writes
// each change as an event carrying the whole change (names, badge, the Argon2id hash) and applies
// it through apply_people_event(), so the live tables and a rebuild are written by the same code.
//
// Rules for histories merged from several devices (README "Merging devices"):
// - a person added on two devices under one id is one person; the later add (total order) sets
//   the fields, the first keeps the creation time;
// - a badge or external id given to two people: the later assignment wins, the earlier holder
//   loses it (it would otherwise let one badge sign in as two people);
// - a membership naming a team or person that does not exist (yet) is skipped.
#include "trainer/store/projection.hpp"

namespace trainer::identity {

// Event types of the people projection.
inline constexpr const char* kPersonAdded = "person.added";
inline constexpr const char* kPersonDeactivated = "person.deactivated";
inline constexpr const char* kPersonLocaleChanged = "person.locale_changed";
inline constexpr const char* kPersonSnapshot = "person.snapshot"; // migration 0009: state before events
inline constexpr const char* kTeamCreated = "people.team_created";
inline constexpr const char* kTeamSnapshot = "people.team_snapshot";
inline constexpr const char* kTeamMemberAdded = "people.team_member_added";
inline constexpr const char* kTeamLeadSet = "people.team_lead_set";
inline constexpr const char* kPinChanged = "pin.changed";
inline constexpr const char* kPersonErased = "person.erased";

void apply_people_event(store::Database& db, const store::Event& e);

// Clears people, teams, team_members, team_leads and replays.
store::Projection people_projection();

} // namespace trainer::identity
