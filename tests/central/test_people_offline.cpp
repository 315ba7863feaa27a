// [SECTION] What a team desk holds: its team's people, their PIN hashes, nobody else
#include "central_fixture.hpp"

#include "trainer/identity/auth.hpp"
#include "trainer/identity/people.hpp"

using namespace central_test;

namespace {

const char* kPin = "2468";

// A centre, headquarters' database (scope all) that adds two teams' people with PINs and syncs
// them up, and a team-north desk that has synced once.
struct TwoTeams {
    Centre c;
    Desk hq{c, "hq"};
    Desk north{c, "desk-north", "team:team-north"};
    TwoTeams() {
        identity::PeopleService people(hq.db, *hq.events);
        const auto admin = identity::cli_admin();
        people.add(admin, {.id = "lead.north", .display_name = "Nora Lead", .role = identity::Role::Lead, .teams = {"Team North"}});
        people.add(admin, {.id = "a1", .display_name = "Adam One", .teams = {"Team North"}});
        people.add(admin, {.id = "b1", .display_name = "Boris One", .teams = {"Team South"}});
        for (const char* id : {"lead.north", "a1", "b1"}) people.set_pin(admin, id, kPin, identity::minimum_pin_cost());
        central::publish_roster(c.admin, {{"lead.north", "team-north"}, {"a1", "team-north"}, {"b1", "team-south"}}, {});
        hq.sync();
        north.sync();
    }
    identity::AuthService auth() {
        return identity::AuthService(north.db, *north.events, north.clock, {.cost = identity::minimum_pin_cost()});
    }
};

} // namespace

TEST_CASE("a team desk gets its team's people with PIN hashes and signs them in with the centre out of reach",
          "[central][people]") {
    TwoTeams t;
    Desk& north = t.north;

    // Offline: the centre is out of reach (nothing listens on that port).
    north.cred.url = "postgresql://127.0.0.1:1/nowhere";
    CHECK_THROWS_AS(central::connect_device(north.cred, 1), central::CentralError);

    auto auth = t.auth();
    const auto ok = auth.login_by_id("a1", kPin);
    REQUIRE(ok.status == identity::LoginStatus::Ok);
    CHECK(ok.person->teams == std::vector<std::string>{"team-north"});
    CHECK(auth.login_by_id("a1", "1357").status == identity::LoginStatus::Rejected);
    // The lead leads their team here too (the team record reached the desk with the people).
    const auto lead = auth.login_by_id("lead.north", kPin);
    REQUIRE(lead.status == identity::LoginStatus::Ok);
    CHECK(identity::actor_for(north.db, "lead.north").led_people == std::vector<std::string>{"a1"});

    // Someone of another team is not on this desk at all: no profile, no PIN hash, no event.
    CHECK_FALSE(identity::read_person(north.db, "b1"));
    CHECK(auth.login_by_id("b1", kPin).status == identity::LoginStatus::Rejected);
    CHECK(north.count("person_id = 'b1' OR payload LIKE '%\"b1\"%'") == 0);
}

TEST_CASE("a team desk's people follow the roster: a PIN changed at headquarters works at the desk after a sync",
          "[central][people]") {
    TwoTeams t;
    identity::PeopleService(t.hq.db, *t.hq.events).set_pin(identity::cli_admin(), "a1", "8024", identity::minimum_pin_cost());
    t.hq.sync();
    t.north.sync();
    auto auth = t.auth();
    CHECK(auth.login_by_id("a1", kPin).status == identity::LoginStatus::Rejected);
    CHECK(auth.login_by_id("a1", "8024").status == identity::LoginStatus::Ok);
}
