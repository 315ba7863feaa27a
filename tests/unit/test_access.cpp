// The authorization matrix (role × resource × own/other team), through the service API.
#include "trainer/identity/auth.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/identity/person_data.hpp"
#include "trainer/store/events.hpp"

#include <catch2/catch.hpp>

using namespace trainer;
using namespace trainer::identity;

namespace {

struct Org {
    store::Database db = store::Database::open_memory();
    FixedClock clock{1'700'000'000'000};
    store::EventStore events{db, clock, "kiosk-test"};
    PeopleService people{db, events};
    Org() {
        auto add = [&](const char* id, Role r, const char* team) {
            NewPerson p;
            p.id = id;
            p.display_name = id;
            p.role = r;
            if (*team) p.teams = {team};
            people.add(cli_admin(), p);
        };
        add("north.agent", Role::Agent, "North");
        add("north.agent2", Role::Agent, "North");
        add("south.agent", Role::Agent, "South");
        add("north.lead", Role::Lead, "North");
        add("south.lead", Role::Lead, "South");
        add("admin", Role::Admin, "");
    }
};

bool can_read(Org& o, const Actor& a, const std::string& target) {
    try {
        return o.people.find(a, target).has_value();
    } catch (const AccessDenied&) {
        return false;
    }
}

bool can_export(Org& o, const Actor& a, const std::string& target) {
    try {
        export_person(a, o.events, target);
        return true;
    } catch (const AccessDenied&) {
        return false;
    }
}

bool can_reset(Org& o, const Actor& a, const std::string& target) {
    try {
        AuthService(o.db, o.events, o.clock).reset_throttle(a, target);
        return true;
    } catch (const AccessDenied&) {
        return false;
    }
}

} // namespace

TEST_CASE("agents see only themselves, leads their teams, admins everyone") {
    Org o;
    const char* targets[] = {"north.agent", "north.agent2", "south.agent",
                             "north.lead",  "south.lead",   "admin"};
    struct Expect {
        const char* actor;
        std::vector<bool> view;  // per target
        std::vector<bool> reset; // per target
    };
    const std::vector<Expect> matrix = {
        {"north.agent",
         {true, false, false, false, false, false},
         {false, false, false, false, false, false}},
        {"north.lead",
         {true, true, false, true, false, false},
         {true, true, false, false, false, false}},
        {"south.lead",
         {false, false, true, false, true, false},
         {false, false, true, false, false, false}},
        {"admin", {true, true, true, true, true, true}, {true, true, true, true, true, true}},
    };
    for (const auto& row : matrix) {
        const Actor a = actor_for(o.db, row.actor);
        for (std::size_t i = 0; i < 6; ++i) {
            INFO(std::string(row.actor) + " -> " + targets[i]);
            CHECK(can_read(o, a, targets[i]) == row.view[i]);
            CHECK(can_export(o, a, targets[i]) == row.view[i]);
            CHECK(can_reset(o, a, targets[i]) == row.reset[i]);
        }
        std::size_t visible = 0;
        for (bool v : row.view)
            visible += v;
        CHECK(o.people.list(a).size() == visible);
    }
}

TEST_CASE("nobody logged in sees no personal data, only the login roster") {
    Org o;
    const Actor nobody;
    CHECK(o.people.list(nobody).empty());
    CHECK_FALSE(can_read(o, nobody, "north.agent"));
    CHECK_FALSE(can_export(o, nobody, "north.agent"));
    CHECK(o.people.roster().size() == 6);
}

TEST_CASE("a lead who leads several teams sees the members of each") {
    Org o;
    o.people.set_lead(cli_admin(), "South", "north.lead");
    const Actor a = actor_for(o.db, "north.lead");
    CHECK(a.led_teams == std::vector<std::string>{"north", "south"});
    CHECK(can_read(o, a, "south.agent"));
    CHECK_FALSE(can_read(o, a, "south.lead"));
    CHECK(o.people.teams(a).size() == 2);
    CHECK_THROWS_WITH(o.people.set_lead(cli_admin(), "South", "north.agent"),
                      Catch::Contains("is an agent"));
}

TEST_CASE("a deactivated or unknown person cannot act") {
    Org o;
    o.people.deactivate(cli_admin(), "north.lead");
    CHECK_THROWS_WITH(actor_for(o.db, "north.lead"), Catch::Contains("deactivated"));
    CHECK_THROWS_WITH(actor_for(o.db, "ghost"), Catch::Contains("no person with id 'ghost'"));
}

TEST_CASE("a person may change their own PIN and language but not someone else's") {
    Org o;
    const Actor a = actor_for(o.db, "north.agent");
    o.people.set_pin(a, "north.agent", "2468", minimum_pin_cost());
    o.people.set_locale(a, "north.agent", "ru");
    CHECK(read_person(o.db, "north.agent")->locale == "ru");
    CHECK_THROWS_AS(o.people.set_pin(a, "north.agent2", "2468", minimum_pin_cost()), AccessDenied);
    CHECK_THROWS_AS(o.people.set_locale(a, "north.agent2", "pl"), AccessDenied);
    CHECK_THROWS_WITH(o.people.set_locale(a, "north.agent", "de"),
                      Catch::Contains("unknown locale 'de'"));
}
