// Issue 12 §6: the conflicts people will meet when two devices worked offline. Each test merges the
// two devices' histories in both arrival orders, requires the same derived state, and checks the
// behaviour docs/merging.md promises.
#include "trainer/app/projections.hpp"
#include "trainer/core/time.hpp"
#include "trainer/fsrs/scheduler.hpp"
#include "trainer/cards/review_config.hpp"
#include "trainer/store/events.hpp"
#include "trainer/sync/exchange.hpp"
#include "trainer/sync/rebuild_check.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace trainer;
using nlohmann::json;
using sync::WireEvent;

namespace {

constexpr TimeMs kT0 = 1'767'258'000'000; // 2026-01-01T09:00:00Z
constexpr TimeMs kHour = 3'600'000;

WireEvent ev(const std::string& id, const std::string& device, TimeMs at, const std::string& type,
             const std::string& person, const json& payload) {
    return {id, "org-c", device, at, type, person, payload.dump()};
}

std::vector<WireEvent> roster() {
    return {ev("t1", "admin", kT0 - 10 * kHour, "people.team_created", "root", {{"team", "north"}, {"name", "North"}}),
            ev("p1", "admin", kT0 - 9 * kHour, "person.added", "root",
               {{"person", "anna"}, {"display_name", "Anna K"}, {"role", "agent"}, {"locale", "pl"}}),
            ev("p2", "admin", kT0 - 9 * kHour, "person.added", "root",
               {{"person", "lena"}, {"display_name", "Lena M"}, {"role", "lead"}, {"locale", "en"}}),
            ev("p3", "admin", kT0 - 9 * kHour, "person.added", "root",
               {{"person", "olek"}, {"display_name", "Olek P"}, {"role", "lead"}, {"locale", "pl"}})};
}

struct Merged {
    store::Database db = store::Database::open_memory();
    std::string dump;
};

// Both devices start from the roster, then each adds its own events; merged in one order.
std::unique_ptr<Merged> merge(const std::vector<WireEvent>& first, const std::vector<WireEvent>& second) {
    auto m = std::make_unique<Merged>();
    sync::set_organisation_id(m->db, "org-c");
    FixedClock clock(kT0 + 100 * kHour);
    const auto people = roster();
    sync::import_events(m->db, people, {&clock, "roster"});
    sync::import_events(m->db, first, {&clock, "first"});
    sync::import_events(m->db, second, {&clock, "second"});
    m->dump = sync::canonical_dump(m->db, sync::derived_tables(app::all_projections()));
    CHECK(sync::check_rebuild(m->db, app::all_projections()).empty());
    return m;
}

// Merged both ways: the derived state must not depend on which device arrived first.
std::unique_ptr<Merged> both_orders(const std::vector<WireEvent>& a, const std::vector<WireEvent>& b) {
    auto ab = merge(a, b);
    auto ba = merge(b, a);
    REQUIRE(ab->dump == ba->dump);
    return ab;
}

std::int64_t scalar(store::Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    REQUIRE(st.step());
    return st.int64(0);
}

std::string text(store::Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    REQUIRE(st.step());
    return st.text(0);
}

} // namespace

TEST_CASE("same card graded on two desks offline: both reviews count, the schedule is the scheduler's", "[sync]") {
    // The desk's payload says what it showed; a wrong "after" must not leak into the schedule.
    const json bogus = {{"state", "Review"}, {"stability", 999.0}, {"difficulty", 1.0}, {"due_ms", 0},
                        {"scheduled_days", 999}, {"learning_steps", 0}, {"reps", 99}, {"lapses", 0}};
    const std::vector<WireEvent> desk_a = {
        ev("ra", "desk-a", kT0, "card.reviewed", "anna", {{"card", "c1"}, {"card_version", 1}, {"rating", 3}, {"after", bogus}})};
    const std::vector<WireEvent> desk_b = {
        ev("rb", "desk-b", kT0 + 2 * kHour, "card.reviewed", "anna", {{"card", "c1"}, {"card_version", 1}, {"rating", 1}})};
    auto m = both_orders(desk_a, desk_b);
    const fsrs::Scheduler s(cards::ReviewConfig{}.fsrs_parameters());
    const fsrs::Card expected = s.review(s.review(fsrs::new_card(kT0), kT0, fsrs::Rating::Good), kT0 + 2 * kHour,
                                         fsrs::Rating::Again);
    CHECK(scalar(m->db, "SELECT reps FROM card_state WHERE person_id = 'anna' AND card_id = 'c1'") == 2);
    CHECK(scalar(m->db, "SELECT due_ms FROM card_state WHERE person_id = 'anna' AND card_id = 'c1'") == expected.due);
    CHECK(scalar(m->db, "SELECT last_rating FROM card_state WHERE person_id = 'anna'") == 1);
}

