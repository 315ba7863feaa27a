// Moving events between devices (issue 12): union by id, refusals, all-or-nothing, the one order.
#include "support.hpp"

#include "trainer/app/projections.hpp"
#include "trainer/identity/audit.hpp"
#include "trainer/store/events.hpp"
#include "trainer/store/migrations.hpp"
#include "trainer/sync/events_file.hpp"
#include "trainer/sync/merge.hpp"
#include "trainer/sync/rebuild_check.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace trainer;
using trainer::sync::ImportRefused;
using trainer::sync::WireEvent;

namespace {

constexpr TimeMs kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z

store::Database org_db(const std::string& org = "org-a") {
    auto db = store::Database::open_memory();
    sync::set_organisation_id(db, org);
    return db;
}

WireEvent wire(const std::string& id, TimeMs at, const std::string& device = "kiosk-b",
               const std::string& payload = R"({"source":"search","card":"c1","card_version":1})") {
    return {id, "org-a", device, at, "card.looked_up", "anna", payload};
}

std::int64_t count_events(store::Database& db) {
    auto st = db.prepare("SELECT count(*) FROM events");
    st.step();
    return st.int64(0);
}

} // namespace

TEST_CASE("importing the same events twice adds them once") {
    auto db = org_db();
    FixedClock clock(kT0 + 1000);
    std::vector<WireEvent> batch = {wire("e1", kT0), wire("e2", kT0 + 10)};
    auto r1 = sync::import_events(db, batch, {&clock, "test"});
    CHECK(r1.added == 2);
    const auto after_first = count_events(db);
    auto r2 = sync::import_events(db, batch, {&clock, "test"});
    CHECK(r2.added == 0);
    CHECK(r2.already_present == 2);
    CHECK(count_events(db) == after_first);
}

TEST_CASE("an id already here with different content refuses the batch, naming both, and changes nothing") {
    auto db = org_db();
    FixedClock clock(kT0 + 1000);
    std::vector<WireEvent> first = {wire("e1", kT0)};
    sync::import_events(db, first, {&clock, "test"});
    const auto before = count_events(db);
    std::vector<WireEvent> second = {wire("e9", kT0 + 5), wire("e1", kT0, "kiosk-b", R"({"source":"desk"})")};
    try {
        sync::import_events(db, second, {&clock, "test"});
        FAIL("no refusal");
    } catch (const ImportRefused& e) {
        CHECK(e.reason() == ImportRefused::Reason::ConflictingDuplicate);
        const std::string what = e.what();
        CHECK(what.find("\"source\":\"search\"") != std::string::npos);
        CHECK(what.find("\"source\":\"desk\"") != std::string::npos);
    }
    CHECK(count_events(db) == before);
    CHECK_FALSE(store::EventStore(db, clock, "x").find("e9"));
}

TEST_CASE("what a sync client writes before the commit is committed with the events, or not at all") {
    auto db = org_db();
    FixedClock clock(kT0 + 1000);
    std::vector<WireEvent> batch = {wire("e1", kT0)};
    sync::ImportOptions o{&clock, "test", [](store::Database& d) { store::meta_set(d, "cursor", "42"); }};
    sync::import_events(db, batch, o);
    CHECK(store::meta_get(db, "cursor") == std::optional<std::string>("42"));
    std::vector<WireEvent> more = {wire("e2", kT0 + 5)};
    o.before_commit = [](store::Database& d) {
        store::meta_set(d, "cursor", "43");
        throw std::runtime_error("network gone");
    };
    CHECK_THROWS(sync::import_events(db, more, o));
    CHECK(store::meta_get(db, "cursor") == std::optional<std::string>("42"));
    CHECK_FALSE(store::EventStore(db, clock, "x").find("e2"));
}

TEST_CASE("two different events with one id inside a batch are refused") {
    auto db = org_db();
    std::vector<WireEvent> batch = {wire("e1", kT0), wire("e1", kT0 + 1)};
    CHECK_THROWS_AS(sync::import_events(db, batch), ImportRefused);
    CHECK(count_events(db) == 0);
}

