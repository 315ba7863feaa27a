// [SECTION] Row-level security: a desk reads only its scope and writes only as itself (via psql)
// [SECTION] What a desk holds after sync: its scope and nothing else
#include "central_fixture.hpp"

using namespace central_test;

namespace {

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
    // Writing an event that claims to come from the south desk: refused by the engine (a desk
    // writes only through the push since central migration 8).
    CHECK(psql_as(north,
                  "INSERT INTO central.events (id, type, person_id, kiosk_id, device, at_ms, payload) "
                  "VALUES ('forged-1', 'note.written', 'b1', 'desk-south', 'desk-south', 1, '{}')",
                  &out) != 0);
    CHECK_THAT(out, Catch::Contains("permission denied for table events"));
    // Through the push, an event that names the south desk is stored as the north desk's: the
    // device is the session's login, never a value the desk sends.
    REQUIRE(psql_as(north,
                    "SELECT status FROM central.push('[{\"id\": \"forged-2\", \"type\": \"note.written\", "
                    "\"person_id\": \"a1\", \"kiosk_id\": \"desk-south\", \"device\": \"desk-south\", "
                    "\"at_ms\": 1, \"payload\": {}}]', (extract(epoch FROM now()) * 1000)::bigint)",
                    &out) == 0);
    CHECK(out == "stored\n");
    CHECK(c.admin.exec("SELECT device FROM central.events WHERE id = 'forged-2'").text(0, 0) == "desk-north");
    CHECK(c.count("SELECT count(*) FROM central.events WHERE device = 'desk-south'") == 1);
    // Nor may it change the roster, its scope, or read other tables.
    CHECK(psql_as(north, "UPDATE central.devices SET scope_kind = 'all'", &out) != 0);
    CHECK(psql_as(north, "SELECT count(*) FROM central.rejections", &out) != 0);
    CHECK(psql_as(north, "DELETE FROM central.events", &out) != 0);
    CHECK(c.count("SELECT count(*) FROM central.events") == 3);
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
