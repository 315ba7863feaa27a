// [SECTION] PINs
// [SECTION] Login and throttling
// [SECTION] CSV import
// [SECTION] Export and erase
// [SECTION] CLI smoke
#include "support.hpp"

#include "trainer/app/projections.hpp"
#include "trainer//core/time.hpp"
#include "trainer/identity/audit.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/identity/person_data.hpp"
#include "trainer/store/projection.hpp"
#include "trainer/store/events.hpp"

#include <catch2/catch.hpp>

using namespace trainer;
using namespace trainer::identity;

namespace {

const TimeMs kStart = *parse_iso_ms("2024-03-18T09:00:00Z");
const std::string kCsvDir = std::string(TRAINER_TEST_DATA) + "/csv/people/";

struct World {
    store::Database db;
    FixedClock clock{kStart};
    store::EventStore events{db, clock, "kiosk-test"};
    PeopleService people{db, events};
    explicit World(store::Database d = store::Database::open_memory()) : db(std::move(d)) {}

    void add(const std::string& id, const std::string& name, Role role,
             const std::string& team = "", std::optional<std::string> badge = std::nullopt) {
        NewPerson p;
        p.id = id;
        p.display_name = name;
        p.role = role;
        if (!team.empty()) p.teams = {team};
        p.badge_id = std::move(badge);
        people.add(cli_admin(), p);
    }
    AuthService auth() { return AuthService(db, events, clock, {{}, minimum_pin_cost()}); }
};

std::int64_t count(store::Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.int64(0);
}

store::Database create_file(const std::filesystem::path& p) {
    store::OpenOptions o;
    o.create_if_missing = true;
    return store::Database::open(p, o);
}

} // namespace

// [SECTION] PINs -------------------------------------------------------------------------------

TEST_CASE("a PIN hashes to Argon2id and verifies only with the same digits") {
    const std::string h = hash_pin("4821", minimum_pin_cost());
    CHECK(h.starts_with("$argon2id$"));
    CHECK(h.find("4821") == std::string::npos);
    CHECK(verify_pin(h, "4821"));
    CHECK_FALSE(verify_pin(h, "4822"));
    CHECK_FALSE(verify_pin(h, "48a1"));
    CHECK_FALSE(verify_pin("garbage", "4821"));
}

TEST_CASE("a hash made with weaker parameters needs a rehash and the default one does not") {
    const std::string weak = hash_pin("4821", minimum_pin_cost());
    CHECK(pin_needs_rehash(weak, default_pin_cost()));
    CHECK_FALSE(pin_needs_rehash(weak, minimum_pin_cost()));
    CHECK(default_pin_cost().opslimit >= 2);
    CHECK(default_pin_cost().memlimit >= 19u * 1024 * 1024);
    CHECK_THROWS_AS(hash_pin("4821", {1, 8u * 1024 * 1024}), PinError);
}

TEST_CASE("PINs must be 4 to 8 digits") {
    CHECK(pin_problem("123") == "a PIN has at least 4 digits");
    CHECK(pin_problem("123456789") == "a PIN has at most 8 digits");
    CHECK(pin_problem("12a4") == "a PIN has digits only (0-9)");
    CHECK(pin_problem("") == "enter a PIN (4 to 8 digits)");
    CHECK_FALSE(pin_problem("0000"));
    CHECK_FALSE(pin_problem("12345678"));
    CHECK_THROWS_WITH(hash_pin("12 4"), "a PIN has digits only (0-9)");
}

// [SECTION] Login and throttling ----------------------------------------------------------------

