// store::ReadSnapshot: one read transaction around a many-statement figure (the lead dashboard).
// It must end when it goes out of scope (else the kiosk's next write would find a transaction
// open), leave a caller's own transaction alone, and show one state of the file while it lasts.
#include "trainer/store/read_snapshot.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <unistd.h>

using namespace trainer;

// Named, not anonymous: the unity build puts several test files in one unit.
namespace read_snapshot_test {

std::int64_t count_teams(store::Database& db) {
    auto st = db.prepare("SELECT count(*) FROM teams");
    st.step();
    return st.int64(0);
}

void add_team(store::Database& db, const std::string& id) {
    auto st = db.prepare("INSERT INTO teams (id, name) VALUES (?1, ?1)");
    st.bind(1, id);
    st.run();
}

} // namespace read_snapshot_test

TEST_CASE("a read snapshot sees one state of the file and ends with its scope", "[store]") {
    using namespace read_snapshot_test;
    const auto dir = std::filesystem::temp_directory_path() / ("read_snapshot_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        store::OpenOptions o;
        o.create_if_missing = true;
        auto reader = store::Database::open(dir / "t.db", o);
        auto writer = store::Database::open(dir / "t.db");
        add_team(writer, "north");
        {
            const store::ReadSnapshot snapshot(reader);
            CHECK(sqlite3_get_autocommit(reader.handle()) == 0);
            CHECK(count_teams(reader) == 1);
            add_team(writer, "south"); // another connection writes meanwhile (WAL: not blocked)
            CHECK(count_teams(reader) == 1);
        }
        CHECK(sqlite3_get_autocommit(reader.handle()) != 0);
        CHECK(count_teams(reader) == 2);
        store::Transaction tx(reader); // the connection can write again
        add_team(reader, "east");
        tx.commit();
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("a read snapshot inside the caller's transaction leaves it open and its work kept", "[store]") {
    using namespace read_snapshot_test;
    auto db = store::Database::open_memory();
    store::Transaction tx(db);
    add_team(db, "north");
    { const store::ReadSnapshot snapshot(db); }
    CHECK(sqlite3_get_autocommit(db.handle()) == 0);
    tx.commit();
    CHECK(count_teams(db) == 1);
}
