// Files a killed process leaves behind (issue #8; tests/crash/ kills real processes at random,
// these pin down the two states it found, deterministically).
#include "support.hpp"

#include "trainer/store/database.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <string>

using trainer::store::Database;
using trainer::store::OpenOptions;

namespace {

std::uint32_t be32(const std::string& b, std::size_t at) {
    return (std::uint32_t(std::uint8_t(b[at])) << 24) |
           (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
           (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint32_t(std::uint8_t(b[at + 3]));
}

std::int64_t scalar(Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.int64(0);
}

Database create(const std::filesystem::path& p) {
    OpenOptions o;
    o.create_if_missing = true;
    return Database::open(p, o);
}

} // namespace

TEST_CASE(
    "a checkpoint killed after writing page 1 leaves a short file that still opens with every row",
    "[crash]") {
    test::TempDir dir;
    const auto live = dir / "live.db", crashed = dir / "crashed.db";
    constexpr int kRows = 300;
    {
        auto db = create(live);
        db.exec("PRAGMA wal_autocheckpoint = 0");
        db.exec("CREATE TABLE junk (x BLOB)");
        for (int i = 0; i < kRows; ++i)
            db.exec("INSERT INTO junk VALUES (zeroblob(3000))");
        // What a process killed now leaves: the main file as it was, the commits in the WAL.
        std::filesystem::copy_file(live, crashed);
        std::filesystem::copy_file(live.string() + "-wal", crashed.string() + "-wal");
    }
    // A checkpoint copies pages in order, page 1 (holding the new page count) first; killed then,
    // the main file is shorter than its header says while the WAL still holds the rest.
    const std::string wal = test::read_file(crashed.string() + "-wal");
    const std::uint32_t page_size = be32(wal, 8);
    std::string page1;
    for (std::size_t at = 32; at + 24 + page_size <= wal.size(); at += 24 + page_size)
        if (be32(wal, at) == 1) page1 = wal.substr(at + 24, page_size);
    REQUIRE(page1.size() == page_size);
    std::string main_file = test::read_file(crashed);
    main_file.replace(0, page_size, page1);
    test::write_file(crashed, main_file);
    REQUIRE(std::uint64_t(be32(main_file, 28)) * page_size > main_file.size());

    auto db = Database::open(crashed);
    CHECK(scalar(db, "SELECT count(*) FROM junk") == kRows);
    auto st = db.prepare("PRAGMA integrity_check");
    REQUIRE(st.step());
    CHECK(st.text(0) == "ok");
}

TEST_CASE("a database whose creation was killed is made afresh, not refused", "[crash]") {
    test::TempDir dir;
    const auto path = dir / "new.db";
    // The leftovers of a killed `trainer init`: a half-made file beside the one it was building.
    test::write_file(dir / "new.db.creating", "SQLite format 3");
    test::write_file(dir / "new.db.creating-journal", "half a journal");
    {
        auto db = create(path);
        CHECK(db.user_version() == Database::latest_version());
    }
    CHECK_FALSE(std::filesystem::exists(dir / "new.db.creating"));
    CHECK_FALSE(std::filesystem::exists(dir / "new.db.creating-journal"));
    CHECK(Database::open(path).user_version() == Database::latest_version());
}