TEST_CASE("events of another organisation are refused and nothing is written") {
    auto db = org_db();
    auto other = wire("e2", kT0);
    other.organisation_id = "org-z";
    std::vector<WireEvent> batch = {wire("e1", kT0), other};
    try {
        sync::import_events(db, batch);
        FAIL("no refusal");
    } catch (const ImportRefused& e) {
        CHECK(e.reason() == ImportRefused::Reason::OtherOrganisation);
        CHECK(std::string(e.what()).find("org-z") != std::string::npos);
    }
    CHECK(count_events(db) == 0);
}

TEST_CASE("a malformed payload is refused with the event's position and id") {
    auto db = org_db();
    std::vector<WireEvent> batch = {wire("e1", kT0), wire("e2", kT0, "kiosk-b", "{not json")};
    try {
        sync::import_events(db, batch);
        FAIL("no refusal");
    } catch (const ImportRefused& e) {
        CHECK(std::string(e.what()).find("event 2 (id e2)") != std::string::npos);
    }
    CHECK(count_events(db) == 0);
}

TEST_CASE("an event more than a day ahead of this clock is accepted and flagged in the audit") {
    auto db = org_db();
    FixedClock clock(kT0);
    std::vector<WireEvent> batch = {wire("soon", kT0 + 3'600'000), wire("later", kT0 + 3LL * 86'400'000)};
    auto r = sync::import_events(db, batch, {&clock, "test"});
    CHECK(r.added == 2);
    CHECK(r.from_future == 1);
    store::EventStore events(db, clock, "here");
    std::vector<std::string> flagged;
    events.for_each({"sync.future_event"}, [&](const store::Event& e) { flagged.push_back(e.payload.string("event")); });
    REQUIRE(flagged == std::vector<std::string>{"later"});
    CHECK(identity::is_audit_type("sync.future_event"));
}

TEST_CASE("export pages through the log with a cursor that resumes where it stopped") {
    auto db = org_db();
    FixedClock clock(kT0);
    store::EventStore events(db, clock, "kiosk-a");
    for (int i = 0; i < 5; ++i) {
        std::string card = "c"; // appended, not "c" + ...: GCC 12 -O3 warns (stringop-overflow) on that
        card += std::to_string(i);
        events.record({"card.looked_up", "anna", {{"card", card}}});
    }
    auto first = sync::export_events(db, {0, std::nullopt, 3});
    REQUIRE(first.events.size() == 3);
    CHECK(first.events[0].organisation_id == "org-a");
    CHECK(first.events[0].device_id == "kiosk-a");
    auto rest = sync::export_events(db, {first.next_cursor, std::nullopt, 0});
    CHECK(rest.events.size() == 2);
    auto none = sync::export_events(db, {rest.next_cursor, std::nullopt, 0});
    CHECK(none.events.empty());
    CHECK(none.next_cursor == rest.next_cursor);
}

TEST_CASE("an events file cut short, or from a newer schema, is refused naming the line") {
    test::TempDir dir;
    sync::EventsFile f{"org-a", "kiosk-b", store::Database::latest_version(), {wire("e1", kT0), wire("e2", kT0 + 1)}};
    sync::write_events_file(dir / "ok.jsonl", f);
    CHECK(sync::read_events_file(dir / "ok.jsonl", store::Database::latest_version()).events.size() == 2);
    auto text = test::read_file(dir / "ok.jsonl");
    test::write_file(dir / "cut.jsonl", text.substr(0, text.rfind('\n', text.size() - 2) + 1));
    try {
        sync::read_events_file(dir / "cut.jsonl", store::Database::latest_version());
        FAIL("no refusal");
    } catch (const ImportRefused& e) {
        CHECK(e.reason() == ImportRefused::Reason::Damaged);
        CHECK(std::string(e.what()).find("promises 2 events") != std::string::npos);
    }
    f.schema = store::Database::latest_version() + 1;
    sync::write_events_file(dir / "new.jsonl", f);
    try {
        sync::read_events_file(dir / "new.jsonl", store::Database::latest_version());
        FAIL("no refusal");
    } catch (const ImportRefused& e) {
        CHECK(e.reason() == ImportRefused::Reason::NewerSchema);
    }
}

