// [SECTION] Roster sync: add, update, deactivate; diff first; all-or-nothing; audited
// [SECTION] Files as people have them: CP1250, CP1251, UTF-16, tabs, standard input
#include "support.hpp"

#include "trainer/core/time.hpp"
#include "trainer/csv/encoding.hpp"
#include "trainer/identity/roster_sync.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace trainer;
using namespace trainer::identity;

namespace {

const std::string kEncDir = std::string(TRAINER_TEST_DATA) + "/csv/encoding/";

struct World {
    store::Database db = store::Database::open_memory();
    FixedClock clock{*parse_iso_ms("2026-11-20T10:00:00Z")};
    store::EventStore events{db, clock, "kiosk-test"};
    PeopleService people{db, events};
    World() {
        people.add(cli_admin(), {"lena", "Lena Lead", Role::Lead, "en", {"Team North"}, "B-1", "lena@example.com", "2020-01-01"});
        people.add(cli_admin(), {"ann", "Ann Agent", Role::Agent, "en", {"Team North"}, "B-2", "ann@example.com", {}});
        people.add(cli_admin(), {"bob", "Bob Agent", Role::Agent, "en", {"Team North"}, "B-3", {}, {}});
    }
    std::string dump() {
        std::string out;
        for (const char* sql : {"SELECT id || '|' || display_name || '|' || role || '|' || locale || '|' || "
                                "IFNULL(badge_id,'') || '|' || IFNULL(external_id,'') || '|' || "
                                "IFNULL(hire_date,'') || '|' || active FROM people ORDER BY id",
                                "SELECT team_id || '|' || person_id FROM team_members ORDER BY 1",
                                "SELECT team_id || '|' || person_id FROM team_leads ORDER BY 1",
                                "SELECT id || '|' || name FROM teams ORDER BY 1", "SELECT COUNT(*) FROM events"}) {
            auto st = db.prepare(sql);
            while (st.step())
                out += st.text(0) + "\n";
        }
        return out;
    }
    std::int64_t events_of(const std::string& type) { return events.count({.type = type}); }
};

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v)
        s += x + "\n";
    return s;
}

} // namespace

// [SECTION] Roster sync ---------------------------------------------------------------------------

TEST_CASE("a roster sync adds, updates every field and deactivates the missing, showing the diff", "[roster-sync]") {
    World w;
    const auto roster = csv::parse(
        "id,name,role,team,locale,badge,external_id,hire_date\n"
        "lena,Lena Lead,lead,Team North,en,B-1,lena@example.com,2020-01-01\n"          // unchanged
        "ann,Ann Nowak,agent,Team South,pl,B-9,Ann.Nowak@example.com,2024-05-06\n"      // everything changes
        "cara,Cara New,agent,Team South,ru,B-4,cara@example.com,2026-11-02\n");        // new
    const RosterSyncPlan plan = plan_roster_sync(w.people, cli_admin(), roster, true);
    INFO(joined(plan.diff));
    REQUIRE(plan.ok());
    CHECK(plan.adds.size() == 1);
    CHECK(plan.updates.size() == 1);
    CHECK(plan.unchanged == 1);
    REQUIRE(plan.deactivations == std::vector<std::string>{"bob"});
    const std::string diff = joined(plan.diff);
    CHECK_THAT(diff, Catch::Contains("+ cara (Cara New, agent, team Team South)"));
    CHECK_THAT(diff, Catch::Contains("~ ann: name 'Ann Agent' → 'Ann Nowak'; locale en → pl; badge 'B-2' → 'B-9'; "
                                     "external id 'ann@example.com' → 'Ann.Nowak@example.com'; hire date (none) → "
                                     "'2024-05-06'; team team-north → Team South"));
    CHECK_THAT(diff, Catch::Contains("- bob (Bob Agent, agent): deactivated"));
    CHECK_FALSE(plan.removes_every_lead);

    apply_roster_sync(w.people, w.events, cli_admin(), plan, "hr.csv", false);
    const Person ann = *read_person(w.db, "ann");
    CHECK(ann.display_name == "Ann Nowak");
    CHECK(ann.locale == "pl");
    CHECK(ann.badge_id == "B-9");
    CHECK(ann.external_id == "Ann.Nowak@example.com");
    CHECK(ann.hire_date == "2024-05-06");
    CHECK(ann.teams == std::vector<std::string>{"team-south"});
    CHECK_FALSE(read_person(w.db, "bob")->active);
    CHECK(read_person(w.db, "cara")->teams == std::vector<std::string>{"team-south"});
    CHECK(w.events_of("person.updated") == 1);
    CHECK(w.events_of("people.synced") == 1);
    // The same roster again: nothing left to do.
    const auto again = plan_roster_sync(w.people, cli_admin(), roster, true);
    CHECK(again.empty());
    CHECK(again.unchanged == 3);
}

