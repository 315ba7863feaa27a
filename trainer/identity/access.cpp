#include "trainer/identity/access.hpp"

#include <algorithm>

namespace trainer::identity {

const char* role_name(Role r) {
    switch (r) {
    case Role::Agent:
        return "agent";
    case Role::Lead:
        return "lead";
    case Role::Admin:
        return "admin";
    }
    return "unknown";
}

std::optional<Role> parse_role(std::string_view s) {
    std::string l(s);
    for (char& c : l)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (l == "agent") return Role::Agent;
    if (l == "lead") return Role::Lead;
    if (l == "admin") return Role::Admin;
    return std::nullopt;
}

Actor actor_for(store::Database& db, const std::string& person_id) {
    auto st = db.prepare("SELECT role, active FROM people WHERE id = ?1");
    st.bind(1, person_id);
    if (!st.step()) throw AccessDenied("no person with id '" + person_id + "'");
    if (st.int64(1) == 0) throw AccessDenied("person '" + person_id + "' is deactivated");
    Actor a;
    a.person_id = person_id;
    a.role = parse_role(st.text(0));
    auto teams = db.prepare("SELECT team_id FROM team_leads WHERE person_id = ?1 ORDER BY team_id");
    teams.bind(1, person_id);
    while (teams.step())
        a.led_teams.push_back(teams.text(0));
    auto members = db.prepare("SELECT DISTINCT m.person_id FROM team_members m "
                              "JOIN team_leads l ON l.team_id = m.team_id "
                              "WHERE l.person_id = ?1 ORDER BY m.person_id");
    members.bind(1, person_id);
    while (members.step())
        a.led_people.push_back(members.text(0));
    return a;
}

Actor cli_admin() {
    Actor a;
    a.role = Role::Admin;
    return a;
}

namespace {

bool leads(const Actor& a, std::string_view person_id) {
    return std::find(a.led_people.begin(), a.led_people.end(), person_id) != a.led_people.end();
}

} // namespace

bool can_view_person(const Actor& a, std::string_view person_id) {
    if (!a.role || person_id.empty()) return false;
    switch (*a.role) {
    case Role::Admin:
        return true;
    case Role::Lead:
        return person_id == a.person_id || leads(a, person_id);
    case Role::Agent:
        return person_id == a.person_id;
    }
    return false;
}

bool can_manage_person(const Actor& a, std::string_view person_id) {
    if (!a.role || person_id.empty()) return false;
    switch (*a.role) {
    case Role::Admin:
        return true;
    case Role::Lead:
        return leads(a, person_id);
    case Role::Agent:
        return false;
    }
    return false;
}

void require_view_person(const Actor& a, std::string_view person_id) {
    if (!can_view_person(a, person_id))
        throw AccessDenied(a.label() + " may not see the records of '" + std::string(person_id) +
                           "' (agents see their own, leads their teams, admins all)");
}

void require_manage_person(const Actor& a, std::string_view person_id) {
    if (!can_manage_person(a, person_id))
        throw AccessDenied(a.label() + " may not manage the account of '" + std::string(person_id) +
                           "' (leads manage their teams' members, admins everyone)");
}

void require_admin(const Actor& a, std::string_view what) {
    if (!a.role || *a.role != Role::Admin)
        throw AccessDenied(a.label() + " may not " + std::string(what) + " (admins only)");
}

} // namespace trainer::identity
