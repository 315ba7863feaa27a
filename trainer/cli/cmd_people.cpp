// [SECTION] people import|add|list|deactivate|seed-demo
// [SECTION] pin set, auth reset, audit
// [SECTION] person export|erase
// [SECTION] Registrations
//
// trainer people import|add|list|deactivate|seed-demo, pin set, auth reset, audit,
// person export|erase. The CLI is the admin's tool: it acts as admin, and every change is audited
// with actor "cli".
#include "trainer/cli/cli.hpp"

#include "trainer/core/text_policy.hpp"
#include "trainer/store/audit_chain.hpp"
#include "trainer/cli/private_file.hpp"
#include "trainer/core/time.hpp"
#include "trainer/identity/audit.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/identity/demo_people.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/identity/person_data.hpp"
#include "trainer/app/projections.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <unistd.h>

namespace trainer::cli {
namespace {

using namespace trainer::identity;

// The database plus the services' dependencies, opened once per command.
struct Session {
    store::Database db;
    SystemClock clock;
    store::EventStore events;
    explicit Session(const Args& a) : db(open_db(a)), events(db, clock, store::kiosk_id_of(db)) {}
};

// [SECTION] people import|add|list|deactivate|seed-demo -----------------------------------------

int cmd_import(const Args& a, Io& io) {
    const std::string file = a.arg(0, "the CSV file to import (FILE.csv, or - for standard input)");
    const std::string text = csv::read_input_text(file, a.value("encoding"), io.in);
    Session s(a);
    PeopleService people(s.db, s.events);
    const ImportResult r = people.import_csv_text(
        cli_admin(), text, file == "-" ? "stdin" : std::filesystem::path(file).filename().string());
    if (!r.ok()) {
        io.err << file << ": nothing imported; " << r.issues.size() << " problem"
               << (r.issues.size() == 1 ? "" : "s") << ":\n";
        for (const auto& i : r.issues)
            io.err << "  " << csv::to_string(i) << "\n";
        return 1;
    }
    io.out << "imported " << r.imported << " people (" << r.teams_created << " new teams) from "
           << file << "\n";
    return 0;
}

int cmd_add(const Args& a, Io& io) {
    NewPerson p;
    p.id = a.arg(0, "the person's id (ID)");
    const auto name = a.value("name");
    const auto role = a.value("role");
    if (!name) throw UsageError("--name is required");
    if (!role) throw UsageError("--role is required (agent, lead or admin)");
    p.display_name = *name;
    const auto parsed = parse_role(*role);
    if (!parsed) throw UsageError("unknown role '" + *role + "' (expected agent, lead or admin)");
    p.role = *parsed;
    if (auto t = a.value("team")) p.teams = {*t};
    if (auto l = a.value("locale")) p.locale = *l;
    p.badge_id = a.value("badge");
    p.external_id = a.value("external-id");
    p.hire_date = a.value("hire-date");
    Session s(a);
    PeopleService people(s.db, s.events);
    const Person added = people.add(cli_admin(), p);
    io.out << "added " << role_name(added.role) << " " << added.id << " (" << added.display_name
           << ")\n";
    if (!added.has_pin) io.out << "set their PIN with: trainer pin set " << added.id << "\n";
    return 0;
}

nlohmann::json person_json(const Person& p) {
    auto opt = [](const std::optional<std::string>& v) {
        return v ? nlohmann::json(*v) : nlohmann::json();
    };
    return {{"id", p.id},
            {"name", p.display_name},
            {"role", role_name(p.role)},
            {"locale", p.locale},
            {"badge", opt(p.badge_id)},
            {"external_id", opt(p.external_id)},
            {"hire_date", opt(p.hire_date)},
            {"active", p.active},
            {"has_pin", p.has_pin},
            {"teams", p.teams},
            {"leads", p.led_teams}};
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : "|") + x;
    return s.empty() ? "-" : s;
}

int cmd_list(const Args& a, Io& io) {
    Session s(a);
    PeopleService people(s.db, s.events);
    const auto list = people.list(cli_admin());
    if (a.flag("json")) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& p : list)
            j.push_back(person_json(p));
        io.out << j.dump(2) << "\n";
        return 0;
    }
    const auto cell = [](const std::string& v) { return text::escape_for_display(v); };
    for (const auto& p : list)
        io.out << cell(p.id) << "\t" << cell(p.display_name) << "\t" << role_name(p.role) << "\t"
               << cell(p.locale) << "\t"
               << cell(p.role == Role::Lead ? "leads " + join(p.led_teams) : join(p.teams))
               << "\t" << (p.active ? "active" : "inactive") << (p.has_pin ? "" : "\tno PIN")
               << "\n";
    if (list.empty()) io.out << "no people yet (trainer people import FILE.csv)\n";
    return 0;
}

