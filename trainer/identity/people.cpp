// [SECTION] Field rules
// [SECTION] Reading people
// [SECTION] PeopleService: people
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

// [SECTION] Field rules ------------------------------------------------------------------------

namespace {

// 'text' in quotes, built by appending: GCC 12 at -O3 warns falsely (-Wrestrict) on "'" + std::string(...).
std::string quoted(std::string_view text) {
    std::string q = "'";
    q.append(text::escape_for_display(text)); // a value quoted in a refusal cannot pass for a line
    q += '\'';
    return q;
}

} // namespace

std::optional<std::string> person_id_problem(std::string_view id) {
    if (id.empty()) return "an id is required";
    const bool ok_chars = std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
    if (!ok_chars || id.size() > 64)
        return quoted(id) + " is not a valid id (lowercase a-z, 0-9, '.', '_', '-'; at most 64 characters)";
    return std::nullopt;
}

std::optional<std::string> locale_problem(std::string_view l) {
    if (l == "en" || l == "pl" || l == "ru") return std::nullopt;
    return "unknown locale " + quoted(l) + " (expected en, pl or ru)";
}

std::optional<std::string> hire_date_problem(std::string_view d) {
    const auto t = parse_date(d);
    if (!t || format_date(*t) != d)
        return quoted(d) + " is not a date (expected YYYY-MM-DD, e.g. 2024-03-18)";
    return std::nullopt;
}

std::string team_slug(std::string_view name) {
    std::string s;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep)
            s += c;
        else if (!s.empty() && s.back() != '-')
            s += '-';
    }
    while (!s.empty() && s.back() == '-')
        s.pop_back();
    return s;
}