TEST_CASE("a lead signs off a module on one kiosk while the person retakes it on another", "[sync]") {
    const json base = {{"person", "anna"}, {"module", "s1"}, {"version", 1}};
    auto with = [&](json extra) {
        json p = base;
        p.update(extra);
        return p;
    };
    const std::vector<WireEvent> desk = {
        ev("s1", "desk-b", kT0, "onboarding.attempt_started", "anna", with({{"attempt", 1}})),
        ev("s2", "desk-b", kT0 + kHour, "onboarding.attempt_finished", "anna",
           with({{"attempt", 1}, {"started_ms", kT0}, {"ended_ms", kT0 + kHour}, {"score", 0.4}, {"passed", false}})),
        ev("s3", "desk-b", kT0 + 3 * kHour, "onboarding.attempt_started", "anna", with({{"attempt", 2}})),
    };
    const std::vector<WireEvent> kiosk = {
        ev("k1", "kiosk-a", kT0 + 2 * kHour, "skills.signed_off", "lena",
           with({{"attempt", 1}, {"started_ms", kT0}, {"ended_ms", kT0 + 2 * kHour}, {"score", 1.0}, {"passed", true},
                 {"signer", "lena"}, {"note", ""}, {"steps_shown", json::array()}, {"steps_missed", json::array()}})),
    };
    auto m = both_orders(desk, kiosk);
    // The pass is kept: change_module_done counts the module as passed, whatever the retake does.
    CHECK(scalar(m->db, "SELECT passed FROM change_module_done WHERE person_id = 'anna' AND module_id = 's1'") == 1);
    // The retake that started after the sign-off is the open attempt.
    CHECK(scalar(m->db, "SELECT attempt FROM onboarding_progress WHERE person_id = 'anna' AND module_id = 's1'") == 2);
    CHECK(scalar(m->db, "SELECT attempt_open FROM onboarding_progress WHERE person_id = 'anna'") == 1);
}

TEST_CASE("two leads assess the same person's phase: both are history, the later is current", "[sync]") {
    const std::vector<WireEvent> a = {ev("l1", "kiosk-a", kT0 + kHour, "change.lead_assessed", "lena",
                                         {{"person", "anna"}, {"rollout", "r1"}, {"phase", "resistance"}, {"note", "n1"}})};
    const std::vector<WireEvent> b = {ev("l2", "kiosk-b", kT0 + 2 * kHour, "change.lead_assessed", "olek",
                                         {{"person", "anna"}, {"rollout", "r1"}, {"phase", "exploration"}, {"note", "n2"}})};
    auto m = both_orders(a, b);
    CHECK(scalar(m->db, "SELECT count(*) FROM change_phase_log WHERE person_id = 'anna'") == 2);
    CHECK(text(m->db, "SELECT phase FROM change_phase_latest WHERE person_id = 'anna'") == "exploration");
}

TEST_CASE("a PIN changed on two devices: the later change is the PIN everywhere", "[sync]") {
    const std::vector<WireEvent> a = {
        ev("h1", "kiosk-a", kT0 + 5 * kHour, "pin.changed", "anna", {{"person", "anna"}, {"hash", "$argon2id$later"}})};
    const std::vector<WireEvent> b = {
        ev("h2", "kiosk-b", kT0 + 1 * kHour, "pin.changed", "lena", {{"person", "anna"}, {"hash", "$argon2id$earlier"}})};
    auto m = both_orders(a, b);
    CHECK(text(m->db, "SELECT pin_hash FROM people WHERE id = 'anna'") == "$argon2id$later");
}

TEST_CASE("a person deactivated on one device while signing in on another stays inactive, the sign-in stays", "[sync]") {
    const std::vector<WireEvent> a = {
        ev("d1", "admin", kT0 + kHour, "person.deactivated", "root", {{"person", "anna"}})};
    const std::vector<WireEvent> b = {ev("g1", "kiosk-b", kT0 + 2 * kHour, "auth.login", "anna", {{"rehashed", false}})};
    auto m = both_orders(a, b);
    CHECK(scalar(m->db, "SELECT active FROM people WHERE id = 'anna'") == 0);
    CHECK(scalar(m->db, "SELECT count(*) FROM events WHERE id = 'g1'") == 1);
}

TEST_CASE("a device on older content: its review stays valid but does not move the newer schedule", "[sync]") {
    const std::vector<WireEvent> updated = {
        ev("n1", "desk-a", kT0, "card.reviewed", "anna", {{"card", "c1"}, {"card_version", 2}, {"rating", 3}})};
    const std::vector<WireEvent> older = {
        ev("o1", "kiosk-old", kT0 + kHour, "card.reviewed", "anna", {{"card", "c1"}, {"card_version", 1}, {"rating", 1}})};
    auto m = both_orders(updated, older);
    CHECK(scalar(m->db, "SELECT card_version FROM card_state WHERE person_id = 'anna'") == 2);
    CHECK(scalar(m->db, "SELECT reps FROM card_state WHERE person_id = 'anna'") == 1);
    CHECK(scalar(m->db, "SELECT count(*) FROM events WHERE type = 'card.reviewed'") == 2);
}

TEST_CASE("a badge given to two people on two devices belongs to the later assignment only", "[sync]") {
    const std::vector<WireEvent> a = {ev("b1", "kiosk-a", kT0 + kHour, "person.added", "root",
                                         {{"person", "zoe"}, {"display_name", "Zoe"}, {"role", "agent"}, {"badge_id", "B-7"}})};
    const std::vector<WireEvent> b = {ev("b2", "kiosk-b", kT0 + 2 * kHour, "person.added", "root",
                                         {{"person", "yan"}, {"display_name", "Yan"}, {"role", "agent"}, {"badge_id", "B-7"}})};
    auto m = both_orders(a, b);
    CHECK(text(m->db, "SELECT id FROM people WHERE badge_id = 'B-7'") == "yan");
    CHECK(scalar(m->db, "SELECT count(*) FROM people WHERE id = 'zoe' AND badge_id IS NULL") == 1);
}
