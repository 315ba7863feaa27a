// [SECTION] Field rules
// [SECTION] Reading people
// [SECTION] PeopleService: people
// [SECTION] PeopleService: teams and PINs
// [SECTION] PeopleService: CSV import (all-or-nothing)
#include "trainer/identity/people.hpp"

#include "trainer/identity/people_projection.hpp"

#include "trainer/core/text_policy.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace trainer::identity {

// [SECTION] Field rules ------------------------------------------------------------------------

std::optional<std::string> person_id_problem(std::string_view id) {
    if (id.empty()) return "an id is required";
    const bool ok_chars = std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
    if (!ok_chars || id.size() > 64)
        return "'" + std::string(id) +
               "' is not a valid id (lowercase a-z, 0-9, '.', '_', '-'; at most 64 characters)";
    return std::nullopt;
}

std::optional<std::string> locale_problem(std::string_view l) {
    if (l == "en" || l == "pl" || l == "ru") return std::nullopt;
    return "unknown locale '" + std::string(l) + "' (expected en, pl or ru)";
}

std::optional<std::string> hire_date_problem(std::string_view d) {
    const auto t = parse_date(d);
    if (!t || format_date(*t) != d)
        return "'" + std::string(d) + "' is not a date (expected YYYY-MM-DD, e.g. 2024-03-18)";
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

namespace {

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

} // namespace

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
void PeopleService::audit(const Actor& actor, const std::string& type, nlohmann::json payload) {
    payload["actor"] = actor.label();
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
    const auto text = [](const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
    audit(actor, kPersonAdded,
          {{"person", p.id}, {"display_name", p.display_name}, {"role", role_name(p.role)}, {"locale", p.locale},
           {"badge_id", text(p.badge_id)}, {"external_id", text(p.external_id)}, {"hire_date", text(p.hire_date)},
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

namespace {

Person must_exist(store::Database& db, const std::string& id) {
    auto p = read_person(db, id);
    if (!p) throw PeopleError("no person with id '" + id + "' (see `trainer people list`)");
    return *p;
}

} // namespace

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

// [SECTION] PeopleService: teams and PINs ------------------------------------------------------

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

// [SECTION] PeopleService: CSV import (all-or-nothing) -----------------------------------------

namespace {

const std::vector<std::string> kImportColumns = {"id",     "name",  "role",        "team",
                                                 "locale", "badge", "external_id", "hire_date"};

std::optional<std::string> non_empty(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

std::vector<std::string> split_teams(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto bar = s.find('|', start);
        std::string part =
            s.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        const auto b = part.find_first_not_of(' '), e = part.find_last_not_of(' ');
        if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
        if (bar == std::string::npos) break;
        start = bar + 1;
    }
    return out;
}

} // namespace

ImportResult PeopleService::import_csv_file(const Actor& actor, const std::filesystem::path& path) {
    require_admin(actor, "import people");
    return import_table(actor, csv::read_file(path), path.filename().string());
}

ImportResult PeopleService::import_csv_text(const Actor& actor, std::string_view text,
                                            const std::string& source) {
    require_admin(actor, "import people");
    return import_table(actor, csv::parse(text), source);
}

ImportResult PeopleService::import_table(const Actor& actor, const csv::Table& t,
                                         const std::string& source) {
    ImportResult r;
    r.issues = t.issues;
    const csv::Columns cols(t.header);
    bool header_ok = !t.header.empty();
    for (const auto& m : cols.missing(kImportColumns)) {
        if (t.header.empty()) break;
        r.issues.push_back({1, 1, 0, m,
                            "missing column " + m +
                                " (the header needs: id, name, role, team, "
                                "locale, badge, external_id, hire_date)"});
        header_ok = false;
    }
    for (const auto& u : cols.unknown(kImportColumns)) {
        r.issues.push_back({1, 1, 0, u, "unknown column " + u + " (is it misspelt?)"});
        header_ok = false;
    }
    if (!header_ok) return r; // rows cannot be read reliably without the right header

    std::vector<std::pair<const csv::Row*, NewPerson>> people;
    std::map<std::string, std::size_t> ids, badges, external_ids; // value → first row
    for (const auto& row : t.rows) {
        if (row.fields.size() != t.header.size()) continue; // already reported as ragged
        auto issue = [&](const std::string& col, const std::string& msg) {
            const auto c = cols.find(col);
            // A cell the CSV reader already refused (invalid UTF-8, a control character) is
            // reported once, not again by the field rules.
            const std::size_t column = c ? *c + 1 : 0;
            for (const auto& earlier : r.issues)
                if (earlier.row == row.row && column != 0 && earlier.column == column) return;
            r.issues.push_back({row.row, row.line, column, col, msg});
        };
        NewPerson p;
        p.id = cols.get(row, "id");
        p.display_name = cols.get(row, "name");
        const std::string& role = cols.get(row, "role");
        if (auto parsed = parse_role(role))
            p.role = *parsed;
        else
            issue("role", role.empty()
                              ? "a role is required (agent, lead or admin)"
                              : "unknown role '" + role + "' (expected agent, lead or admin)");
        p.teams = split_teams(cols.get(row, "team"));
        if (!cols.get(row, "locale").empty()) p.locale = cols.get(row, "locale");
        p.badge_id = non_empty(cols.get(row, "badge"));
        p.external_id = non_empty(cols.get(row, "external_id"));
        p.hire_date = non_empty(cols.get(row, "hire_date"));
        for (const auto& [col, msg] : problems_of(p))
            issue(col, msg);

        auto unique = [&](std::map<std::string, std::size_t>& seen,
                          const std::optional<std::string>& v, const std::string& col,
                          const char* what, const char* db_sql) {
            if (!v || v->empty()) return;
            if (auto [it, fresh] = seen.emplace(*v, row.row); !fresh)
                issue(col, std::string("duplicate ") + what + " '" + *v + "' (also on row " +
                               std::to_string(it->second) + ")");
            else if (exists(db_, db_sql, *v))
                issue(col, std::string(what) + " '" + *v + "' already exists in the database");
        };
        if (!person_id_problem(p.id))
            unique(ids, p.id, "id", "id", "SELECT 1 FROM people WHERE id = ?1");
        unique(badges, p.badge_id, "badge", "badge", "SELECT 1 FROM people WHERE badge_id = ?1");
        unique(external_ids, p.external_id, "external_id", "external id",
               "SELECT 1 FROM people WHERE external_id = ?1");
        people.emplace_back(&row, std::move(p));
    }
    if (t.rows.empty() && r.ok())
        r.issues.push_back({1, 1, 0, "", "no people in the file (only a header)"});
    if (!r.ok()) return r;

    store::Transaction tx(db_);
    const auto teams_before = events_.count({.type = "people.team_created"});
    for (const auto& [row, p] : people)
        insert_person(actor, p, "import");
    r.teams_created =
        static_cast<std::size_t>(events_.count({.type = "people.team_created"}) - teams_before);
    r.imported = people.size();
    audit(actor, "people.imported",
          {{"source", source}, {"people", r.imported}, {"teams_created", r.teams_created}});
    tx.commit();
    return r;
}

} // namespace trainer::identity
