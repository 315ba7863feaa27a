// The malformed-input corpus (issue #8): every case of tests/data/bad/ through the built CLI.
// Format: tests/data/bad/README.md. Each case must exit with its code, print its message and
// location, and leave the database byte-for-byte as it was.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = TRAINER_TEST_DATA "/bad";
const std::string kTrainer = TRAINER_BIN_DIR "/trainer";

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out.append("'\\''");
        else
            out.push_back(c);
    }
    out.push_back('\'');
    return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

// The kinds of input the corpus covers: a case's directory is named KIND-what-it-tries.
const std::vector<std::string> kKinds = {"content", "people", "scores", "surveys", "replay",
                                         "db", "cli", "motivation", "pin", "events"};

std::string kind_of(const fs::path& c) {
    const std::string name = c.filename().string();
    return name.substr(0, name.find('-'));
}

std::vector<fs::path> cases() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(kCorpus))
        if (e.is_directory()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// The database every case without its own file starts from: the schema, and the agent the CSV
// cases name (anna, external id anna@example.com, team North).
void make_base_db(const fs::path& db) {
    std::string out;
    const std::string at = " --db " + shell_quote(db.string());
    REQUIRE(test::run_command(kTrainer + " init" + at, &out) == 0);
    REQUIRE(test::run_command(kTrainer +
                                  " people add anna --name Anna --role agent --team North "
                                  "--external-id anna@example.com" +
                                  at,
                              &out) == 0);
}

// Runs one case in its own folder under `dir` and checks what it must produce.
void check_case(const fs::path& c, const fs::path& dir, const fs::path& base) {
    const std::string name = c.filename().string();
    INFO("case " << name);
    const auto spec = nlohmann::json::parse(test::read_file(c / "case.json"));
    // Each case works on its own copy, named trainer.db so messages name it the same way.
    const fs::path work = dir / name;
    fs::create_directories(work);
    const fs::path db = work / "trainer.db";
    // "setup" puts something other than a database at the path (issue #16): a named pipe,
    // a directory, or nothing but a leftover -wal / -shm file (copied from the case).
    const std::string setup = spec.value("setup", "");
    if (setup.empty()) {
        fs::copy_file(spec.contains("db") ? c / spec["db"].get<std::string>() : base, db);
    } else if (setup == "fifo") {
        REQUIRE(::mkfifo(db.c_str(), 0600) == 0);
    } else if (setup == "directory") {
        fs::create_directory(db);
    } else if (setup == "symlink-fifo") {
        REQUIRE(::mkfifo((work / "pipe").c_str(), 0600) == 0);
        fs::create_symlink("pipe", db);
    } else if (setup == "symlink-directory") {
        fs::create_directory(work / "folder");
        fs::create_symlink("folder", db);
    } else if (setup == "dangling-symlink") {
        fs::create_symlink("gone.db", db);
    } else if (setup == "disk-full") {
        fs::copy_file(spec.contains("db") ? c / spec["db"].get<std::string>() : base, db);
    } else if (setup == "disk-full-no-db") {
        // nothing at the path: the command would have to create the database on a full disk
    } else if (setup == "orphan-wal" || setup == "orphan-shm") {
        const std::string suffix = setup == "orphan-wal" ? "-wal" : "-shm";
        fs::copy_file(c / ("trainer.db" + suffix), db.string() + suffix);
    } else {
        FAIL_CHECK("unknown setup '" << setup << "'");
        return;
    }
    const bool disk_full = setup.starts_with("disk-full");
    const std::string before = setup.empty() || setup == "disk-full" ? test::read_file(db) : std::string();
    const std::string side_before =
        setup.starts_with("orphan-") ? test::read_file(db.string() + "-" + setup.substr(7)) : "";

    // A full disk (tests/disk_full/disk_full_shim.c): no file in the case's folder may grow.
    std::string cmd = disk_full ? "TRAINER_TEST_DISK_FULL=" + shell_quote(work.string()) + " LD_PRELOAD=" +
                                      shell_quote(TRAINER_DISK_FULL_SHIM) +
                                      " ASAN_OPTIONS=\"${ASAN_OPTIONS:-}:verify_asan_link_order=0\" " + kTrainer
                                : kTrainer;
    for (const auto& arg : spec.at("args")) {
        std::string a = arg.get<std::string>();
        a = replace_all(a, "{case}", c.string());
        a = replace_all(a, "{db}", db.string());
        a = replace_all(a, "{content}", TRAINER_SOURCE_DIR "/content");
        a = replace_all(a, "{data}", TRAINER_TEST_DATA);
        cmd.push_back(' ');
        cmd.append(shell_quote(a));
    }
    if (spec.contains("stdin")) cmd += " < " + shell_quote((c / spec["stdin"].get<std::string>()).string());
    std::string out;
    const int status = test::run_command(cmd, &out);
    INFO(spec.value("about", "") << "\n$ " << cmd << "\n" << out);
    CHECK(status == spec.at("exit").get<int>());
    CHECK_THAT(out, Catch::Contains(spec.at("message").get<std::string>()));
    CHECK_THAT(out, Catch::Contains(spec.at("location").get<std::string>()));
    // Refused means untouched: not one byte of the database, and no journal left beside it.
    if (setup.empty()) {
        CHECK(test::read_file(db) == before);
        CHECK_FALSE(fs::exists(db.string() + "-wal"));
        CHECK_FALSE(fs::exists(db.string() + "-journal"));
    } else if (setup == "disk-full") {
        // Nothing saved anywhere: the file as it was, and no log with anything in it.
        CHECK(test::read_file(db) == before);
        const fs::path wal = db.string() + "-wal";
        CHECK((!fs::exists(wal) || fs::file_size(wal) == 0));
        CHECK_FALSE(fs::exists(db.string() + "-journal"));
    } else if (setup == "disk-full-no-db") {
        // No database, and no half-made one left aside either.
        CHECK(fs::is_empty(work));
    } else if (setup == "fifo") {
        CHECK(fs::is_fifo(db));
    } else if (setup == "directory") {
        CHECK(fs::is_directory(db));
        CHECK(fs::is_empty(db));
    } else if (setup.starts_with("symlink-") || setup == "dangling-symlink") {
        // The link and what it points at are as they were, and nothing was made beside them.
        CHECK(fs::is_symlink(db));
        CHECK(std::distance(fs::directory_iterator(work), fs::directory_iterator()) ==
              (setup == "dangling-symlink" ? 1 : 2));
        if (setup == "symlink-fifo") CHECK(fs::is_fifo(work / "pipe"));
        if (setup == "symlink-directory") CHECK(fs::is_empty(work / "folder"));
    } else {
        // No database was made from another database's log, and the log is kept as it was.
        CHECK_FALSE(fs::exists(db));
        CHECK(test::read_file(db.string() + "-" + setup.substr(7)) == side_before);
    }
}

// Every case of the given kinds, all from one base database (made once, copied per case).
void check_kinds(const std::vector<std::string>& kinds) {
    test::TempDir dir;
    const fs::path base = dir / "base.db";
    make_base_db(base);
    int checked = 0;
    for (const auto& c : cases()) {
        if (std::find(kinds.begin(), kinds.end(), kind_of(c)) == kinds.end()) continue;
        check_case(c, dir.path(), base);
        ++checked;
    }
    CHECK(checked >= 3);
}

} // namespace