TEST_CASE("a wrong PIN and an unknown badge get the same answer") {
    World w;
    w.add("anna.k", "Anna Kowalska", Role::Agent, "North", "B-1");
    w.people.set_pin(cli_admin(), "anna.k", "4826", minimum_pin_cost());
    auto auth = w.auth();
    const LoginResult wrong = auth.login_by_badge("B-1", "9999");
    const LoginResult unknown = auth.login_by_badge("B-404", "9999");
    CHECK(wrong.status == LoginStatus::Rejected);
    CHECK(unknown.status == wrong.status);
    CHECK(unknown.retry_after_ms == wrong.retry_after_ms);
    CHECK(unknown.person.has_value() == wrong.person.has_value());
    const LoginResult ok = auth.login_by_badge("B-1", "4826");
    REQUIRE(ok.status == LoginStatus::Ok);
    CHECK(ok.person->display_name == "Anna Kowalska");
    CHECK(w.events.count({.type = "auth.failed"}) == 2);
    CHECK(w.events.count({.type = "auth.login", .person_id = "anna.k"}) == 1);
    auth.logout("anna.k", "idle");
    CHECK(w.events.count({.type = "auth.logout", .person_id = "anna.k"}) == 1);
}

TEST_CASE("no event holds the PIN; its hash travels only in the PIN change and the audit log never shows it") {
    World w;
    w.add("anna.k", "Anna Kowalska", Role::Agent);
    w.people.set_pin(cli_admin(), "anna.k", "73915", minimum_pin_cost());
    auto auth = w.auth();
    auth.login_by_id("anna.k", "73915");
    auth.login_by_id("anna.k", "11111");
    const std::string hash = [&] {
        auto st = w.db.prepare("SELECT pin_hash FROM people");
        st.step();
        return st.text(0);
    }();
    CHECK(count(w.db, "SELECT count(*) FROM events WHERE instr(payload, '73915')") == 0);
    // Issue 12: every device must know the PIN, so the Argon2id hash is in the pin.changed event.
    CHECK(count(w.db, "SELECT count(*) FROM events WHERE instr(payload, '" + hash.substr(30, 20) +
                          "') AND type <> 'pin.changed'") == 0);
    CHECK(count(w.db, "SELECT count(*) FROM events WHERE type = 'pin.changed' AND "
                      "json_extract(payload, '$.hash') = '" + hash + "'") == 1);
    for (const auto& line : list_audit(cli_admin(), w.events)) {
        INFO(line.line);
        CHECK(line.line.find("argon2") == std::string::npos);
    }
}

