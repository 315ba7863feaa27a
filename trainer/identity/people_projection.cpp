#include "trainer/identity/people_projection.hpp"
#include "trainer/store/events.hpp"

#include <stdexcept>
#include <utility>
#include <vector>

namespace trainer::identity {

namespace {

using store::Payload;

std::optional<std::string> opt(const Payload& p, const char* key) {
    auto v = p.find_string(key);
    if (!v || v->empty()) return std::nullopt;
    return v;
}

std::string str(const Payload& p, const char* key) {
    auto v = opt(p, key);
    if (!v) throw std::invalid_argument(std::string("payload has no \"") + key + "\" string");
    return *v;
}

// The later assignment of a badge or external id wins (see the header).
void take_unique(store::Database& db, const char* column, const std::optional<std::string>& value,
                 const std::string& person) {
    if (!value) return;
    db.prepare(std::string("UPDATE people SET ") + column + " = NULL WHERE " + column + " = ?1 AND id <> ?2")
        .bind_all(*value, person)
        .run();
}

void add_person(store::Database& db, const store::Event& e, bool snapshot) {
    const Payload& p = e.payload;
    // person.added written before issue 12 carried only the id and role; migration 0009 recorded
    // those people's state as person.snapshot events instead.
    if (!p.contains("display_name")) return;
    const std::string id = str(p, "person");
    const auto badge = opt(p, "badge_id");
    const auto external = opt(p, "external_id");
    take_unique(db, "badge_id", badge, id);
    take_unique(db, "external_id", external, id);
    db.prepare("INSERT INTO people (id, display_name, role, locale, badge_id, external_id, hire_date, active, "
               "pin_hash, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
               "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, "
               "locale = excluded.locale, badge_id = excluded.badge_id, external_id = excluded.external_id, "
               "hire_date = excluded.hire_date, active = excluded.active, "
               "pin_hash = coalesce(excluded.pin_hash, pin_hash)")
        .bind_all(id, str(p, "display_name"), str(p, "role"), p.string_or("locale", "en"), badge, external,
                  opt(p, "hire_date"), snapshot ? (p.boolean_or("active", true) ? 1 : 0) : 1,
                  snapshot ? opt(p, "pin_hash") : std::nullopt, p.integer_or("created_ms", e.at_ms))
        .run();
    if (!snapshot) return;
    for (const char* list : {"teams", "led_teams"}) {
        if (!p.contains(list)) continue;
        for (const auto& t : p.strings(list)) {
            const std::string table = std::string(list) == "teams" ? "team_members" : "team_leads";
            db.prepare("INSERT OR IGNORE INTO " + table +
                       " (team_id, person_id) SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM teams WHERE id = ?1)")
                .bind_all(t, id)
                .run();
        }
    }
}

void join_team(store::Database& db, const char* table, const Payload& p) {
    db.prepare(std::string("INSERT OR IGNORE INTO ") + table +
               " (team_id, person_id) SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM teams WHERE id = ?1) "
               "AND EXISTS (SELECT 1 FROM people WHERE id = ?2)")
        .bind_all(str(p, "team"), str(p, "person"))
        .run();
}

// person.updated {person, changes: {field: {from, to}}} (PeopleService::update_person, roster sync):
// the same columns and team rows the live update wrote, so a rebuild agrees with it.
void apply_update(store::Database& db, const Payload& p) {
    const std::string id = str(p, "person");
    const Payload changes = p.object("changes");
    const auto to_of = [&](const char* field) -> std::optional<Payload> {
        if (!changes.contains(field)) return std::nullopt;
        return changes.object(field).object("to");
    };
    for (const auto& [field, column] : {std::pair{"name", "display_name"}, {"locale", "locale"}, {"role", "role"},
                                        {"badge", "badge_id"}, {"external_id", "external_id"},
                                        {"hire_date", "hire_date"}}) {
        const auto to = to_of(field);
        if (!to) continue;
        const auto value = to->is_null() ? std::optional<std::string>() : std::optional<std::string>(to->string());
        if (std::string(column) == "badge_id" || std::string(column) == "external_id") take_unique(db, column, value, id);
        db.prepare(std::string("UPDATE people SET ") + column + " = ?2 WHERE id = ?1").bind_all(id, value).run();
    }
    if (const auto active = to_of("active"))
        db.prepare("UPDATE people SET active = ?2 WHERE id = ?1").bind_all(id, active->boolean() ? 1 : 0).run();
    const auto teams = to_of("teams");
    if (!teams && !to_of("role")) return;
    // A lead leads their teams, anyone else is a member: a role change moves the rows.
    std::vector<std::string> list;
    if (teams) {
        list = teams->strings();
    } else {
        auto st = db.prepare("SELECT team_id FROM team_members WHERE person_id = ?1 UNION "
                             "SELECT team_id FROM team_leads WHERE person_id = ?1");
        st.bind_all(id);
        while (st.step()) list.push_back(st.text(0));
    }
    db.prepare("DELETE FROM team_members WHERE person_id = ?1").bind_all(id).run();
    db.prepare("DELETE FROM team_leads WHERE person_id = ?1").bind_all(id).run();
    auto role = db.prepare("SELECT role FROM people WHERE id = ?1");
    role.bind_all(id);
    const bool lead = role.step() && role.text(0) == "lead";
    for (const auto& team : list)
        join_team(db, lead ? "team_leads" : "team_members", {{"team", team}, {"person", id}});
}

void apply(store::Database& db, const store::Event& e) {
    const Payload& p = e.payload;
    if (e.type == kPersonAdded || e.type == kPersonSnapshot) {
        add_person(db, e, e.type == kPersonSnapshot);
    } else if (e.type == kTeamCreated || e.type == kTeamSnapshot) {
        // Before issue 12 the event named only the id; the id was the name's slug or the name.
        const std::string id = str(p, "team");
        db.prepare("INSERT OR IGNORE INTO teams (id, name) VALUES (?1, ?2)")
            .bind_all(id, opt(p, "name").value_or(id))
            .run();
    } else if (e.type == kTeamMemberAdded) {
        join_team(db, "team_members", p);
    } else if (e.type == kTeamLeadSet) {
        join_team(db, "team_leads", p);
    } else if (e.type == kPersonDeactivated) {
        db.prepare("UPDATE people SET active = 0 WHERE id = ?1").bind_all(str(p, "person")).run();
    } else if (e.type == kPersonLocaleChanged) {
        db.prepare("UPDATE people SET locale = ?2 WHERE id = ?1").bind_all(str(p, "person"), str(p, "locale")).run();
    } else if (e.type == kPinChanged || (e.type == "auth.login" && p.contains("hash"))) {
        // Events before issue 12 carried no hash: the snapshot of migration 0009 holds it.
        if (auto hash = opt(p, "hash")) {
            const std::string who = e.type == kPinChanged ? str(p, "person") : e.person_id;
            db.prepare("UPDATE people SET pin_hash = ?2 WHERE id = ?1").bind_all(who, *hash).run();
        }
    } else if (e.type == "person.updated") {
        apply_update(db, p);
    } else if (e.type == kPersonErased) {
        db.prepare("UPDATE people SET display_name = '[erased]', badge_id = NULL, external_id = NULL, "
                   "hire_date = NULL, pin_hash = NULL, active = 0 WHERE id = ?1")
            .bind_all(str(p, "person"))
            .run();
    }
}

} // namespace

void apply_people_event(store::Database& db, const store::Event& e) {
    try {
        apply(db, e);
    } catch (const std::invalid_argument& x) {
        throw std::runtime_error(e.type + " event " + e.id + ": " + x.what());
    } catch (const std::exception& x) {
        if (!store::is_json_error(x)) throw;
        throw std::runtime_error(e.type + " event " + e.id + ": malformed payload: " + x.what());
    }
}

store::Projection people_projection() {
    return {"people, teams, team_members, team_leads",
            [](store::Database& db) {
                db.exec("DELETE FROM team_members");
                db.exec("DELETE FROM team_leads");
                db.exec("DELETE FROM auth_throttle");
                db.exec("DELETE FROM people");
                db.exec("DELETE FROM teams");
            },
            apply_people_event};
}

} // namespace trainer::identity