TEST_CASE("a roster sync is all-or-nothing: bad rows change nothing, a failure midway rolls back", "[roster-sync]") {
    World w;
    const std::string before = w.dump();
    const auto bad = plan_roster_sync(w.people, cli_admin(),
                                      csv::parse("id,name,role,locale,hire_date\n"
                                                 "ann,Ann,boss,en,\n"
                                                 "bob,Bob,agent,de,2026-02-30\n"
                                                 "ann,Ann again,agent,en,\n"),
                                      true);
    const std::string text = [&] {
        std::string s;
        for (const auto& i : bad.issues)
            s += csv::to_string(i) + "\n";
        return s;
    }();
    INFO(text);
    CHECK(bad.issues.size() == 4);
    CHECK_THAT(text, Catch::Contains("row 2 (line 2), column 3 (role): unknown role 'boss'"));
    CHECK_THAT(text, Catch::Contains("row 3 (line 3), column 4 (locale): unknown locale 'de'"));
    CHECK_THAT(text, Catch::Contains("row 4 (line 4), column 1 (id): duplicate id 'ann' (also on row 2)"));
    CHECK_THROWS_AS(apply_roster_sync(w.people, w.events, cli_admin(), bad, "hr.csv", false), PeopleError);
    CHECK(w.dump() == before);

    // Two people swapping badges passes the plan but the first update meets the other's badge:
    // the whole sync is rolled back, including changes already made.
    const auto swap = plan_roster_sync(w.people, cli_admin(),
                                       csv::parse("id,name,role,badge\nlena,Lena L.,lead,B-1\n"
                                                  "ann,Ann Renamed,agent,B-3\nbob,Bob,agent,B-2\n"),
                                       false);
    REQUIRE(swap.ok());
    CHECK_THROWS_AS(apply_roster_sync(w.people, w.events, cli_admin(), swap, "hr.csv", false), PeopleError);
    CHECK(w.dump() == before);
}

TEST_CASE("a roster that would deactivate every lead is refused unless forced", "[roster-sync]") {
    World w;
    const auto roster = csv::parse("id,name,role\nann,Ann Agent,agent\nbob,Bob Agent,agent\n");
    const auto plan = plan_roster_sync(w.people, cli_admin(), roster, true);
    REQUIRE(plan.ok());
    CHECK(plan.removes_every_lead);
    const std::string before = w.dump();
    CHECK_THROWS_WITH(apply_roster_sync(w.people, w.events, cli_admin(), plan, "hr.csv", false),
                      Catch::Contains("would leave no active lead"));
    CHECK(w.dump() == before);
    apply_roster_sync(w.people, w.events, cli_admin(), plan, "hr.csv", true);
    CHECK_FALSE(read_person(w.db, "lena")->active);
    // Only an admin may sync.
    CHECK_THROWS_AS(plan_roster_sync(w.people, actor_for(w.db, "ann"), roster, true), AccessDenied);
}

// [SECTION] Files as people have them --------------------------------------------------------------