int cmd_deactivate(const Args& a, Io& io) {
    const std::string id = a.arg(0, "the person's id (ID)");
    Session s(a);
    PeopleService(s.db, s.events).deactivate(cli_admin(), id);
    io.out << "deactivated " << id << " (their records stay; they can no longer log in)\n";
    return 0;
}

int cmd_seed_demo(const Args& a, Io& io) {
    Session s(a);
    seed_demo_people(s.db, s.events);
    io.out << "demo people ready:\n";
    for (const auto& d : demo_people())
        io.out << "  " << d.id << "\t" << d.role << "\t" << (*d.team ? d.team : "-") << "\tPIN "
               << d.pin << "\tbadge " << d.badge << "\n";
    return 0;
}

// [SECTION] pin set, auth reset, audit ---------------------------------------------------------

int cmd_pin_set(const Args& a, Io& io) {
    const std::string id = a.arg(0, "the person's id (PERSON)");
    Session s(a);
    if (!read_person(s.db, id))
        throw PeopleError("no person with id '" + id + "' (see `trainer people list`)");
    // Read from stdin, never argv: arguments are visible to every user in `ps` and shell history.
    if (isatty(STDIN_FILENO)) io.err << "new PIN for " << id << " (4-8 digits), then Enter: ";
    std::string pin;
    if (!std::getline(io.in, pin)) throw PinError("no PIN on standard input");
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    require_valid_pin(pin);
    PeopleService(s.db, s.events).set_pin(cli_admin(), id, pin);
    std::fill(pin.begin(), pin.end(), '\0');
    io.out << "PIN set for " << id << "\n";
    return 0;
}

int cmd_auth_reset(const Args& a, Io& io) {
    const std::string id = a.arg(0, "the person's id (PERSON)");
    Session s(a);
    AuthService(s.db, s.events, s.clock).reset_throttle(cli_admin(), id);
    io.out << "login throttling reset for " << id << "\n";
    return 0;
}

int cmd_audit(const Args& a, Io& io) {
    std::optional<TimeMs> since;
    if (auto d = a.value("since")) {
        since = parse_date(*d);
        if (!since) since = parse_iso_ms(*d);
        if (!since) throw UsageError("--since '" + *d + "' is not a date (expected YYYY-MM-DD)");
    }
    Session s(a);
    if (a.flag("verify")) {
        const auto report = store::verify_audit_chain(s.db);
        if (!report.ok()) {
            io.err << s.db.path().string() << ": the audit log was tampered with or damaged ("
                   << report.entries << " entries checked):\n";
            for (const auto& p : report.problems) io.err << "  " << text::escape_for_display(p) << "\n";
            io.err << "Keep this file as evidence; compare with the latest backup (trainer backup).\n";
            return 1;
        }
        io.out << s.db.path().string() << ": audit chain intact (" << report.entries << " entries)\n";
        return 0;
    }
    const auto entries = list_audit(cli_admin(), s.events, since);
    for (const auto& e : entries)
        io.out << e.line << "\n";
    if (entries.empty())
        io.out << "no audit events" << (since ? " since " + *a.value("since") : "") << "\n";
    return 0;
}

// [SECTION] person export|erase -----------------------------------------------------------------