TEST_CASE("merging a database into itself is refused") {
    test::TempDir dir;
    auto db = store::Database::open(dir / "a.db", {true});
    try {
        sync::merge_database(db, dir / "a.db");
        FAIL("no refusal");
    } catch (const ImportRefused& e) {
        CHECK(e.reason() == ImportRefused::Reason::SameDatabase);
    }
}

TEST_CASE("merging another organisation's database is refused and changes neither file") {
    test::TempDir dir;
    auto a = store::Database::open(dir / "a.db", {true});
    auto b = store::Database::open(dir / "b.db", {true});
    FixedClock clock(kT0);
    store::EventStore(b, clock, "kiosk-b").record({"card.looked_up", "anna", {{"card", "c1"}}});
    const auto before_b = test::read_file(dir / "b.db");
    try {
        sync::merge_database(a, dir / "b.db");
        FAIL("no refusal");
    } catch (const ImportRefused& e) {
        CHECK(e.reason() == ImportRefused::Reason::OtherOrganisation);
    }
    CHECK(count_events(a) == 0);
    sync::set_organisation_id(a, "org-a");
    sync::set_organisation_id(b, "org-a");
    auto r = sync::merge_database(a, dir / "b.db");
    CHECK(r.added == 1);
    // Once it holds another device's events, a database keeps its organisation.
    CHECK_THROWS_AS(sync::set_organisation_id(a, "org-q"), ImportRefused);
}

TEST_CASE("a merge read in pages gives what one page gives; a bad event in a later page changes nothing") {
    test::TempDir dir;
    const auto review = [](const std::string& id, TimeMs at, const std::string& device, const std::string& card, int rating) {
        WireEvent e{id, "org-a", device, at, "card.reviewed", "anna",
                    nlohmann::json{{"card", card}, {"card_version", 1}, {"rating", rating}}.dump()};
        return e;
    };
    // The source: 40 reviews of two cards from desk B, interleaved in time with the targets' own.
    {
        auto b = store::Database::open(dir / "b.db", {true});
        sync::set_organisation_id(b, "org-a");
        std::vector<WireEvent> events;
        for (int i = 0; i < 40; ++i)
        {
            std::string id = "b"; // appended: see above
            id += std::to_string(i);
            events.push_back(review(id, kT0 + i * 3'600'000, "kiosk-b", i % 2 ? "c1" : "c2", 1 + i % 4));
        }
        sync::ImportOptions quiet;
        quiet.record_import = false; // the source holds these 40 events and no audit record of them
        sync::import_events(b, events, quiet);
    }
    std::vector<WireEvent> own;
    for (int i = 0; i < 10; ++i)
        own.push_back(review("a" + std::to_string(i), kT0 + i * 7'200'000 + 1'000, "kiosk-a", "c1", 3));
    const auto merged = [&](const std::string& name, std::size_t page) {
        auto db = store::Database::open(dir / name, {true});
        sync::set_organisation_id(db, "org-a");
        sync::import_events(db, own, {});
        const auto r = sync::merge_database(db, dir / "b.db", {}, page);
        CHECK(r.added == 40);
        CHECK_FALSE(r.applied_in_place); // some of B's reviews sort before A's: recomputed
        CHECK(sync::check_rebuild(db, app::all_projections()).empty());
        return sync::canonical_dump(db, sync::derived_tables(app::all_projections()));
    };
    const std::string whole = merged("one.db", 1000);
    CHECK(merged("pages.db", 7) == whole); // 6 pages, the last one short
    CHECK(merged("single.db", 1) == whole);

    // Event 33 of the source, in the fifth page of 7, carries an id the target holds with other
    // content: the whole merge is refused, the first four pages are not kept.
    auto c = store::Database::open(dir / "c.db", {true});
    sync::set_organisation_id(c, "org-a");
    const std::vector<WireEvent> other{review("b32", kT0, "kiosk-z", "c9", 2)};
    sync::import_events(c, other, {});
    const auto before = count_events(c);
    try {
        sync::merge_database(c, dir / "b.db", {}, 7);
        FAIL("no refusal");
    } catch (const ImportRefused& e) {
        CHECK(e.reason() == ImportRefused::Reason::ConflictingDuplicate);
        CHECK(std::string(e.what()).find("b32") != std::string::npos);
    }
    CHECK(count_events(c) == before);
}