TEST_CASE("five failures throttle the account with a growing wait that survives a restart and a "
          "reset lifts it") {
    test::TempDir dir;
    const auto file = dir / "t.db";
    {
        World w(create_file(file));
        w.add("anna.k", "Anna Kowalska", Role::Agent, "North");
        w.add("marek.n", "Marek Nowak", Role::Lead, "North");
        w.people.set_pin(cli_admin(), "anna.k", "4826", minimum_pin_cost());
        auto auth = w.auth();
        for (int i = 0; i < 4; ++i)
            CHECK(auth.login_by_id("anna.k", "0000").status == LoginStatus::Rejected);
        const LoginResult fifth = auth.login_by_id("anna.k", "0000");
        CHECK(fifth.status == LoginStatus::Throttled);
        CHECK(fifth.retry_after_ms == 30'000);
        // Even the right PIN waits while locked.
        w.clock.advance_ms(10'000);
        const LoginResult locked = auth.login_by_id("anna.k", "4826");
        CHECK(locked.status == LoginStatus::Throttled);
        CHECK(locked.retry_after_ms == 20'000);
        w.clock.advance_ms(20'000);
        CHECK(auth.login_by_id("anna.k", "0000").retry_after_ms == 60'000); // 6th failure: doubled
        CHECK(w.events.count({.type = "auth.locked"}) == 2);
    }
    World w(store::Database::open(file));
    w.clock.set(kStart + 31'000);
    auto auth = w.auth();
    CHECK(auth.throttle_of("anna.k").failures == 6);
    CHECK(auth.login_by_id("anna.k", "4826").status == LoginStatus::Throttled);
    REQUIRE_THROWS_AS(auth.reset_throttle(actor_for(w.db, "anna.k"), "anna.k"), AccessDenied);
    auth.reset_throttle(actor_for(w.db, "marek.n"), "anna.k");
    CHECK(w.events.count({.type = "auth.reset"}) == 1);
    CHECK(auth.login_by_id("anna.k", "4826").status == LoginStatus::Ok);
    CHECK(auth.throttle_of("anna.k").failures == 0);
}

TEST_CASE("the wait doubles per failure after the fifth and stops at fifteen minutes") {
    const ThrottlePolicy p;
    CHECK(lock_wait_ms(p, 4) == 0);
    CHECK(lock_wait_ms(p, 5) == 30'000);
    CHECK(lock_wait_ms(p, 7) == 120'000);
    CHECK(lock_wait_ms(p, 9) == 480'000);
    CHECK(lock_wait_ms(p, 10) == 900'000);
    CHECK(lock_wait_ms(p, 60) == 900'000);
}

TEST_CASE(
    "a successful login resets the failure count and a rebuild recomputes the same counters") {
    World w;
    w.add("anna.k", "Anna Kowalska", Role::Agent);
    w.add("olga.s", "Olga Smirnova", Role::Agent);
    w.people.set_pin(cli_admin(), "anna.k", "4826", minimum_pin_cost());
    auto auth = w.auth();
    for (int i = 0; i < 3; ++i)
        auth.login_by_id("anna.k", "0000");
    CHECK(auth.login_by_id("anna.k", "4826").status == LoginStatus::Ok);
    for (int i = 0; i < 5; ++i)
        auth.login_by_id("olga.s", "0000"); // no PIN set: still counted
    CHECK(auth.throttle_of("anna.k").failures == 0);
    const ThrottleState before = auth.throttle_of("olga.s");
    CHECK(before.failures == 5);
    store::rebuild(w.db, {auth_throttle_projection()});
    CHECK(auth.throttle_of("olga.s").failures == before.failures);
    CHECK(auth.throttle_of("olga.s").locked_until_ms == before.locked_until_ms);
    CHECK(auth.throttle_of("anna.k").failures == 0);
}

TEST_CASE("an old hash is upgraded on a successful login") {
    World w;
    w.add("anna.k", "Anna Kowalska", Role::Agent);
    w.people.set_pin(cli_admin(), "anna.k", "4826", minimum_pin_cost());
    AuthService stronger(w.db, w.events, w.clock, {{}, {3, std::size_t{20} * 1024 * 1024}});
    const LoginAttempt a = stronger.begin_by_id("anna.k");
    const PinCheck c = stronger.check(a, "4826");
    CHECK(c.matched);
    CHECK_FALSE(c.new_hash.empty());
    CHECK(stronger.finish(a, c).status == LoginStatus::Ok);
    auto st = w.db.prepare("SELECT pin_hash FROM people WHERE id = 'anna.k'");
    st.step();
    CHECK(st.text(0) == c.new_hash);
    CHECK_FALSE(pin_needs_rehash(st.text(0), {3, std::size_t{20} * 1024 * 1024}));
    CHECK(w.auth().login_by_id("anna.k", "4826").status == LoginStatus::Ok);
}

TEST_CASE("a deactivated person with the right PIN is told they are inactive and does not log in") {
    World w;
    w.add("anna.k", "Anna Kowalska", Role::Agent);
    w.people.set_pin(cli_admin(), "anna.k", "4826", minimum_pin_cost());
    w.people.deactivate(cli_admin(), "anna.k");
    CHECK(w.auth().login_by_id("anna.k", "4826").status == LoginStatus::Inactive);
    CHECK(w.auth().login_by_id("anna.k", "1235").status == LoginStatus::Rejected);
    CHECK(w.people.roster().empty());
}

// [SECTION] CSV import --------------------------------------------------------------------------

TEST_CASE("a people CSV with BOM, semicolons, quotes and CRLF imports people, teams and leads") {
    World w;
    const ImportResult r =
        w.people.import_csv_file(cli_admin(), kCsvDir + "good_bom_semicolon_crlf.csv");
    INFO((r.issues.empty() ? "" : trainer::csv::to_string(r.issues[0])));
    REQUIRE(r.ok());
    CHECK(r.imported == 4);
    CHECK(r.teams_created == 2);
    const auto anna = read_person(w.db, "anna.k");
    REQUIRE(anna);
    CHECK(anna->display_name == "Kowalska; Anna");
    CHECK(anna->locale == "pl");
    CHECK(anna->badge_id == "B-1");
    CHECK(anna->hire_date == "2024-03-18");
    CHECK(anna->teams == std::vector<std::string>{"team-north"});
    CHECK(read_person(w.db, "sean.o")->display_name == "O\"Brien, Se\xc3\xa1n");
    CHECK(read_person(w.db, "marta.l")->led_teams ==
          std::vector<std::string>{"team-north", "team-south"});
    CHECK(w.events.count({.type = "people.imported"}) == 1);
    const ImportResult r2 = w.people.import_csv_file(cli_admin(), kCsvDir + "good_comma_lf.csv");
    REQUIRE(r2.ok());
    CHECK(read_person(w.db, "ala.m")->locale == "en");
}

TEST_CASE("a CSV with bad rows imports nothing and reports every bad row with its column") {
    World w;
    w.add("existing", "Someone", Role::Admin);
    const auto before = count(w.db, "SELECT count(*) FROM events");
    const ImportResult r = w.people.import_csv_file(cli_admin(), kCsvDir + "bad_rows.csv");
    CHECK_FALSE(r.ok());
    CHECK(r.imported == 0);
    std::vector<std::string> lines;
    for (const auto& i : r.issues)
        lines.push_back(trainer::csv::to_string(i));
    const std::string all = Catch::Detail::stringify(lines);
    INFO(all);
    CHECK_THAT(all, Catch::Contains("row 3 (line 3), column 3 (role): unknown role 'boss'"));
    CHECK_THAT(all, Catch::Contains("row 4 (line 4), column 5 (locale): unknown locale 'de'"));
    CHECK_THAT(all,
               Catch::Contains("row 5 (line 5), column 8 (hire_date): '2024-02-30' is not a date"));
    CHECK_THAT(all, Catch::Contains(
                        "row 6 (line 6), column 6 (badge): duplicate badge 'D-1' (also on row 2)"));
    CHECK_THAT(all, Catch::Contains(
                        "row 7 (line 7), column 1 (id): duplicate id 'ok.one' (also on row 2)"));
    CHECK_THAT(all, Catch::Contains("row 8 (line 8), column 1 (id): 'Bad Id' is not a valid id"));
    CHECK_THAT(all, Catch::Contains("row 9 (line 9), column 2 (name): a name is required"));
    CHECK_THAT(all, Catch::Contains("row 10 (line 10): expected 8 fields"));
    CHECK(r.issues.size() == 8);
    CHECK(count(w.db, "SELECT count(*) FROM people") == 1);
    CHECK(count(w.db, "SELECT count(*) FROM teams") == 0);
    CHECK(count(w.db, "SELECT count(*) FROM events") == before);
}

TEST_CASE(
    "a CSV missing a column or with a broken quote is refused without touching the database") {
    World w;
    const ImportResult missing =
        w.people.import_csv_file(cli_admin(), kCsvDir + "missing_column.csv");
    REQUIRE(missing.issues.size() == 1);
    CHECK_THAT(trainer::csv::to_string(missing.issues[0]), Catch::Contains("missing column role"));
    CHECK(w.people.import_csv_file(cli_admin(), kCsvDir + "unterminated.csv").issues.size() == 1);
    CHECK(w.people.import_csv_file(cli_admin(), kCsvDir + "invalid_utf8.csv").issues.size() == 1);
    CHECK(count(w.db, "SELECT count(*) FROM people") == 0);
    CHECK(count(w.db, "SELECT count(*) FROM events") == 0);
}

TEST_CASE("a badge already in the database is reported as a duplicate and the file is refused") {
    World w;
    REQUIRE(w.people.import_csv_file(cli_admin(), kCsvDir + "good_bom_semicolon_crlf.csv").ok());
    const ImportResult r = w.people.import_csv_file(cli_admin(), kCsvDir + "badge_taken.csv");
    REQUIRE(r.issues.size() == 1);
    CHECK(trainer::csv::to_string(r.issues[0]) ==
          "row 2 (line 2), column 6 (badge): badge 'B-1' already exists in the database");
    CHECK_FALSE(read_person(w.db, "new.person"));
}

TEST_CASE("only an admin may import or add people") {
    World w;
    w.add("anna.k", "Anna Kowalska", Role::Agent, "North");
    w.add("marek.n", "Marek Nowak", Role::Lead, "North");
    CHECK_THROWS_AS(
        w.people.import_csv_file(actor_for(w.db, "marek.n"), kCsvDir + "good_comma_lf.csv"),
        AccessDenied);
    CHECK_THROWS_AS(w.people.add(actor_for(w.db, "anna.k"), {"x.y", "X Y"}), AccessDenied);
    CHECK_THROWS_WITH(w.people.add(cli_admin(), {"anna.k", "Again"}),
                      Catch::Contains("'anna.k' already exists"));
}

// [SECTION] Export and erase --------------------------------------------------------------------

TEST_CASE("an export holds the person's profile and every event by or about them, and is audited") {
    World w;
    w.add("anna.k", "Anna Kowalska", Role::Agent, "North", "B-1");
    w.add("olga.s", "Olga Smirnova", Role::Agent, "North");
    w.people.set_pin(cli_admin(), "anna.k", "4826", minimum_pin_cost());
    w.auth().login_by_id("anna.k", "4826");
    w.events.record({"card.reviewed", "anna.k", {{"card", "greeting"}, {"card_version", 1}, {"rating", 3}}});
    w.events.record({"card.reviewed", "olga.s", {{"card", "greeting"}, {"grade", 2}}});
    const auto j = export_person(cli_admin(), w.events, "anna.k");
    CHECK(j["person"]["display_name"] == "Anna Kowalska");
    CHECK_FALSE(j["person"].contains("pin_hash"));
    std::vector<std::string> types;
    for (const auto& e : j["events"])
        types.push_back(e["type"]);
    CHECK(types == std::vector<std::string>{"person.added", "people.team_member_added",
                                            "pin.changed", "auth.login", "card.reviewed"});
    CHECK(w.events.count({.type = "person.exported"}) == 1);
    CHECK_THROWS_AS(export_person(actor_for(w.db, "olga.s"), w.events, "anna.k"), AccessDenied);
    CHECK_THROWS_WITH(export_person(cli_admin(), w.events, "nobody"),
                      Catch::Contains("no person with id 'nobody'"));
}

TEST_CASE("erasing a person leaves no trace of their name in the raw database and WAL bytes") {
    test::TempDir dir;
    const auto file = dir / "t.db";
    World w(create_file(file));
    w.add("anna.k", "Anna Kowalska", Role::Agent, "North", "BADGE-7731");
    w.add("olga.s", "Olga Smirnova", Role::Agent, "North");
    w.people.set_pin(cli_admin(), "anna.k", "4826", minimum_pin_cost());
    w.auth().login_by_id("anna.k", "4826");
    w.events.record({"card.reviewed", "anna.k", {{"card", "greeting"}, {"card_version", 1}, {"rating", 3}}});
    w.events.record(
        {"onboarding.scenario_answered", "anna.k",
         {{"person", "anna.k"}, {"module", "a1"}, {"version", 1}, {"attempt", 1}, {"scenario", "s1"},
          {"option", "o1"}, {"value", 1}, {"reflection", "I learnt that Kowalska ..."}}});
    w.events.record(
        {"lead.note", "olga.s", {{"person", "anna.k"}, {"note", "Anna Kowalska did well"}}});
    const auto unrelated =
        w.events.record({"lead.note", "olga.s", {{"person", "olga.s"}, {"note", "Calm and kind"}}});
    const bool before = test::read_file(file).find("Kowalska") != std::string::npos ||
                        test::read_file(dir / "t.db-wal").find("Kowalska") != std::string::npos;
    REQUIRE(before);

    const ErasureResult r = erase_person(cli_admin(), w.events, "anna.k", app::all_projections());
    CHECK(r.wal_truncated);
    CHECK(r.events_rewritten >= 6);
    for (const char* secret : {"Kowalska", "BADGE-7731", "anna.k"}) {
        INFO(secret);
        CHECK(test::read_file(file).find(secret) == std::string::npos);
        CHECK(test::read_file(dir / "t.db-wal").find(secret) == std::string::npos);
    }
    // Issue 12 §5: their events and derived rows are gone (a tombstone stays), not pseudonymised.
    CHECK(w.events.count({.type = "card.reviewed"}) == 0);
    CHECK(count(w.db, "SELECT count(*) FROM team_members") == 1); // Olga's
    CHECK(count(w.db, "SELECT count(*) FROM people") == 1);
    CHECK(count(w.db, "SELECT count(*) FROM erased_people") == 1);
    CHECK_FALSE(store::meta_get(w.db, "erase_in_progress"));
    CHECK(w.events.find(unrelated.id)->payload == unrelated.payload); // other people's notes stay
    CHECK(w.events.count({.type = "lead.note", .person_id = "olga.s"}) == 1);
    CHECK(w.events.count({.type = "person.erased"}) == 1);
    auto integrity = w.db.prepare("PRAGMA integrity_check");
    integrity.step();
    CHECK(integrity.text(0) == "ok");
    // Events are append-only again once the erasure has committed.
    CHECK_THROWS(w.db.exec("UPDATE events SET type = 'x'"));
}

TEST_CASE("only an admin may erase, and an unknown id changes nothing") {
    World w;
    w.add("anna.k", "Anna Kowalska", Role::Agent, "North");
    w.add("marek.n", "Marek Nowak", Role::Lead, "North");
    const auto before = count(w.db, "SELECT count(*) FROM events");
    CHECK_THROWS_AS(erase_person(actor_for(w.db, "marek.n"), w.events, "anna.k", app::all_projections()), AccessDenied);
    CHECK_THROWS_AS(erase_person(cli_admin(), w.events, "nobody", app::all_projections()), PeopleError);
    CHECK(count(w.db, "SELECT count(*) FROM events") == before);
    CHECK(read_person(w.db, "anna.k"));
}

TEST_CASE("the audit log lists sensitive events as readable lines, for admins only") {
    World w;
    w.add("anna.k", "Anna Kowalska", Role::Agent, "North");
    w.add("olga.s", "Olga Smirnova", Role::Agent, "North");
    w.clock.advance_ms(kMsPerDay);
    w.people.deactivate(cli_admin(), "anna.k");
    w.events.record({"card.reviewed", "anna.k", {{"card", "greeting"}}});
    const auto all = list_audit(cli_admin(), w.events);
    CHECK(all.size() == 6); // 2 added, 1 team created, 2 joined, 1 deactivated
    const auto recent = list_audit(cli_admin(), w.events, kStart + kMsPerDay);
    REQUIRE(recent.size() == 1);
    CHECK(recent[0].line == "2024-03-19T09:00:00.000Z  person.deactivated  by=-  actor=cli  "
                            "person=anna.k  kiosk=kiosk-test");
    CHECK_THROWS_AS(list_audit(actor_for(w.db, "olga.s"), w.events), AccessDenied);
}

// [SECTION] CLI smoke ---------------------------------------------------------------------------

TEST_CASE(
    "the people, pin, audit and person commands work end to end and refuse bad input clearly") {
    test::TempDir dir;
    const std::string db = " --db " + (dir / "t.db").string();
    const std::string bin = std::string(TRAINER_BIN_DIR) + "/trainer ";
    std::string out;
    REQUIRE(test::run_command(bin + "init" + db, &out) == 0);
    REQUIRE(test::run_command(bin + "people import " + kCsvDir + "good_bom_semicolon_crlf.csv" + db,
                              &out) == 0);
    CHECK_THAT(out, Catch::Contains("imported 4 people"));
    CHECK(test::run_command(bin + "people import " + kCsvDir + "bad_rows.csv" + db, &out) == 1);
    CHECK_THAT(out, Catch::Contains("nothing imported; 8 problems") &&
                        Catch::Contains("unknown role 'boss'"));
    CHECK(test::run_command(bin + "people add zoe.k --name 'Zoe K' --role boss" + db, &out) == 2);
    CHECK_THAT(out, Catch::Contains("unknown role 'boss'"));
    REQUIRE(test::run_command(
                bin +
                    "people add zoe.k --name 'Zoe K' --role agent --team 'Team North' --badge Z-1" +
                    db,
                &out) == 0);
    CHECK(test::run_command("echo 12a4 | " + bin + "pin set zoe.k" + db, &out) == 1);
    CHECK_THAT(out, Catch::Contains("digits only"));
    CHECK(test::run_command("echo 4821 | " + bin + "pin set nobody" + db, &out) == 1);
    CHECK_THAT(out, Catch::Contains("no person with id 'nobody'"));
    REQUIRE(test::run_command("echo 4821 | " + bin + "pin set zoe.k" + db, &out) == 0);
    REQUIRE(test::run_command(bin + "people list --json" + db, &out) == 0);
    CHECK_THAT(out, Catch::Contains("\"has_pin\": true") && Catch::Contains("Kowalska; Anna"));
    REQUIRE(test::run_command(bin + "auth reset zoe.k" + db, &out) == 0);
    REQUIRE(test::run_command(bin + "audit --since 2000-01-01" + db, &out) == 0);
    CHECK_THAT(out, Catch::Contains("pin.changed") && Catch::Contains("auth.reset") &&
                        Catch::Contains("people.imported"));
    CHECK(out.find("4821") == std::string::npos);
    CHECK(test::run_command(bin + "audit --since yesterday" + db, &out) == 2);

    CHECK(test::run_command(bin + "person export zoe.k --out /nonexistent/dir/zoe.json" + db,
                            &out) == 1);
    CHECK_THAT(out, Catch::Contains("/nonexistent/dir/zoe.json: cannot write"));
    REQUIRE(test::run_command(bin + "person export zoe.k --out " + (dir / "zoe.json").string() + db,
                              &out) == 0);
    const auto j = nlohmann::json::parse(test::read_file(dir / "zoe.json"));
    CHECK(j["person"]["id"] == "zoe.k");
    CHECK_FALSE(std::filesystem::exists(dir / "zoe.json.partial"));

    CHECK(test::run_command(bin + "person erase zoe.k" + db, &out) == 2);
    CHECK_THAT(out, Catch::Contains("--yes"));
    REQUIRE(test::run_command(bin + "person erase zoe.k --yes" + db, &out) == 0);
    CHECK(test::read_file(dir / "t.db").find("Zoe K") == std::string::npos);
    CHECK(test::run_command(bin + "people deactivate nobody" + db, &out) == 1);
    CHECK_THAT(out, Catch::Contains("no person with id 'nobody'"));
}
