// Issue 12 §5 and docs/merging.md "Erasure": the tombstone wins over every copy of an erased
// person's events that comes back, whether a desk pulls them back from the central store or a USB
// stick brings an old events file. They are dropped on arrival and counted; nothing of the person
// is stored again, and other people's events that the erasure scrubbed stay scrubbed.
#include "trainer/app/projections.hpp"
#include "trainer/identity/person_data.hpp"
#include "trainer/store/events.hpp"
#include "trainer/sync/exchange.hpp"
#include "trainer/sync/local_log.hpp"
#include "trainer/sync/rebuild_check.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>


using namespace trainer;
using nlohmann::json;
using sync::WireEvent;

namespace {

constexpr TimeMs kT0 = 1'767'258'000'000; // 2026-01-01T09:00:00Z
constexpr TimeMs kHour = 3'600'000;

WireEvent ev(const std::string& id, TimeMs at, const std::string& type, const std::string& person, const json& payload) {
    return {id, "org-e", "desk-a", at, type, person, payload.dump()};
}

// What the centre holds: the roster, Anna's own records, a lead's assessment of her, and a note
// about Olek that names her (the erasure keeps Olek's event and scrubs her name out of it).
std::vector<WireEvent> centre_copy() {
    return {ev("t1", kT0 - 10 * kHour, "people.team_created", "root", {{"team", "north"}, {"name", "North"}}),
            ev("p1", kT0 - 9 * kHour, "person.added", "root",
               {{"person", "anna.kowalska"}, {"display_name", "Anna Kowalska"}, {"role", "agent"}, {"locale", "pl"},
                {"badge_id", "B-7788"}}),
            ev("p2", kT0 - 9 * kHour, "person.added", "root",
               {{"person", "lena"}, {"display_name", "Lena M"}, {"role", "lead"}, {"locale", "en"}}),
            ev("p3", kT0 - 9 * kHour, "person.added", "root",
               {{"person", "olek"}, {"display_name", "Olek P"}, {"role", "agent"}, {"locale", "pl"}}),
            ev("r1", kT0, "card.reviewed", "anna.kowalska", {{"card", "c1"}, {"card_version", 1}, {"rating", 3}}),
            ev("r2", kT0 + kHour, "card.reviewed", "anna.kowalska", {{"card", "c2"}, {"card_version", 1}, {"rating", 2}}),
            ev("l1", kT0 + 2 * kHour, "change.lead_assessed", "lena",
               {{"person", "anna.kowalska"}, {"rollout", "r1"}, {"phase", "resistance"}, {"note", "Anna Kowalska asks why"}}),
            ev("l2", kT0 + 3 * kHour, "change.lead_assessed", "lena",
               {{"person", "olek"}, {"rollout", "r1"}, {"phase", "exploration"}, {"note", "pairs with Anna Kowalska"}}),
            ev("r3", kT0 + 4 * kHour, "card.reviewed", "olek", {{"card", "c1"}, {"card_version", 1}, {"rating", 4}})};
}

std::int64_t scalar(store::Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    REQUIRE(st.step());
    return st.int64(0);
}

// Whether any event or derived row still names her (id, name or badge).
std::int64_t traces(store::Database& db) {
    std::int64_t n = scalar(db, "SELECT count(*) FROM events WHERE instr(payload, 'Kowalska') OR instr(payload, 'anna.kowalska') "
                                "OR instr(payload, 'B-7788') OR person_id = 'anna.kowalska' OR instr(id, 'anna')");
    n += scalar(db, "SELECT count(*) FROM people WHERE id = 'anna.kowalska' OR instr(display_name, 'Kowalska')");
    n += scalar(db, "SELECT count(*) FROM card_state WHERE person_id = 'anna.kowalska'");
    n += scalar(db, "SELECT count(*) FROM change_phase_log WHERE person_id = 'anna.kowalska' OR instr(reasons, 'Kowalska')");
    return n;
}

// A desk that took everything in, then erased Anna.
struct ErasedDesk {
    store::Database db = store::Database::open_memory();
    FixedClock clock{kT0 + 100 * kHour};
    std::int64_t events_after_erasure = 0;
    std::string dump_after_erasure;

    ErasedDesk() {
        sync::set_organisation_id(db, "org-e");
        const auto all = centre_copy();
        sync::import_events(db, all, {&clock, "centre"});
        store::EventStore events(db, clock, store::kiosk_id_of(db));
        identity::erase_person(identity::cli_admin(), events, "anna.kowalska", app::all_projections());
        REQUIRE(traces(db) == 0);
        events_after_erasure = scalar(db, "SELECT count(*) FROM events");
        dump_after_erasure = sync::canonical_dump(db, sync::derived_tables(app::all_projections()));
    }
};

} // namespace

TEST_CASE("a desk pulling back an erased person's events from the centre drops them: the tombstone wins", "[sync]") {
    ErasedDesk desk;
    sync::SqliteLocalLog log(desk.db, desk.clock);
    const auto centre = centre_copy();
    std::vector<sync::SyncEvent> pulled;
    for (const auto& e : centre) pulled.push_back({e.id, e.type, e.person_id, e.device_id, e.occurred_ms, e.payload, 0});
    CHECK(log.apply_pulled(pulled, {"77", 9}) == 0);
    // Nothing was left out as unapplicable, and the pull moved on.
    CHECK(scalar(desk.db, "SELECT count(*) FROM events WHERE type = 'sync.unapplied'") == 0);
    CHECK(log.cursor().xid == "77");
    CHECK(traces(desk.db) == 0);
    CHECK(scalar(desk.db, "SELECT count(*) FROM events") == desk.events_after_erasure);
    CHECK(sync::canonical_dump(desk.db, sync::derived_tables(app::all_projections())) == desk.dump_after_erasure);
    CHECK(sync::check_rebuild(desk.db, app::all_projections()).empty());
}

TEST_CASE("an old copy of an erased person's events is dropped on import and counted, changing nothing", "[sync]") {
    ErasedDesk desk;
    const auto centre = centre_copy();
    const auto r = sync::import_events(desk.db, centre, {&desk.clock, "usb stick"});
    // Her person.added, two reviews and the assessment of her; the scrubbed note about Olek is
    // the erasure's version here and stays so.
    CHECK(r.dropped_erased == 5);
    CHECK(r.added == 0);
    CHECK(traces(desk.db) == 0);
    CHECK(sync::canonical_dump(desk.db, sync::derived_tables(app::all_projections())) == desk.dump_after_erasure);
    // Olek's own records are untouched by all this.
    CHECK(scalar(desk.db, "SELECT count(*) FROM change_phase_log WHERE person_id = 'olek'") == 1);
    CHECK(scalar(desk.db, "SELECT reps FROM card_state WHERE person_id = 'olek'") == 1);
}
