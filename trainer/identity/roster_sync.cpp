// [SECTION] Reading the roster (every bad row collected)
// [SECTION] The diff against the database
// [SECTION] Applying (one transaction)
#include "trainer/identity/roster_sync.hpp"

#include "trainer/core/case_fold.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace trainer::identity {

namespace {

const std::vector<std::string> kRequired = {"id", "name", "role"};
const std::vector<std::string> kKnown = {"id",     "name",  "role",        "team",
                                         "locale", "badge", "external_id", "hire_date"};

std::vector<std::string> split_teams(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto bar = s.find('|', start);
        std::string part = s.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        const auto b = part.find_first_not_of(' '), e = part.find_last_not_of(' ');
        if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
        if (bar == std::string::npos) break;
        start = bar + 1;
    }
    return out;
}

std::string show(const std::optional<std::string>& v) { return v ? "'" + *v + "'" : "(none)"; }

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : "|") + x;
    return s.empty() ? "(none)" : s;
}

} // namespace

// [SECTION] Reading the roster ------------------------------------------------------------------

RosterSyncPlan plan_roster_sync(PeopleService& people, const Actor& actor, const csv::Table& t,
                                bool deactivate_missing) {
    require_admin(actor, "sync the roster");
    RosterSyncPlan plan;
    plan.issues = t.issues;
    const csv::Columns cols(t.header);
    bool header_ok = !t.header.empty();
    for (const auto& m : cols.missing(kRequired)) {
        plan.issues.push_back({1, 1, 0, m, "missing column " + m + " (a roster needs id, name, role; "
                                           "optional: team, locale, badge, external_id, hire_date)"});
        header_ok = false;
    }
    for (const auto& u : cols.unknown(kKnown)) {
        plan.issues.push_back({1, 1, 0, u, "unknown column " + u + " (is it misspelt?)"});
        header_ok = false;
    }
    if (!header_ok) return plan;
    if (t.rows.empty() && plan.ok()) {
        plan.issues.push_back({1, 1, 0, "", "no people in the roster (only a header): refusing to "
                                            "treat everyone as missing"});
        return plan;
    }
    std::map<std::string, Person> current;
    for (auto& p : people.list(actor))
        current.emplace(p.id, std::move(p));
    // Team names and ids as they are now, to tell a real move from a spelling of the same team.
    std::map<std::string, std::string> team_id; // folded name or id → id
    for (const auto& team : people.teams(actor)) {
        team_id[fold_case(team.id)] = team.id;
        team_id[fold_case(team.name)] = team.id;
    }
    std::map<std::string, std::size_t> ids, badges, externals; // value → first row
    std::set<std::string> in_roster;
    std::map<std::string, std::string> badge_after, external_after; // value → person id, from rows

    // [SECTION] The diff -------------------------------------------------------------------------
    for (const auto& row : t.rows) {
        if (row.fields.size() != t.header.size()) continue; // reported as ragged by the reader
        auto issue = [&](const std::string& col, const std::string& msg) {
            const auto c = cols.find(col);
            plan.issues.push_back({row.row, row.line, c ? *c + 1 : 0, col, msg});
        };
        auto cell = [&](const char* col) -> std::optional<std::string> {
            if (!cols.find(col)) return std::nullopt;
            return cols.get(row, col);
        };
        auto optional_cell = [&](const char* col) -> std::optional<std::optional<std::string>> {
            auto v = cell(col);
            if (!v) return std::nullopt;
            return v->empty() ? std::optional<std::string>() : std::optional<std::string>(*v);
        };
        const std::string id = cols.get(row, "id");
        const std::string name = cols.get(row, "name");
        const std::string role_text = cols.get(row, "role");
        const std::size_t before = plan.issues.size();
        if (auto e = person_id_problem(id)) issue("id", *e);
        if (name.empty()) issue("name", "a name is required");
        const auto role = parse_role(role_text);
        if (!role)
            issue("role", role_text.empty() ? "a role is required (agent, lead or admin)"
                                            : "unknown role '" + role_text + "' (expected agent, lead or admin)");
        const auto locale = cell("locale");
        if (locale && !locale->empty())
            if (auto e = locale_problem(*locale)) issue("locale", *e);
        const auto badge = optional_cell("badge");
        const auto external = optional_cell("external_id");
        const auto hire = optional_cell("hire_date");
        if (hire && *hire)
            if (auto e = hire_date_problem(**hire)) issue("hire_date", *e);
        if (auto [it, fresh] = ids.emplace(id, row.row); !fresh)
            issue("id", "duplicate id '" + id + "' (also on row " + std::to_string(it->second) + ")");
        for (auto [seen, value, col, what] :
             {std::tuple{&badges, badge, "badge", "badge"}, std::tuple{&externals, external, "external_id", "external id"}}) {
            if (!value || !*value) continue;
            if (auto [it, fresh] = seen->emplace(**value, row.row); !fresh)
                issue(col, std::string("duplicate ") + what + " '" + **value + "' (also on row " +
                               std::to_string(it->second) + ")");
        }
        if (plan.issues.size() != before) continue;
        in_roster.insert(id);
        const std::vector<std::string> teams = cell("team") ? split_teams(*cell("team")) : std::vector<std::string>{};
        const auto existing = current.find(id);
        if (existing == current.end()) {
            NewPerson p{id, name, *role, locale && !locale->empty() ? *locale : "en", teams,
                        badge.value_or(std::nullopt), external.value_or(std::nullopt), hire.value_or(std::nullopt)};
            plan.diff.push_back("+ " + id + " (" + name + ", " + role_name(*role) + ", team " + join(teams) + ")");
            if (p.badge_id) badge_after[*p.badge_id] = id;
            if (p.external_id) external_after[*p.external_id] = id;
            plan.adds.push_back(std::move(p));
            continue;
        }
        const Person& c = existing->second;
        PersonUpdate u;
        std::vector<std::string> lines;
        if (name != c.display_name) u.display_name = name, lines.push_back("name '" + c.display_name + "' → '" + name + "'");
        if (*role != c.role) u.role = *role, lines.push_back(std::string("role ") + role_name(c.role) + " → " + role_name(*role));
        if (locale && !locale->empty() && *locale != c.locale) u.locale = *locale, lines.push_back("locale " + c.locale + " → " + *locale);
        if (badge && *badge != c.badge_id) u.badge_id = *badge, lines.push_back("badge " + show(c.badge_id) + " → " + show(*badge));
        if (external && *external != c.external_id)
            u.external_id = *external, lines.push_back("external id " + show(c.external_id) + " → " + show(*external));
        if (hire && *hire != c.hire_date) u.hire_date = *hire, lines.push_back("hire date " + show(c.hire_date) + " → " + show(*hire));
        if (cell("team")) {
            std::vector<std::string> now = c.role == Role::Lead ? c.led_teams : c.teams;
            std::vector<std::string> wanted;
            bool new_team = false;
            for (const auto& name_or_id : teams) {
                const auto it = team_id.find(fold_case(name_or_id));
                if (it == team_id.end()) new_team = true;
                wanted.push_back(it == team_id.end() ? name_or_id : it->second);
            }
            std::sort(now.begin(), now.end());
            std::sort(wanted.begin(), wanted.end());
            wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
            if (new_team || wanted != now) u.teams = teams, lines.push_back("team " + join(now) + " → " + join(wanted));
        }
        if (!c.active) u.active = true, lines.push_back("inactive → active");
        badge_after[badge ? (*badge).value_or("") : c.badge_id.value_or("")] = id;
        external_after[external ? (*external).value_or("") : c.external_id.value_or("")] = id;
        if (u.empty()) {
            ++plan.unchanged;
            continue;
        }
        std::string line = "~ " + id + ":";
        for (std::size_t i = 0; i < lines.size(); ++i)
            line += (i ? "; " : " ") + lines[i];
        plan.diff.push_back(line);
        plan.updates.emplace_back(id, std::move(u));
    }
    // A badge or external id may move between people in one roster, but not onto someone who
    // keeps theirs.
    for (const auto& [id, p] : current) {
        if (in_roster.count(id)) continue;
        for (auto [value, after, what] : {std::tuple{p.badge_id, &badge_after, "badge"},
                                          std::tuple{p.external_id, &external_after, "external id"}})
            if (value && after->count(*value))
                plan.issues.push_back({1, 1, 0, what, std::string(what) + " '" + *value + "' of " +
                                                          after->at(*value) + " already belongs to " + id +
                                                          ", who is not in the roster"});
    }
    if (deactivate_missing)
        for (const auto& [id, p] : current)
            if (!in_roster.count(id) && p.active) {
                plan.deactivations.push_back(id);
                plan.diff.push_back("- " + id + " (" + p.display_name + ", " + role_name(p.role) + "): deactivated");
            }
    // Leads before and after: a roster that would leave no active lead is refused unless forced.
    std::size_t leads_before = 0, leads_after = 0;
    for (const auto& [id, p] : current) {
        if (!p.active || p.role != Role::Lead) continue;
        ++leads_before;
    }
    for (const auto& [id, p] : current) {
        bool active = p.active;
        Role role = p.role;
        for (const auto& [uid, u] : plan.updates)
            if (uid == id) {
                if (u.role) role = *u.role;
                if (u.active) active = *u.active;
            }
        if (std::find(plan.deactivations.begin(), plan.deactivations.end(), id) != plan.deactivations.end())
            active = false;
        if (active && role == Role::Lead) ++leads_after;
    }
    for (const auto& p : plan.adds)
        if (p.role == Role::Lead) ++leads_after;
    plan.removes_every_lead = leads_before > 0 && leads_after == 0;
    std::stable_sort(plan.issues.begin(), plan.issues.end(),
                     [](const csv::Issue& a, const csv::Issue& b) { return a.row < b.row; });
    return plan;
}

