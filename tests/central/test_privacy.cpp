// [SECTION] Row-level security: a desk reads only its scope and writes only as itself (via psql)
// [SECTION] What a desk holds after sync: its scope and nothing else
#include "central_fixture.hpp"

using namespace central_test;

namespace {

// Runs SQL through psql as the desk, with its password in the environment (not on the command line).
int psql_as(const Desk& d, const std::string& sql, std::string* out) {
    const auto& c = cluster();
    const std::string cmd = "PGPASSWORD='" + d.cred.password + "' " + c.at("PGBIN") + "/psql '" + d.cred.url +
                            "' -U '" + d.cred.user + "' -X -q -A -t -v ON_ERROR_STOP=1 -c \"" + sql + "\"";
    return test::run_command(cmd, out);
}

void north_and_south(Centre& c) {
    central::publish_roster(c.admin, {{"a1", "team-north"}, {"a2", "team-north"}, {"b1", "team-south"}},
                            {{"team-north", "site-krakow"}, {"team-south", "site-warsaw"}});
}

} // namespace

// [SECTION] Row-level security ---------------------------------------------------------------------

TEST_CASE("through psql a team desk cannot read another team's events nor write as another device",
          "[central][privacy]") {
    Centre c;
    north_and_south(c);
    Desk north(c, "desk-north", "team:team-north");
    Desk south(c, "desk-south", "team:team-south");
    north.record("note.written", "a1");
    south.record("note.written", "b1");
    north.sync();
    south.sync();
    REQUIRE(c.count("SELECT count(*) FROM central.events") == 2);

    std::string out;
    REQUIRE(psql_as(north, "SELECT count(*) FROM central.events WHERE person_id = 'b1'", &out) == 0);
    CHECK(out == "0\n");
    REQUIRE(psql_as(north, "SELECT count(*) FROM central.events WHERE person_id = 'a1'", &out) == 0);
    CHECK(out == "1\n");
    // Writing an event that claims to come from the south desk: refused by the engine.
    CHECK(psql_as(north,
                  "INSERT INTO central.events (id, type, person_id, kiosk_id, device, at_ms, payload) "
                  "VALUES ('forged-1', 'note.written', 'b1', 'desk-south', 'desk-south', 1, '{}')",
                  &out) != 0);
    CHECK_THAT(out, Catch::Contains("row-level security"));
    // Nor may it change the roster, its scope, or read other tables.
    CHECK(psql_as(north, "UPDATE central.devices SET scope_kind = 'all'", &out) != 0);
    CHECK(psql_as(north, "SELECT count(*) FROM central.rejections", &out) != 0);
    CHECK(psql_as(north, "DELETE FROM central.events", &out) != 0);
    CHECK(c.count("SELECT count(*) FROM central.events") == 2);
    CHECK(c.count("SELECT count(*) FROM central.events WHERE id = 'forged-1'") == 0);
}

TEST_CASE("a site desk reads its site, a person desk only its person, an all desk everyone", "[central][privacy]") {
    Centre c;
    north_and_south(c);
    Desk writer(c, "desk-admin");
    for (const char* p : {"a1", "a2", "b1"}) writer.record("note.written", p);
    writer.sync();
    Desk site(c, "desk-krakow", "site:site-krakow");
    Desk person(c, "desk-a2", "person:a2");
    Desk south(c, "desk-south", "team:team-south");
    site.sync();
    person.sync();
    south.sync();
    CHECK(site.count("person_id IN ('a1', 'a2')") == 2);
    CHECK(site.count("person_id = 'b1'") == 0);
    CHECK(person.count("person_id IS NOT NULL") == 1);
    CHECK(person.count("person_id = 'a2'") == 1);
    CHECK(south.count("person_id IS NOT NULL") == 1);
    CHECK(writer.count("person_id IS NOT NULL") == 3);
}
