#pragma once
// What a lead sees of their team at the kiosk: who is in it and whose sign-in is locked.
#include "trainer/identity/access.hpp"
#include "trainer/identity/auth.hpp"

#include <string>
#include <vector>

namespace trainer::identity {

struct TeamMemberRow {
    std::string person_id;
    std::string display_name;
    Role role = Role::Agent;
    int failures = 0;           // consecutive failed PINs
    TimeMs locked_until_ms = 0; // 0 when not locked
    bool locked = false;        // a wait is in force now
};

// The people the actor may manage (a lead: the teams they lead; an admin: everyone), by name,
// with their sign-in throttle. Agents get an empty list.
std::vector<TeamMemberRow> team_roster(store::Database& db, store::EventStore& events, AuthService& auth,
                                       const Actor& actor, TimeMs now_ms);

} // namespace trainer::identity
