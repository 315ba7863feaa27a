// PeopleService::update_person: edits a person's name, role, language, badge, external id, hire
// date, teams and active flag in one audited step (DESIGN §4.7). Used by `trainer people sync`.
#include "trainer/identity/people.hpp"
#include "trainer/identity/people_projection.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>
#include <set>

namespace trainer::identity {

namespace {

bool taken_by_other(store::Database& db, const char* column, const std::string& value,
                    const std::string& id) {
    auto st = db.prepare(std::string("SELECT 1 FROM people WHERE ") + column + " = ?1 AND id <> ?2");
    st.bind_all(value, id);
    return st.step();
}

} // namespace

Person PeopleService::update_person(const Actor& actor, const std::string& id,
                                    const PersonUpdate& u) {
    require_admin(actor, "change people");
    const auto current = read_person(db_, id);
    if (!current) throw PeopleError("no person with id '" + id + "' (see `trainer people list`)");
    std::vector<std::string> problems;
    if (u.display_name && (u.display_name->empty() || u.display_name->size() > 200))
        problems.push_back("name: a name has 1 to 200 bytes");
    if (u.locale)
        if (auto e = locale_problem(*u.locale)) problems.push_back("locale: " + *e);
    if (u.badge_id && *u.badge_id) {
        if ((*u.badge_id)->empty() || (*u.badge_id)->size() > 64)
            problems.push_back("badge: a badge id has 1 to 64 characters");
        else if (taken_by_other(db_, "badge_id", **u.badge_id, id))
            problems.push_back("badge: badge '" + **u.badge_id + "' already belongs to someone else");
    }
    if (u.external_id && *u.external_id) {
        if ((*u.external_id)->empty() || (*u.external_id)->size() > 254)
            problems.push_back("external_id: an external id has 1 to 254 characters");
        else if (taken_by_other(db_, "external_id", **u.external_id, id))
            problems.push_back("external_id: external id '" + **u.external_id +
                               "' already belongs to someone else");
    }
    if (u.hire_date && *u.hire_date)
        if (auto e = hire_date_problem(**u.hire_date)) problems.push_back("hire_date: " + *e);
    if (!problems.empty()) {
        std::string msg = "cannot change " + id;
        for (const auto& p : problems)
            msg += "\n  " + p;
        throw PeopleError(msg);
    }

    store::Transaction tx(db_);
    store::Payload changes;
    // A text field's change; nullopt is JSON null (a cleared badge, external id or hire date).
    auto set_text = [&](const char* column, const char* field, const std::optional<std::string>& from,
                        const std::optional<std::string>& to) {
        if (from == to) return;
        db_.prepare(std::string("UPDATE people SET ") + column + " = ?2 WHERE id = ?1").bind_all(id, to).run();
        changes.set(field, store::Payload{{"from", from}, {"to", to}});
    };
    if (u.display_name) set_text("display_name", "name", current->display_name, *u.display_name);
    if (u.locale) set_text("locale", "locale", current->locale, *u.locale);
    if (u.role) set_text("role", "role", role_name(current->role), role_name(*u.role));
    if (u.badge_id) set_text("badge_id", "badge", current->badge_id, *u.badge_id);
    if (u.external_id)
        set_text("external_id", "external_id", current->external_id, *u.external_id);
    if (u.hire_date) set_text("hire_date", "hire_date", current->hire_date, *u.hire_date);
    if (u.active && *u.active != current->active) {
        db_.prepare("UPDATE people SET active = ?2 WHERE id = ?1").bind_all(id, *u.active ? 1 : 0).run();
        changes.set("active", store::Payload{{"from", current->active}, {"to", *u.active}});
    }
    // Teams: a lead leads them, anyone else is a member; a role change moves the rows.
    const Role role = u.role.value_or(current->role);
    std::vector<std::string> before = current->role == Role::Lead ? current->led_teams : current->teams;
    std::vector<std::string> after = before;
    if (u.teams) {
        after.clear();
        for (const auto& t : *u.teams) {
            bool created = false;
            const std::string team = resolve_team(t, true, &created);
            if (created) audit(actor, kTeamCreated, {{"team", team}, {"name", t}});
            if (std::find(after.begin(), after.end(), team) == after.end()) after.push_back(team);
        }
        std::sort(after.begin(), after.end());
    }
    if (after != before || role != current->role) {
        db_.prepare("DELETE FROM team_members WHERE person_id = ?1").bind_all(id).run();
        db_.prepare("DELETE FROM team_leads WHERE person_id = ?1").bind_all(id).run();
        const char* sql = role == Role::Lead
                              ? "INSERT OR IGNORE INTO team_leads (team_id, person_id) VALUES (?1, ?2)"
                              : "INSERT OR IGNORE INTO team_members (team_id, person_id) VALUES (?1, ?2)";
        for (const auto& team : after)
            db_.prepare(sql).bind_all(team, id).run();
        if (after != before) changes.set("teams", store::Payload{{"from", before}, {"to", after}});
    }
    if (!changes.empty()) audit(actor, "person.updated", {{"person", id}, {"changes", changes}});
    tx.commit();
    return *read_person(db_, id);
}

} // namespace trainer::identity
