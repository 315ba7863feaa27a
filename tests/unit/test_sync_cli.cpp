// Issue 12 §3, §5 as a user meets them: `trainer merge`, `events export/import`, `rebuild --check`
// on demo databases; refusals that change nothing; kill -9 and a full disk during a merge; an
// erasure that holds against a later merge.
#include "support.hpp"

#include "trainer/store/database.hpp"
#include "trainer/sync/merge.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

std::string cli(const std::filesystem::path& db) {
    return std::string(TRAINER_BIN_DIR) + "/trainer --db " + db.string() + " --content " + TRAINER_SOURCE_DIR +
           "/content ";
}

std::int64_t count(const std::filesystem::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    const auto v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return v;
}

void demo(const std::filesystem::path& db, const std::string& org) {
    std::string out;
    REQUIRE(test::run_command(cli(db) + "init --organisation " + org, &out) == 0);
    REQUIRE(test::run_command(cli(db) + "demo create", &out) == 0);
    INFO(out);
    REQUIRE(test::run_command(cli(db) + "rebuild --check", &out) == 0);
}

} // namespace

TEST_CASE("two kiosks' demo histories merge both ways into the same state, and again changes nothing", "[sync][cli][slow]") {
    test::TempDir dir;
    demo(dir / "a.db", "acme");
    demo(dir / "b.db", "acme");
    std::string out;
    REQUIRE(test::run_command(cli(dir / "a.db") + "merge " + (dir / "b.db").string(), &out) == 0);
    INFO(out);
    CHECK(out.find("new") != std::string::npos);
    REQUIRE(test::run_command(cli(dir / "b.db") + "merge " + (dir / "a.db").string(), &out) == 0);
    const auto events_a = count(dir / "a.db", "SELECT count(*) FROM events WHERE type NOT LIKE 'sync.%'");
    CHECK(events_a == count(dir / "b.db", "SELECT count(*) FROM events WHERE type NOT LIKE 'sync.%'"));
    // Again: only b's own audit of its merge (sync.imported) is new; no record twice.
    REQUIRE(test::run_command(cli(dir / "a.db") + "merge " + (dir / "b.db").string(), &out) == 0);
    CHECK(count(dir / "a.db", "SELECT count(*) FROM events WHERE type NOT LIKE 'sync.%'") == events_a);
    CHECK(test::run_command(cli(dir / "a.db") + "rebuild --check", &out) == 0);
    CHECK(test::run_command(cli(dir / "b.db") + "rebuild --check", &out) == 0);
    // The same derived rows on both (the demo people, reviews, phases, QA of both kiosks).
    for (const char* t : {"card_state", "people", "team_members", "onboarding_completions", "qa_evaluations",
                          "change_phase_latest"}) {
        INFO(t);
        const std::string sql = std::string("SELECT count(*) FROM ") + t;
        CHECK(count(dir / "a.db", sql) == count(dir / "b.db", sql));
    }

    // A USB stick: export from a, import into a fresh database of the same organisation.
    REQUIRE(test::run_command(cli(dir / "c.db") + "init --organisation acme", &out) == 0);
    REQUIRE(test::run_command(cli(dir / "a.db") + "events export --out " + (dir / "a.jsonl").string(), &out) == 0);
    REQUIRE(test::run_command(cli(dir / "c.db") + "events import " + (dir / "a.jsonl").string(), &out) == 0);
    CHECK(test::run_command(cli(dir / "c.db") + "rebuild --check", &out) == 0);
    CHECK(count(dir / "c.db", "SELECT count(*) FROM card_state") == count(dir / "a.db", "SELECT count(*) FROM card_state"));
}