TEST_CASE("the bad-input corpus covers content, every CSV import, replay input and database files",
          "[bad-input]") {
    std::map<std::string, int> kinds;
    for (const auto& c : cases()) {
        ++kinds[kind_of(c)];
        CHECK(fs::exists(c / "case.json"));
        // A case of a kind no test below runs would be skipped silently.
        INFO("case " << c.filename().string());
        CHECK(std::find(kKinds.begin(), kKinds.end(), kind_of(c)) != kKinds.end());
    }
    for (const auto& kind : kKinds) {
        INFO("cases named " << kind << "-*");
        CHECK(kinds[kind] >= 3);
    }
}

// Split by kind so ctest runs them side by side; together they cover every kind in kKinds.
TEST_CASE("every malformed people CSV is refused with its message and location, and changes nothing",
          "[bad-input][cli][slow]") {
    check_kinds({"people"});
}

TEST_CASE("every malformed QA scores CSV is refused with its message and location, and changes nothing",
          "[bad-input][cli][slow]") {
    check_kinds({"scores"});
}

TEST_CASE("every damaged, foreign or misplaced database file is refused with its message, and changes nothing",
          "[bad-input][cli][slow]") {
    check_kinds({"db"});
}

TEST_CASE("every malformed content, survey, replay, motivation, PIN, events file or argument input is refused "
          "with its message and location, and changes nothing",
          "[bad-input][cli][slow]") {
    check_kinds({"content", "surveys", "replay", "cli", "motivation", "pin", "events"});
}
