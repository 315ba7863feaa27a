// [SECTION] `--central` reports: what the desk's credential may read at the centre, nothing more
#include "central_fixture.hpp"

using namespace central_test;

namespace {

int trainer_cli(const std::string& args, std::string* out) {
    return test::run_command(std::string(TRAINER_BIN_DIR) + "/trainer " + args, out);
}

// A desk database joined to the centre as `name` with `scope`.
std::string joined_desk(Centre& c, test::TempDir& dir, const std::string& name, const std::string& scope) {
    const auto db = (dir / (name + ".db")).string();
    const auto file = (dir / (name + ".device.json")).string();
    std::string out;
    REQUIRE(trainer_cli("--db " + db + " init --kiosk-id " + name, &out) == 0);
    REQUIRE(trainer_cli("central enrol-device " + name + " --scope " + scope + " --central '" + admin_url(c.db) +
                            "' --out " + file, &out) == 0);
    REQUIRE(trainer_cli("--db " + db + " central join '" + device_url(c.db) + "' --device-file " + file, &out) == 0);
    return db;
}

} // namespace

TEST_CASE("motivation and report with --central cover every team the desk may read and no other",
          "[central][cli][reports]") {
    Centre c;
    test::TempDir dir;
    std::string out;
    const auto hq = joined_desk(c, dir, "hq", "all");
    const std::string people = "--db " + hq + " people add ";
    REQUIRE(trainer_cli(people + "lead.north --name 'Nora Lead' --role lead --team team-north", &out) == 0);
    REQUIRE(trainer_cli(people + "a1 --name 'Adam One' --role agent --team team-north", &out) == 0);
    REQUIRE(trainer_cli(people + "b1 --name 'Boris One' --role agent --team team-south", &out) == 0);
    {
        // A transaction that began before hq's records reached the centre, still open anywhere in
        // the cluster, holds every desk's cursor back (late rows are never skipped). A report keeps
        // no cursor: it must read everything the centre holds all the same.
        central::PgTransaction elsewhere(c.admin);
        c.admin.exec("SELECT pg_current_xact_id()");
        REQUIRE(trainer_cli("--db " + hq + " central roster --central '" + admin_url(c.db) + "'", &out) == 0);
        REQUIRE(trainer_cli("--db " + hq + " sync", &out) == 0);
        // Headquarters (scope all) sees both teams' agents.
        REQUIRE(trainer_cli("--db " + hq + " motivation --central --format json", &out) == 0);
        CHECK_THAT(out, Catch::Contains("\"a1\"") && Catch::Contains("\"b1\""));
    }
    const auto north = joined_desk(c, dir, "desk-north", "team:team-north");

    // The north desk's credential reads team north only: the centre never hands it team south.
    REQUIRE(trainer_cli("--db " + north + " motivation --central --format json", &out) == 0);
    CHECK_THAT(out, Catch::Contains("\"a1\""));
    CHECK_THAT(out, !Catch::Contains("b1"));
    REQUIRE(trainer_cli("--db " + north + " report rollout --team team-north --format json --central --as lead.north",
                        &out) == 0);
    CHECK_THAT(out, Catch::Contains("\"a1\""));
    trainer_cli("--db " + north + " report rollout --team team-south --format json --central", &out);
    CHECK_THAT(out, !Catch::Contains("b1")); // the team's record is there, its people are not

    // The copy is gone; the export is in the desk's own audit log, naming the centre's device.
    REQUIRE(trainer_cli("--db " + north + " audit", &out) == 0);
    CHECK_THAT(out, Catch::Contains("export.motivation") && Catch::Contains("desk-north"));
    REQUIRE(trainer_cli("--db " + north + " people list", &out) == 0);
    CHECK_THAT(out, !Catch::Contains("a1"));

    // Offline: the command says so and exits 3, nothing is written.
    const auto cred = central::read_credential(north + ".central");
    auto moved = cred;
    moved.url = "postgresql://127.0.0.1:1/nowhere?connect_timeout=1";
    central::write_credential(north + ".central", moved);
    CHECK(trainer_cli("--db " + north + " motivation --central --format json", &out) == 3);
    CHECK_THAT(out, Catch::Contains("out of reach"));
}