TEST_CASE("a merge refuses itself, another organisation, a truncated or newer file, and changes nothing", "[sync][cli][slow]") {
    test::TempDir dir;
    demo(dir / "a.db", "acme");
    demo(dir / "z.db", "zenith");
    const auto before = count(dir / "a.db", "SELECT count(*) FROM events");
    std::string out;
    CHECK(test::run_command(cli(dir / "a.db") + "merge " + (dir / "a.db").string(), &out) == 1);
    CHECK(out.find("is the database being merged into") != std::string::npos);
    CHECK(test::run_command(cli(dir / "a.db") + "merge " + (dir / "z.db").string(), &out) == 1);
    CHECK(out.find("organisation zenith") != std::string::npos);

    // A copy cut in half.
    const auto bytes = test::read_file(dir / "a.db");
    test::write_file(dir / "cut.db", bytes.substr(0, bytes.size() / 2));
    CHECK(test::run_command(cli(dir / "a.db") + "merge " + (dir / "cut.db").string(), &out) == 1);
    CHECK(out.find("refused, nothing changed") != std::string::npos);

    // A file from a newer version of the app.
    REQUIRE(test::run_command(cli(dir / "a.db") + "backup " + (dir / "newer.db").string(), &out) == 0);
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open((dir / "newer.db").c_str(), &h) == SQLITE_OK);
    REQUIRE(sqlite3_exec(h, "PRAGMA user_version = 999", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
    CHECK(test::run_command(cli(dir / "a.db") + "merge " + (dir / "newer.db").string(), &out) == 1);
    CHECK(out.find("newer version") != std::string::npos);

    // An events file with one line cut off the end.
    REQUIRE(test::run_command(cli(dir / "a.db") + "events export --out " + (dir / "a.jsonl").string(), &out) == 0);
    auto text = test::read_file(dir / "a.jsonl");
    test::write_file(dir / "cut.jsonl", text.substr(0, text.rfind('\n', text.size() - 2) + 1));
    CHECK(test::run_command(cli(dir / "a.db") + "events import " + (dir / "cut.jsonl").string(), &out) == 1);
    CHECK(out.find("cut short") != std::string::npos);

    CHECK(count(dir / "a.db", "SELECT count(*) FROM events") == before);
}

TEST_CASE("a full disk during a merge changes nothing, and the merge completes once there is room", "[sync][slow]") {
    test::TempDir dir;
    demo(dir / "a.db", "acme");
    demo(dir / "b.db", "acme");
    auto db = trainer::store::Database::open(dir / "a.db");
    const auto before = count(dir / "a.db", "SELECT count(*) FROM events");
    auto st = db.prepare("PRAGMA page_count");
    st.step();
    const auto pages = st.int64(0);
    // SQLite's max_page_count stands in for a full disk: the write that needs one more page fails.
    db.exec("PRAGMA max_page_count = " + std::to_string(pages));
    CHECK_THROWS_AS(trainer::sync::merge_database(db, dir / "b.db"), trainer::store::StoreError);
    CHECK(count(dir / "a.db", "SELECT count(*) FROM events") == before);
    db.exec("PRAGMA max_page_count = " + std::to_string(pages * 8));
    const auto r = trainer::sync::merge_database(db, dir / "b.db");
    CHECK(r.added > 0);
}

TEST_CASE("kill -9 in the middle of a merge leaves nothing or everything, and a re-run completes", "[sync][cli][slow]") {
    test::TempDir dir;
    demo(dir / "a.db", "acme");
    demo(dir / "b.db", "acme");
    const std::string real = "SELECT count(*) FROM events WHERE type NOT LIKE 'sync.%'";
    const auto before = count(dir / "a.db", real);
    std::string out;
    // What "everything" is: the same merge into a copy.
    REQUIRE(test::run_command(cli(dir / "a.db") + "backup " + (dir / "copy.db").string(), &out) == 0);
    REQUIRE(test::run_command(cli(dir / "copy.db") + "merge " + (dir / "b.db").string(), &out) == 0);
    const auto everything = count(dir / "copy.db", real);
    REQUIRE(everything > before);
    const std::string cmd = cli(dir / "a.db") + "merge " + (dir / "b.db").string() + " > /dev/null 2>&1";
    for (int delay_ms : {5, 20, 60}) {
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        const auto now = count(dir / "a.db", real);
        INFO("after a kill at " << delay_ms << " ms: " << now << " events");
        CHECK((now == before || now == everything));
        CHECK(test::run_command(cli(dir / "a.db") + "rebuild --check", &out) == 0);
        if (now != before) break; // it completed before the kill
    }
    REQUIRE(test::run_command(cli(dir / "a.db") + "merge " + (dir / "b.db").string(), &out) == 0);
    CHECK(test::run_command(cli(dir / "a.db") + "rebuild --check", &out) == 0);
    CHECK(count(dir / "a.db", real) == everything);
}

TEST_CASE("an erasure holds against a later merge and leaves no name, e-mail or badge in the files", "[sync][cli][slow]") {
    test::TempDir dir;
    demo(dir / "a.db", "acme");
    std::string out;
    // A second kiosk that still holds Anna's history.
    REQUIRE(test::run_command(cli(dir / "a.db") + "backup " + (dir / "b.db").string(), &out) == 0);
    REQUIRE(test::run_command(cli(dir / "a.db") + "person erase anna.kowalska --yes", &out) == 0);
    INFO(out);
    REQUIRE(test::run_command(cli(dir / "a.db") + "merge " + (dir / "b.db").string(), &out) == 0);
    CHECK(out.find("of erased people dropped") != std::string::npos);
    CHECK(test::run_command(cli(dir / "a.db") + "rebuild --check", &out) == 0);
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open((dir / "a.db").c_str(), &h) == SQLITE_OK);
    REQUIRE(sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
    REQUIRE(test::run_command(cli(dir / "a.db") + "backup " + (dir / "fresh.db").string(), &out) == 0);
    for (const char* file : {"a.db", "a.db-wal", "fresh.db"})
        for (const char* secret : {"Kowalska", "anna.kowalska", "B-1001"}) {
            INFO(file << " " << secret);
            std::string found;
            test::run_command("strings " + (dir / file).string() + " 2>/dev/null | grep -c " + secret + " || true", &found);
            CHECK((found.empty() || found == "0\n"));
        }
    // The other kiosk erases her too when it takes the tombstone in.
    REQUIRE(test::run_command(cli(dir / "b.db") + "merge " + (dir / "a.db").string(), &out) == 0);
    CHECK(count(dir / "b.db", "SELECT count(*) FROM people WHERE id = 'anna.kowalska'") == 0);
    CHECK(count(dir / "b.db", "SELECT count(*) FROM events WHERE instr(payload, 'Kowalska') > 0") == 0);
    CHECK(test::run_command(cli(dir / "b.db") + "rebuild --check", &out) == 0);
}
