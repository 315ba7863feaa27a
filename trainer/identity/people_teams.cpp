// PeopleService: teams (create, members, leads) and PINs (split from people.cpp: one idea per file).
#include "trainer/identity/people.hpp"
#include "trainer/identity/people_rows.hpp"

#include "trainer/identity/people_projection.hpp"
#include "trainer/core/text_policy.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace trainer::identity {

using namespace people_rows;

std::string PeopleService::resolve_team(const std::string& name_or_id, bool create, bool* created) {
    if (created) *created = false;
    auto st = db_.prepare("SELECT id FROM teams WHERE id = ?1 OR name = ?1 COLLATE NOCASE");
    st.bind(1, name_or_id);
    if (st.step()) return st.text(0);
    if (!create) throw PeopleError("no team '" + name_or_id + "'");
    std::string id = team_slug(name_or_id);
    if (id.empty()) id = "team"; // a name in another script: keep it as the name, number the id
    const std::string base = id;
    for (int n = 2; exists(db_, "SELECT 1 FROM teams WHERE id = ?1", id); ++n)
        id = base + "-" + std::to_string(n);
    // Not written here: the caller records people.team_created, which the projection applies.
    if (created) *created = true;
    return id;
}

Team PeopleService::create_team(const Actor& actor, const std::string& name) {
    require_admin(actor, "create teams");
    if (name.empty()) throw PeopleError("a team needs a name");
    if (auto e = text::problem(name, text::Kind::Name)) throw PeopleError("team name: " + *e);
    if (exists(db_, "SELECT 1 FROM teams WHERE name = ?1 COLLATE NOCASE OR id = ?1", name))
        throw PeopleError("team '" + name + "' already exists");
    store::Transaction tx(db_);
    bool created = false;
    const std::string id = resolve_team(name, true, &created);
    audit(actor, kTeamCreated, {{"team", id}, {"name", name}});
    tx.commit();
    return {id, name, {}, {}};
}

void PeopleService::add_member(const Actor& actor, const std::string& team,
                               const std::string& person_id) {
    require_admin(actor, "change teams");
    must_exist(db_, person_id);
    store::Transaction tx(db_);
    const std::string id = resolve_team(team, false, nullptr);
    audit(actor, kTeamMemberAdded, {{"team", id}, {"person", person_id}});
    tx.commit();
}

void PeopleService::set_lead(const Actor& actor, const std::string& team,
                             const std::string& person_id) {
    require_admin(actor, "change teams");
    const Person p = must_exist(db_, person_id);
    if (p.role == Role::Agent)
        throw PeopleError("'" + person_id + "' is an agent; only a lead or admin can lead a team");
    store::Transaction tx(db_);
    const std::string id = resolve_team(team, false, nullptr);
    audit(actor, kTeamLeadSet, {{"team", id}, {"person", person_id}});
    tx.commit();
}

std::vector<Team> PeopleService::teams(const Actor& actor) {
    std::vector<Team> out;
    auto st = db_.prepare("SELECT id, name FROM teams ORDER BY name");
    while (st.step()) {
        Team t{st.text(0), st.text(1), {}, {}};
        for (auto& m : strings(
                 db_, "SELECT person_id FROM team_members WHERE team_id = ?1 ORDER BY person_id",
                 t.id))
            if (can_view_person(actor, m)) t.members.push_back(m);
        // Who leads a team is not private: agents need to know whom to ask.
        t.leads = strings(
            db_, "SELECT person_id FROM team_leads WHERE team_id = ?1 ORDER BY person_id", t.id);
        const bool involved =
            (actor.role && *actor.role == Role::Admin) || !t.members.empty() ||
            std::find(t.leads.begin(), t.leads.end(), actor.person_id) != t.leads.end();
        if (involved) out.push_back(std::move(t));
    }
    return out;
}

void PeopleService::set_pin(const Actor& actor, const std::string& id, std::string_view pin,
                            PinCost cost, bool allow_weak) {
    if (actor.person_id != id || actor.person_id.empty()) require_manage_person(actor, id);
    must_exist(db_, id);
    if (!allow_weak)
        if (auto weak = weak_pin_reason(pin)) throw PinError(*weak);
    store_pin_hash(actor, id, hash_pin(pin, cost));
}

void PeopleService::store_pin_hash(const Actor& actor, const std::string& id,
                                   const std::string& hash) {
    if (actor.person_id != id || actor.person_id.empty()) require_manage_person(actor, id);
    must_exist(db_, id);
    // Plain Argon2id, or keyed with the organisation's PIN key ("pk1:<key id>:$argon2id$...").
    const bool keyed = hash.starts_with("pk1:") && hash.find(":$argon2id$", 4) != std::string::npos;
    if (!hash.starts_with("$argon2id$") && !keyed) throw PinError("not an Argon2id hash");
    store::Transaction tx(db_);
    // A new PIN also lifts any lockout: the person proved nothing, but their lead/admin did
    // (the auth_throttle projection applies the same rule to pin.changed).
    db_.prepare("DELETE FROM auth_throttle WHERE person_id = ?1").bind_all(id).run();
    // The hash travels in the event so every device and a rebuild know the PIN (issue 12 §1).
    audit(actor, kPinChanged, {{"person", id}, {"hash", hash}});
    tx.commit();
}

} // namespace trainer::identity