// [SECTION] Applying -------------------------------------------------------------------------------

void apply_roster_sync(PeopleService& people, store::EventStore& events, const Actor& actor,
                       const RosterSyncPlan& plan, const std::string& source, bool force) {
    require_admin(actor, "sync the roster");
    if (!plan.ok()) throw PeopleError("the roster has problems; nothing was changed");
    if (plan.removes_every_lead && !force)
        throw PeopleError("this roster would leave no active lead (every lead deactivated or "
                          "demoted); nothing was changed. Check the file, or pass --force");
    store::Transaction tx(events.db());
    // Deactivations first: a badge or external id freed by someone leaving may be reused.
    for (const auto& id : plan.deactivations)
        people.deactivate(actor, id);
    // Updates that clear or change badges and external ids before additions that take them.
    for (const auto& [id, u] : plan.updates)
        people.update_person(actor, id, u);
    for (const auto& p : plan.adds)
        people.add(actor, p);
    events.append({"people.synced", actor.person_id,
                   {{"actor", actor.label()}, {"source", source}, {"added", plan.adds.size()},
                    {"updated", plan.updates.size()}, {"deactivated", plan.deactivations.size()},
                    {"forced", plan.removes_every_lead && force}}});
    tx.commit();
}

} // namespace trainer::identity