int cmd_export(const Args& a, Io& io) {
    const std::string id = a.arg(0, "the person's id (ID)");
    Session s(a);
    if (!read_person(s.db, id))
        throw PeopleError("no person with id '" + id + "' (see `trainer people list`)");
    auto out = a.value("out");
    if (out && *out == "-") out.reset(); // "-": standard output
    int fd = -1;
    std::filesystem::path tmp;
    // Open before exporting, so an unwritable path refuses before anything is audited.
    if (out) fd = open_private_file(*out, &tmp);
    nlohmann::json j;
    try {
        j = export_person(cli_admin(), s.events, id);
    } catch (...) {
        if (fd >= 0) ::close(fd), ::unlink(tmp.c_str());
        throw;
    }
    if (!out) {
        io.out << j.dump(2) << "\n";
        return 0;
    }
    write_private_file(*out, j.dump(2) + "\n", fd, tmp);
    io.out << "exported " << j["events"].size() << " events of " << id << " to " << *out << "\n";
    return 0;
}

int cmd_erase(const Args& a, Io& io) {
    const std::string id = a.arg(0, "the person's id (ID)");
    if (!a.flag("yes"))
        throw UsageError("erasing cannot be undone; add --yes to erase " + id + "'s personal data");
    Session s(a);
    const ErasureResult r = erase_person(cli_admin(), s.events, id, app::all_projections());
    io.out << "erased " << id << ": tombstone " << r.pseudonym << " (" << r.events_rewritten
           << " events removed or scrubbed)\n";
    if (!r.wal_truncated)
        io.err
            << "warning: another program has the database open, so the write-ahead log could not "
               "be "
               "emptied yet; close the kiosk and run `trainer person erase` again or restart it\n";
    return 0;
}

// [SECTION] Registrations -----------------------------------------------------------------------

const Registration kImport{{"people import",
                            "trainer people import FILE.csv|- [--encoding utf-8|cp1250|cp1251|utf-16]",
                            "import people from CSV (all-or-nothing; every bad row reported)",
                            {{"encoding", true}},
                            cmd_import,
                            1}};
const Registration kAdd{
    {"people add",
     "trainer people add ID --name N --role agent|lead|admin [--team T] [--locale en|pl|ru] "
     "[--badge B] [--external-id E] [--hire-date YYYY-MM-DD]",
     "add one person",
     {{"name", true},
      {"role", true},
      {"team", true},
      {"locale", true},
      {"badge", true},
      {"external-id", true},
      {"hire-date", true}},
     cmd_add,
     1}};
const Registration kList{{"people list",
                          "trainer people list [--json]",
                          "list people, teams and roles",
                          {{"json", false}},
                          cmd_list,
                          0}};
const Registration kDeactivate{{"people deactivate",
                                "trainer people deactivate ID",
                                "stop a person from logging in (records kept)",
                                {},
                                cmd_deactivate,
                                1}};
const Registration kSeedDemo{{"people seed-demo",
                              "trainer people seed-demo",
                              "add the demo teams and people (PINs and badges printed)",
                              {},
                              cmd_seed_demo,
                              0}};
const Registration kPinSet{{"pin set",
                            "trainer pin set PERSON  (the PIN is read from standard input)",
                            "set a person's PIN (4-8 digits; stored only as an Argon2id hash)",
                            {},
                            cmd_pin_set,
                            1}};
const Registration kAuthReset{{"auth reset",
                               "trainer auth reset PERSON",
                               "lift a login lockout after failed PIN attempts",
                               {},
                               cmd_auth_reset,
                               1}};
const Registration kAudit{
    {"audit",
     "trainer audit [--since YYYY-MM-DD] [--verify]",
     "print the audit log (logins, lockouts, PIN and people changes, exports, ...); --verify "
     "checks its hash chain and names the first broken link",
     {{"since", true}, {"verify", false}},
     cmd_audit,
     0}};
const Registration kExport{{"person export",
                            "trainer person export ID [--out FILE]",
                            "all of one person's records as JSON (audited)",
                            {{"out", true}},
                            cmd_export,
                            1}};
const Registration kErase{{"person erase",
                           "trainer person erase ID --yes",
                           "remove a person's personal data for good; aggregates stay anonymous",
                           {{"yes", false}},
                           cmd_erase,
                           1}};

} // namespace
} // namespace trainer::cli
