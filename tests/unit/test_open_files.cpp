// A second connection opened in the same process must not cost the first its locks
// (trainer/store/open_files.hpp): otherwise another program's sqlite3, exiting as it thinks the
// last user of the file, checkpoints and deletes the WAL, and this process goes on committing into
// a deleted file — lost for every other reader (issue 16 point 8).
#include "trainer/store/database.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace trainer;

namespace {

// What another program (the sqlite3 shell) reads from the file.
std::string read_elsewhere(const std::filesystem::path& db, const std::string& sql) {
    const std::string cmd = "sqlite3 '" + db.string() + "' \"" + sql + "\" 2>&1";
    std::string out;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
        char buf[256];
        while (std::fgets(buf, sizeof buf, p)) out += buf;
        ::pclose(p);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

} // namespace

TEST_CASE("a database file opened twice in one process keeps its write-ahead log when another program exits",
          "[store][open-files]") {
    test::TempDir dir;
    const auto path = dir / "k.db";
    store::OpenOptions create;
    create.create_if_missing = true;
    store::Database kiosk = store::Database::open(path, create);
    kiosk.exec("CREATE TABLE probe (x INTEGER)");
    kiosk.exec("INSERT INTO probe VALUES (1)");
    // A second connection of the same process (the grade writer's), opened and closed again.
    { store::Database writer = store::Database::open(path); }
    // Another program reads and exits.
    REQUIRE(read_elsewhere(path, "SELECT count(*) FROM probe") == "1");
    CHECK(std::filesystem::exists(path.string() + "-wal")); // still in use by this process
    // What this process commits next is where every other reader looks.
    kiosk.exec("INSERT INTO probe VALUES (2)");
    CHECK(read_elsewhere(path, "SELECT group_concat(x) FROM probe") == "1,2");
}

TEST_CASE("a damaged file is still refused when no connection of this process has it open", "[store][open-files]") {
    test::TempDir dir;
    const auto path = dir / "k.db";
    {
        store::OpenOptions create;
        create.create_if_missing = true;
        store::Database db = store::Database::open(path, create);
    } // closed: the next open checks the header again
    std::filesystem::resize_file(path, 100);
    CHECK_THROWS_WITH(store::Database::open(path), Catch::Contains(path.string()) && Catch::Contains("truncated"));
}
