// [SECTION] The CLI as an administrator and a desk use it: enrol, join (mode 0600), sync, revoke
// [SECTION] The top bar's words for each sync state
#include "central_fixture.hpp"

#include "trainer/central/background_sync.hpp"

#include <sys/stat.h>

using namespace central_test;

namespace {

int trainer_cli(const std::string& args, std::string* out) {
    return test::run_command(std::string(TRAINER_BIN_DIR) + "/trainer " + args, out);
}

unsigned mode_of(const std::filesystem::path& p) {
    struct stat st{};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777u;
}

} // namespace

TEST_CASE("an administrator enrols a desk, the desk joins and syncs, and after revoke it is told calmly",
          "[central][cli]") {
    Centre c;
    test::TempDir dir;
    const auto desk_db = (dir / "desk.db").string();
    const auto device_file = (dir / "desk-9.device.json").string();
    std::string out;
    REQUIRE(trainer_cli("--db " + desk_db + " init --kiosk-id desk-9", &out) == 0);
    REQUIRE(trainer_cli("central enrol-device desk-9 --scope team:team-north --central '" + admin_url(c.db) +
                            "' --out " + device_file, &out) == 0);
    CHECK(mode_of(device_file) == 0600u);
    CHECK(trainer_cli("central enrol-device desk-9 --scope all --central '" + admin_url(c.db) + "' --out x.json", &out) == 1);
    CHECK_THAT(out, Catch::Contains("already enrolled"));
    CHECK(trainer_cli("central enrol-device desk-10 --scope crew:1 --central '" + admin_url(c.db) + "'", &out) == 2);
    CHECK_THAT(out, Catch::Contains("unknown kind 'crew'"));

    REQUIRE(trainer_cli("--db " + desk_db + " central join '" + device_url(c.db) + "' --device-file " + device_file, &out) == 0);
    CHECK(mode_of(desk_db + ".central") == 0600u);
    REQUIRE(trainer_cli("--db " + desk_db + " people add a1 --name 'Adam One' --role agent --team team-north", &out) == 0);
    REQUIRE(trainer_cli("--db " + desk_db + " sync", &out) == 0);
    CHECK_THAT(out, Catch::Contains("synced: pushed"));
    CHECK(c.count("SELECT count(*) FROM central.events WHERE device = 'desk-9'") > 0);

    REQUIRE(trainer_cli("central revoke desk-9 --central '" + admin_url(c.db) + "'", &out) == 0);
    CHECK(trainer_cli("--db " + desk_db + " sync", &out) == 1);
    CHECK_THAT(out, Catch::Contains("no longer connected to the central store"));
    // A device file of another organisation is refused before anything is stored.
    Centre other("globex");
    const auto other_file = (dir / "other.json").string();
    REQUIRE(trainer_cli("central enrol-device desk-9 --scope all --central '" + admin_url(other.db) + "' --out " +
                            other_file, &out) == 0);
    CHECK(trainer_cli("--db " + desk_db + " central join '" + device_url(other.db) + "' --device-file " + other_file,
                      &out) == 1);
    CHECK_THAT(out, Catch::Contains("organisation 'acme'"));
}

TEST_CASE("the top bar says when the desk last synced, since when it is offline and what waits", "[central][cli]") {
    using central::SyncStatus;
    const TimeMs now = 1'800'000'000'000;
    SyncStatus s;
    s.last_ok_ms = now - 10'000;
    auto parts = central::status_parts(s, now);
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].key == "sync.synced_seconds");
    CHECK(parts[0].n == 10);
    s.last_ok_ms = now - 5 * 60'000;
    CHECK(central::status_parts(s, now)[0].key == "sync.synced_minutes");
    s.offline_since_ms = now - 3600'000;
    s.waiting = 37;
    parts = central::status_parts(s, now);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].key == "sync.offline_since");
    CHECK(parts[0].arg.size() == 5); // HH:MM, the desk's local time
    CHECK(parts[1].key == "sync.waiting");
    CHECK(parts[1].n == 37);
    s.state = SyncStatus::State::stopped;
    CHECK(central::status_parts(s, now)[0].key == "sync.stopped");
}