TEST_CASE("CP1250, CP1251 and UTF-16 files are detected and read as UTF-8; tabs are a delimiter", "[roster-sync][encoding]") {
    std::istringstream none;
    const auto pl = csv::read_input(kEncDir + "people_cp1250.csv", std::nullopt, none);
    CHECK(pl.encoding == "cp1250");
    REQUIRE(pl.ok());
    CHECK(csv::Columns(pl.header).get(pl.rows.at(0), "name") == "Łukasz Żak");
    CHECK(csv::Columns(pl.header).get(pl.rows.at(1), "name") == "Agnieszka Wiśniewska");
    const auto ru = csv::read_input(kEncDir + "people_cp1251.csv", std::nullopt, none);
    CHECK(ru.encoding == "cp1251");
    REQUIRE(ru.ok());
    CHECK(csv::Columns(ru.header).get(ru.rows.at(0), "name") == "Дмитрий Иванов");
    const auto u16 = csv::read_input(kEncDir + "people_utf16_tab.txt", std::nullopt, none);
    CHECK(u16.encoding == "utf-16le");
    CHECK(u16.delimiter == '\t');
    REQUIRE(u16.ok());
    CHECK(u16.header.size() == 8);
    CHECK(csv::Columns(u16.header).get(u16.rows.at(0), "name") == "Maria Kowalczyk");
    // Declared encodings win over detection.
    CHECK(csv::read_input(kEncDir + "people_cp1251.csv", std::string("windows-1251"), none).ok());
    CHECK_THROWS_WITH(csv::read_input(kEncDir + "people_cp1251.csv", std::string("latin-9"), none),
                      Catch::Contains("unknown encoding 'latin-9'"));
}

TEST_CASE("a CP1250 file declared as UTF-8 is refused naming the line and byte, with a hint", "[roster-sync][encoding]") {
    std::istringstream none;
    CHECK_THROWS_WITH(csv::read_input(kEncDir + "people_cp1250.csv", std::string("utf-8"), none),
                      Catch::Contains("line 2, byte 12 of the line") &&
                          Catch::Contains("0xA3 0x75 is not UTF-8") &&
                          Catch::Contains("CP1250 (Excel on Polish Windows): run again with --encoding cp1250"));
}

TEST_CASE("people sync and import read - from standard input in any encoding, from the command line", "[roster-sync][cli]") {
    test::TempDir dir;
    const std::string bin = std::string(TRAINER_BIN_DIR) + "/trainer --db " + (dir / "t.db").string() + " ";
    std::string out;
    REQUIRE(test::run_command(bin + "init", &out) == 0);
    REQUIRE(test::run_command(bin + "people import - < " + kEncDir + "people_cp1251.csv", &out) == 0);
    CHECK_THAT(out, Catch::Contains("imported 2 people"));
    REQUIRE(test::run_command(bin + "people import " + kEncDir + "people_utf16_tab.txt", &out) == 0);
    CHECK(test::run_command(bin + "people import " + kEncDir + "people_cp1250.csv --encoding utf-8", &out) == 1);
    CHECK_THAT(out, Catch::Contains("--encoding cp1250"));
    // A dry run shows the diff and changes nothing.
    CHECK(test::run_command(bin + "people sync - --dry-run --deactivate-missing < " + kEncDir + "people_cp1250.csv", &out) == 0);
    CHECK_THAT(out, Catch::Contains("+ lukasz.zak (Łukasz Żak, agent, team Zespół Północ)"));
    CHECK_THAT(out, Catch::Contains("- dmitrij.ivanov (Дмитрий Иванов, agent): deactivated"));
    CHECK_THAT(out, Catch::Contains("dry run: nothing changed"));
    CHECK(test::run_command(bin + "people list", &out) == 0);
    CHECK_THAT(out, !Catch::Contains("lukasz.zak"));
    // Applied: the audit log records it.
    REQUIRE(test::run_command(bin + "people sync " + kEncDir + "people_cp1250.csv --deactivate-missing", &out) == 0);
    CHECK_THAT(out, Catch::Contains("2 to add, 0 to update, 3 to deactivate"));
    CHECK(test::run_command(bin + "people list", &out) == 0);
    CHECK_THAT(out, Catch::Contains("lukasz.zak\tŁukasz Żak"));
    CHECK(test::run_command(bin + "audit", &out) == 0);
    CHECK_THAT(out, Catch::Contains("people.synced"));
}