namespace people_rows {

// Every problem of a new person, as (column, message) — the column names match the CSV header.
std::vector<std::pair<std::string, std::string>> problems_of(const NewPerson& p) {
    std::vector<std::pair<std::string, std::string>> out;
    if (auto e = person_id_problem(p.id)) out.emplace_back("id", *e);
    if (p.display_name.empty())
        out.emplace_back("name", "a name is required");
    else if (auto e = text::problem(p.display_name, text::Kind::Name))
        out.emplace_back("name", *e);
    if (auto e = locale_problem(p.locale)) out.emplace_back("locale", *e);
    if (p.badge_id && (p.badge_id->empty() || p.badge_id->size() > 64))
        out.emplace_back("badge", "a badge id has 1 to 64 characters");
    else if (p.badge_id)
        if (auto e = text::problem(*p.badge_id, text::Kind::Id)) out.emplace_back("badge", *e);
    if (p.external_id && (p.external_id->empty() || p.external_id->size() > 254))
        out.emplace_back("external_id", "an external id has 1 to 254 characters");
    else if (p.external_id)
        if (auto e = text::problem(*p.external_id, text::Kind::Id)) out.emplace_back("external_id", *e);
    if (p.hire_date)
        if (auto e = hire_date_problem(*p.hire_date)) out.emplace_back("hire_date", *e);
    for (const auto& t : p.teams)
        if (auto e = text::problem(t, text::Kind::Name)) out.emplace_back("team", "team '" + text::escape_for_display(t) + "': " + *e);
    return out;
}

bool exists(store::Database& db, const char* sql, const std::string& v) {
    auto st = db.prepare(sql);
    st.bind(1, v);
    return st.step();
}

constexpr const char* kPersonColumns =
    "SELECT id, display_name, role, locale, badge_id, external_id, hire_date, active, "
    "pin_hash IS NOT NULL, created_ms FROM people";

std::vector<std::string> strings(store::Database& db, const char* sql, const std::string& arg) {
    std::vector<std::string> out;
    auto st = db.prepare(sql);
    st.bind(1, arg);
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

Person read_row(store::Database& db, store::Statement& st) {
    Person p;
    p.id = st.text(0);
    p.display_name = st.text(1);
    p.role = parse_role(st.text(2)).value_or(Role::Agent);
    p.locale = st.text(3);
    auto opt = [&](int c) {
        return st.is_null(c) ? std::nullopt : std::optional<std::string>(st.text(c));
    };
    p.badge_id = opt(4);
    p.external_id = opt(5);
    p.hire_date = opt(6);
    p.active = st.int64(7) != 0;
    p.has_pin = st.int64(8) != 0;
    p.created_ms = st.int64(9);
    p.teams =
        strings(db, "SELECT team_id FROM team_members WHERE person_id = ?1 ORDER BY team_id", p.id);
    p.led_teams =
        strings(db, "SELECT team_id FROM team_leads WHERE person_id = ?1 ORDER BY team_id", p.id);
    return p;
}

std::optional<Person> read_one(store::Database& db, const std::string& where,
                               const std::string& v) {
    auto st = db.prepare(std::string(kPersonColumns) + " WHERE " + where);
    st.bind(1, v);
    if (!st.step()) return std::nullopt;
    return read_row(db, st);
}

} // namespace people_rows

using namespace people_rows;

// [SECTION] Reading people ---------------------------------------------------------------------

std::optional<Person> read_person(store::Database& db, const std::string& id) {
    return read_one(db, "id = ?1", id);
}

std::optional<Person> read_person_by_badge(store::Database& db, const std::string& badge) {
    return read_one(db, "badge_id = ?1", badge);
}

// [SECTION] PeopleService: people --------------------------------------------------------------

PeopleService::PeopleService(store::Database& db, store::EventStore& events)
    : db_(db), events_(events) {}

// Every change is one event carrying the whole change, applied to the tables by the same code a
// rebuild or a merge runs (people_projection.cpp).
void PeopleService::audit(const Actor& actor, const std::string& type, store::Payload payload) {
    payload.set("actor", actor.label());
    apply_people_event(db_, events_.append({type, actor.person_id, std::move(payload)}));
}

Person PeopleService::add(const Actor& actor, const NewPerson& p) {
    require_admin(actor, "add people");
    auto problems = problems_of(p);
    if (problems.empty() && read_person(db_, p.id))
        problems.emplace_back("id", "'" + p.id + "' already exists");
    if (p.badge_id && exists(db_, "SELECT 1 FROM people WHERE badge_id = ?1", *p.badge_id))
        problems.emplace_back("badge",
                              "badge '" + *p.badge_id + "' already belongs to someone else");
    if (p.external_id && exists(db_, "SELECT 1 FROM people WHERE external_id = ?1", *p.external_id))
        problems.emplace_back("external_id", "external id '" + *p.external_id +
                                                 "' already belongs to someone else");
    if (!problems.empty()) {
        std::string msg = "cannot add person";
        for (const auto& [col, m] : problems)
            msg += "\n  " + col + ": " + m;
        throw PeopleError(msg);
    }
    store::Transaction tx(db_);
    insert_person(actor, p, "add");
    tx.commit();
    return *read_person(db_, p.id);
}

void PeopleService::insert_person(const Actor& actor, const NewPerson& p, const std::string& via) {
    audit(actor, kPersonAdded,
          {{"person", p.id}, {"display_name", p.display_name}, {"role", role_name(p.role)}, {"locale", p.locale},
           {"badge_id", p.badge_id}, {"external_id", p.external_id}, {"hire_date", p.hire_date},
           {"via", via}});
    for (const auto& t : p.teams) {
        bool created = false;
        const std::string team = resolve_team(t, true, &created);
        if (created) audit(actor, kTeamCreated, {{"team", team}, {"name", t}});
        audit(actor, p.role == Role::Lead ? "people.team_lead_set" : "people.team_member_added",
              {{"team", team}, {"person", p.id}});
    }
}

std::vector<Person> PeopleService::list(const Actor& actor, bool include_inactive) {
    std::vector<Person> out;
    auto st = db_.prepare(std::string(kPersonColumns) +
                          (include_inactive ? "" : " WHERE active = 1") + " ORDER BY id");
    while (st.step()) {
        const std::string id = st.text(0);
        if (can_view_person(actor, id)) out.push_back(read_row(db_, st));
    }
    return out;
}

std::optional<Person> PeopleService::find(const Actor& actor, const std::string& id) {
    auto p = read_person(db_, id);
    if (p) require_view_person(actor, id);
    return p;
}

std::optional<Person> PeopleService::find_by_badge(const Actor& actor, const std::string& badge) {
    auto p = read_person_by_badge(db_, badge);
    if (p) require_view_person(actor, p->id);
    return p;
}

namespace people_rows {

Person must_exist(store::Database& db, const std::string& id) {
    auto p = read_person(db, id);
    if (!p) throw PeopleError("no person with id '" + id + "' (see `trainer people list`)");
    return *p;
}

} // namespace people_rows

void PeopleService::deactivate(const Actor& actor, const std::string& id) {
    require_admin(actor, "deactivate people");
    must_exist(db_, id);
    store::Transaction tx(db_);
    audit(actor, kPersonDeactivated, {{"person", id}});
    tx.commit();
}

void PeopleService::set_locale(const Actor& actor, const std::string& id,
                               const std::string& locale) {
    if (actor.person_id != id) require_admin(actor, "change someone else's language");
    must_exist(db_, id);
    if (auto e = locale_problem(locale)) throw PeopleError(*e);
    store::Transaction tx(db_);
    audit(actor, kPersonLocaleChanged, {{"person", id}, {"locale", locale}});
    tx.commit();
}

std::vector<RosterEntry> PeopleService::roster() {
    std::vector<RosterEntry> out;
    auto st = db_.prepare("SELECT id, display_name, locale FROM people WHERE active = 1 "
                          "ORDER BY display_name COLLATE NOCASE, id");
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2)});
    return out;
}

} // namespace trainer::identity
