#include "support.hpp"

#include "trainer/core/time.hpp"
#include "trainer/store/database.hpp"
#include "trainer/store/events.hpp"
#include "trainer/store/migrations.hpp"
#include "trainer/store/projection.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace trainer;
using namespace trainer::store;

namespace {

Database create(const std::filesystem::path& p) {
    OpenOptions o;
    o.create_if_missing = true;
    return Database::open(p, o);
}

std::int64_t scalar(Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.int64(0);
}

} // namespace

TEST_CASE("a new database is private, in WAL mode, with full sync and foreign keys") {
    test::TempDir dir;
    auto db = create(dir / "t.db");
    struct stat st {};
    REQUIRE(::stat((dir / "t.db").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto mode = db.prepare("PRAGMA journal_mode");
    mode.step();
    CHECK(mode.text(0) == "wal");
    CHECK(scalar(db, "PRAGMA synchronous") == 2); // FULL
    CHECK(scalar(db, "PRAGMA foreign_keys") == 1);
    CHECK(scalar(db, "PRAGMA application_id") == kApplicationId);
    CHECK(db.user_version() == Database::latest_version());
}

TEST_CASE("opening a missing file without create names the file and creates nothing") {
    test::TempDir dir;
    REQUIRE_THROWS_WITH(Database::open(dir / "missing.db"), Catch::Contains("missing.db") &&
                                                                 Catch::Contains("trainer init"));
    CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
}

TEST_CASE("a file that is not SQLite is refused and left byte-for-byte untouched") {
    test::TempDir dir;
    const std::string text = "name,pin\nana,1234\n";
    test::write_file(dir / "notes.db", text);
    REQUIRE_THROWS_WITH(Database::open(dir / "notes.db"), Catch::Contains("not an SQLite database"));
    CHECK(test::read_file(dir / "notes.db") == text);
    CHECK_FALSE(std::filesystem::exists(dir / "notes.db-wal"));
}

TEST_CASE("a truncated database is refused and left untouched") {
    test::TempDir dir;
    {
        auto db = create(dir / "t.db");
        SystemClock clock;
        EventStore ev(db, clock, "k");
        for (int i = 0; i < 200; ++i) ev.record({"test.filler", "", {{"i", i}}});
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::string bytes = test::read_file(dir / "t.db");
    REQUIRE(bytes.size() > 8192);
    bytes.resize(bytes.size() - 4096);
    test::write_file(dir / "t.db", bytes);
    REQUIRE_THROWS_WITH(Database::open(dir / "t.db"), Catch::Contains("truncated"));
    CHECK(test::read_file(dir / "t.db") == bytes);
}

TEST_CASE("a database from a newer version of the app is refused and left untouched") {
    test::TempDir dir;
    {
        auto db = create(dir / "t.db");
        db.exec("PRAGMA user_version = 999");
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const std::string before = test::read_file(dir / "t.db");
    REQUIRE_THROWS_WITH(Database::open(dir / "t.db"),
                        Catch::Contains("newer version") && Catch::Contains("999"));
    CHECK(test::read_file(dir / "t.db") == before);
}

TEST_CASE("an SQLite database of another application is refused") {
    test::TempDir dir;
    REQUIRE(test::run_command("sqlite3 " + (dir / "other.db").string() +
                              " 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'") == 0);
    const std::string before = test::read_file(dir / "other.db");
    REQUIRE_THROWS_WITH(Database::open(dir / "other.db"), Catch::Contains("another application"));
    CHECK(test::read_file(dir / "other.db") == before);
}

TEST_CASE("migrations run in order and a failing one rolls back to the previous schema") {
    test::TempDir dir;
    const std::vector<Migration> good = {{1, "one", "CREATE TABLE a (x INTEGER) STRICT;"},
                                         {2, "two", "CREATE TABLE b (y INTEGER) STRICT;"}};
    OpenOptions o;
    o.create_if_missing = true;
    o.migrations = &good;
    { CHECK(Database::open(dir / "m.db", o).user_version() == 2); }

    const std::vector<Migration> bad = {
        good[0], good[1],
        {3, "three", "CREATE TABLE c (z INTEGER) STRICT; INSERT INTO a VALUES (1); SELECT * FROM nope;"}};
    o.migrations = &bad;
    REQUIRE_THROWS_WITH(Database::open(dir / "m.db", o),
                        Catch::Contains("migration 3 (three) failed") && Catch::Contains("schema 2"));
    o.migrations = &good;
    auto db = Database::open(dir / "m.db", o);
    CHECK(db.user_version() == 2);
    CHECK(scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'c'") == 0);
    CHECK(scalar(db, "SELECT count(*) FROM a") == 0);
}

TEST_CASE("events are append-only facts with a UUID, person, kiosk, UTC time and payload") {
    auto db = Database::open_memory();
    FixedClock clock(*parse_iso_ms("2026-11-02T09:15:30.250Z"));
    EventStore ev(db, clock, "kiosk-a");
    const Event e = ev.record({"card.looked_up", "ana", {{"card", "greet"}}});
    CHECK(e.id.size() == 36);
    auto back = ev.find(e.id);
    REQUIRE(back);
    CHECK(back->type == "card.looked_up");
    CHECK(back->person_id == "ana");
    CHECK(back->kiosk_id == "kiosk-a");
    CHECK(format_iso_ms(back->at_ms) == "2026-11-02T09:15:30.250Z");
    CHECK(back->payload.string("card") == "greet");
    CHECK_THROWS_WITH(db.exec("UPDATE events SET type = 'x'"), Catch::Contains("append-only"));
    CHECK_THROWS_WITH(db.exec("DELETE FROM events"), Catch::Contains("append-only"));
    CHECK(ev.count() == 1);
}

TEST_CASE("an event with an id that exists is not written twice") {
    auto db = Database::open_memory();
    SystemClock clock;
        EventStore ev(db, clock, "k");
    NewEvent e{"qa.evaluated", "ana", {{"score", 90}}, "maestro-123"};
    CHECK(ev.append_if_absent(e));
    CHECK_FALSE(ev.append_if_absent(e));
    CHECK(ev.count() == 1);
    CHECK_THROWS(ev.append(e));
}

TEST_CASE("a transaction that is not committed leaves no event behind") {
    auto db = Database::open_memory();
    SystemClock clock;
        EventStore ev(db, clock, "k");
    {
        Transaction tx(db);
        ev.append({"card.reviewed", "ana"});
    }
    CHECK(ev.count() == 0);
}

TEST_CASE("events can be filtered by type prefix, person and time") {
    auto db = Database::open_memory();
    FixedClock clock(1000);
    EventStore ev(db, clock, "k");
    ev.record({"auth.login", "ana"});
    clock.set(2000);
    ev.record({"auth.failed", "bob"});
    ev.record({"card.reviewed", "ana"});
    CHECK(ev.count({.type = "auth."}) == 2);
    CHECK(ev.count({.type = "auth.login"}) == 1);
    CHECK(ev.count({.person_id = "ana"}) == 2);
    CHECK(ev.count({.since_ms = 1500}) == 2);
}

TEST_CASE("a backup restores every event and the schema") {
    test::TempDir dir;
    std::vector<std::string> ids;
    {
        auto db = create(dir / "live.db");
        SystemClock clock;
        EventStore ev(db, clock, "k");
        for (int i = 0; i < 50; ++i) ids.push_back(ev.record({"card.reviewed", "ana", {{"i", i}}}).id);
        db.backup_to(dir / "copy.db");
        CHECK_THROWS_WITH(db.backup_to(dir / "copy.db"), Catch::Contains("already exists"));
    }
    struct stat st {};
    REQUIRE(::stat((dir / "copy.db").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto copy = Database::open(dir / "copy.db");
    SystemClock clock;
    EventStore ev(copy, clock, "k");
    CHECK(ev.count() == 50);
    for (const auto& id : ids) CHECK(ev.find(id));
    CHECK(copy.user_version() == Database::latest_version());
}

TEST_CASE("rebuild recomputes derived state from the events, all or nothing") {
    auto db = Database::open_memory();
    db.exec("CREATE TABLE counts (type TEXT PRIMARY KEY, n INTEGER)");
    SystemClock clock;
        EventStore ev(db, clock, "k");
    ev.record({"a"});
    ev.record({"a"});
    ev.record({"b"});
    Projection counter{"counts", [](Database& d) { d.exec("DELETE FROM counts"); },
                       [](Database& d, const Event& e) {
                           d.prepare("INSERT INTO counts VALUES (?1, 1) ON CONFLICT (type) DO "
                                     "UPDATE SET n = n + 1")
                               .bind(1, e.type)
                               .run();
                       }};
    db.exec("INSERT INTO counts VALUES ('stale', 7)");
    const auto stats = rebuild(db, {counter});
    CHECK(stats.events == 3);
    CHECK(scalar(db, "SELECT n FROM counts WHERE type = 'a'") == 2);
    CHECK(scalar(db, "SELECT count(*) FROM counts WHERE type = 'stale'") == 0);

    Projection broken{"broken", [](Database&) {},
                      [](Database&, const Event&) { throw std::runtime_error("bad event"); }};
    CHECK_THROWS(rebuild(db, {counter, broken}));
    CHECK(scalar(db, "SELECT n FROM counts WHERE type = 'a'") == 2);
}
