// PeopleService: the people CSV import, all-or-nothing (split from people.cpp: one idea per file).
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
