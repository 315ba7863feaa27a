// Issue 12 §2, §8: events that arrive out of order recompute only the rows of the people they are
// about (trainer/sync/recompute.hpp), and the result equals a full rebuild.
#include "trainer/app/projections.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/events.hpp"
#include "trainer/sync/exchange.hpp"
#include "trainer/sync/local_log.hpp"
#include "trainer/store/replay_payload.hpp"
#include "trainer/sync/rebuild_check.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

using namespace trainer;
using nlohmann::json;
using sync::WireEvent;

namespace {

constexpr TimeMs kT0 = 1'767'258'000'000; // 2026-01-01T09:00:00Z
constexpr TimeMs kHour = 3'600'000;

WireEvent ev(const std::string& id, const std::string& device, TimeMs at, const std::string& type,
             const std::string& person, const json& payload) {
    return {id, "org-r", device, at, type, person, payload.dump()};
}

WireEvent review(const std::string& id, const std::string& device, TimeMs at, const std::string& person,
                 const std::string& card, int rating) {
    return ev(id, device, at, "card.reviewed", person, {{"card", card}, {"card_version", 1}, {"rating", rating}});
}

// Three agents, each with a day of reviews on desk-a, and a lead's assessment of each.
std::vector<WireEvent> history() {
    std::vector<WireEvent> out = {
        ev("t1", "admin", kT0 - 10 * kHour, "people.team_created", "root", {{"team", "north"}, {"name", "North"}}),
        ev("l0", "admin", kT0 - 9 * kHour, "person.added", "root",
           {{"person", "lena"}, {"display_name", "Lena M"}, {"role", "lead"}, {"locale", "en"}, {"teams", {"north"}}})};
    for (const std::string who : {"anna", "boris", "celia"}) {
        out.push_back(ev(who + "-add", "admin", kT0 - 9 * kHour, "person.added", "root",
                         {{"person", who}, {"display_name", who + " X"}, {"role", "agent"}, {"locale", "pl"}}));
        for (int i = 0; i < 12; ++i) {
            // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on a chain of string +.
            std::string id = who, card = "c";
            id.append("-r").append(std::to_string(i));
            card.append(std::to_string(i % 3));
            out.push_back(review(id, "desk-a", kT0 + i * kHour, who, card, 1 + (i % 4)));
        }
        out.push_back(ev(who + "-as", "kiosk-l", kT0 + 13 * kHour, "change.lead_assessed", "lena",
                         {{"person", who}, {"rollout", "r1"}, {"phase", "exploration"}, {"note", ""}}));
    }
    return out;
}

struct Fixture {
    store::Database db = store::Database::open_memory();
    FixedClock clock{kT0 + 100 * kHour};
    Fixture() {
        sync::set_organisation_id(db, "org-r");
        sync::import_events(db, history(), {&clock, "history"});
        // Which people's derived rows the next import writes or deletes, table by table.
        db.exec("CREATE TEMP TABLE touched (tbl TEXT, person TEXT)");
        for (const char* t : {"card_state", "change_phase_log", "change_phase_latest", "people"}) {
            const std::string col = std::string(t) == "people" ? "id" : "person_id";
            for (const char* when : {"INSERT", "DELETE"}) {
                const std::string row = std::string(when) == "INSERT" ? "NEW" : "OLD";
                db.exec(std::string("CREATE TEMP TRIGGER touched_") + t + "_" + when + " AFTER " + when + " ON main." + t +
                        " BEGIN INSERT INTO touched VALUES ('" + t + "', " + row + "." + col + "); END");
            }
            db.exec(std::string("CREATE TEMP TRIGGER touched_") + t + "_UPDATE AFTER UPDATE ON main." + t +
                    " BEGIN INSERT INTO touched VALUES ('" + t + "', NEW." + col + "); END");
        }
    }
    std::set<std::string> touched(const std::string& table) {
        std::set<std::string> out;
        auto st = db.prepare("SELECT DISTINCT person FROM touched WHERE tbl = ?1");
        st.bind(1, table);
        while (st.step()) out.insert(st.text(0));
        return out;
    }
    std::int64_t events_about(const std::string& person) {
        auto st = db.prepare("SELECT count(*) FROM events WHERE person_id = ?1 OR json_extract(payload, '$.person') = ?1");
        st.bind(1, person);
        REQUIRE(st.step());
        return st.int64(0);
    }
};

} // namespace

TEST_CASE("a review that arrives late recomputes only its person's rows, from their events alone", "[sync]") {
    Fixture f;
    const std::string before = sync::canonical_dump(f.db, sync::derived_tables(app::all_projections()));
    // desk-b graded Anna's card offline in the middle of her day; it sorts before her later reviews.
    const auto r = sync::import_events(f.db, std::vector<WireEvent>{review("late", "desk-b", kT0 + 5 * kHour + 1, "anna", "c1", 1)},
                                       {&f.clock, "desk-b"});
    CHECK_FALSE(r.applied_in_place);
    CHECK(r.recomputed_people == 1);
    CHECK(r.recomputed_shared.empty());
    // Anna's events only, and of them only those the review projection reads (her 12 reviews and
    // the late one; not her assessment or her person.added), not the whole log.
    CHECK(r.replayed == 13);
    CHECK(r.replayed < f.events_about("anna"));
    CHECK(f.touched("card_state") == std::set<std::string>{"anna"});
    // Only the projections that read reviews: her phases are not replayed.
    CHECK(f.touched("change_phase_latest").empty());
    CHECK(f.touched("people").empty());
    // The recomputed state is exactly what a full rebuild gives, and it changed Anna's schedule.
    CHECK(sync::check_rebuild(f.db, app::all_projections()).empty());
    CHECK(sync::canonical_dump(f.db, sync::derived_tables(app::all_projections())) != before);
}

TEST_CASE("a replay that keeps schedules in memory writes the rows that applying event by event writes",
          "[sync][rebuild]") {
    // A rebuild and a recompute batch their card_state writes (store::Projection::batch): compared
    // here with the projections applied one event at a time, as a live write does. Late events: a
    // coaching item Anna's Easy review at 7 h closes, and a review of c0 in version 2 that her later
    // v1 reviews must not move.
    Fixture f;
    const auto r = sync::import_events(
        f.db,
        std::vector<WireEvent>{ev("coach", "kiosk-l", kT0 + kHour / 2, "coaching.assigned", "lena",
                                  {{"person", "anna"}, {"card", "c1"}, {"reason", "QA"}, {"source", "qa"}}),
                               ev("v2", "desk-b", kT0 + 5 * kHour + kHour / 2, "card.reviewed", "anna",
                                  {{"card", "c0"}, {"card_version", 2}, {"rating", 3}})},
        {&f.clock, "desk-b"});
    REQUIRE_FALSE(r.applied_in_place);
    const auto dump = [&] { return sync::canonical_dump(f.db, {"card_state", "coaching_queue"}); };
    const std::string recomputed = dump();
    auto closed = f.db.prepare("SELECT cleared_ms FROM coaching_queue WHERE event_id = 'coach'");
    REQUIRE(closed.step());
    CHECK(closed.int64(0) == kT0 + 7 * kHour);
    closed.reset();
    auto c0 = f.db.prepare("SELECT card_version, reps, successes FROM card_state WHERE person_id = 'anna' AND card_id = 'c0'");
    REQUIRE(c0.step());
    CHECK(c0.int64(0) == 2);
    CHECK(c0.int64(1) == 1);
    CHECK(c0.int64(2) == 1);
    c0.reset();

    const auto projections = app::all_projections();
    for (const auto& p : projections) p.clear(f.db);
    store::for_each_in_order(f.db, {}, [&](const store::Event& e) {
        for (const auto& p : projections)
            if (p.types.empty() || store::type_matches(p.types, e.type)) p.apply(f.db, e);
    });
    CHECK(dump() == recomputed);
    store::rebuild(f.db, projections);
    CHECK(dump() == recomputed);
}

TEST_CASE("a lead's late assessment recomputes the assessed person, not the lead", "[sync]") {
    Fixture f;
    const auto r = sync::import_events(
        f.db,
        std::vector<WireEvent>{ev("as-late", "kiosk-m", kT0 + 2 * kHour, "change.lead_assessed", "lena",
                                  {{"person", "boris"}, {"rollout", "r1"}, {"phase", "denial"}, {"note", ""}})},
        {&f.clock, "kiosk-m"});
    CHECK(r.recomputed_people == 1);
    CHECK(f.touched("change_phase_log") == std::set<std::string>{"boris"});
    CHECK(f.touched("card_state").empty()); // reviews are not replayed for an assessment
    CHECK(sync::check_rebuild(f.db, app::all_projections()).empty());
}

TEST_CASE("a late change to a person recomputes the people tables whole, and no one's schedule", "[sync]") {
    Fixture f;
    const auto r = sync::import_events(
        f.db, std::vector<WireEvent>{ev("loc", "admin-2", kT0 + kHour, "person.locale_changed", "root", {{"person", "celia"}, {"locale", "ru"}})},
        {&f.clock, "admin-2"});
    CHECK_FALSE(r.applied_in_place);
    CHECK(std::find(r.recomputed_shared.begin(), r.recomputed_shared.end(), "people") != r.recomputed_shared.end());
    CHECK(f.touched("card_state").empty()); // no projection reading people events keeps schedules
    auto st = f.db.prepare("SELECT locale FROM people WHERE id = 'celia'");
    REQUIRE(st.step());
    CHECK(st.text(0) == "ru");
    CHECK(sync::check_rebuild(f.db, app::all_projections()).empty());
}

TEST_CASE("onboarding events that continue an attempt stored earlier are applied on top of it", "[sync]") {
    Fixture f;
    const json base = {{"person", "anna"}, {"module", "m1"}, {"version", 1}};
    auto with = [&](json extra) {
        json p = base;
        p.update(extra);
        return p;
    };
    sync::import_events(f.db,
                        std::vector<WireEvent>{ev("o1", "desk-a", kT0 + 20 * kHour, "onboarding.attempt_started", "anna", with({{"attempt", 1}})),
                                               ev("o2", "desk-a", kT0 + 20 * kHour + 1, "onboarding.page_viewed", "anna", with({{"page", 1}}))},
                        {&f.clock, "first"});
    // Later, in order: the attempt goes on and finishes (a projection that keeps module records in
    // memory must see the attempt it continues).
    const auto r = sync::import_events(
        f.db,
        std::vector<WireEvent>{ev("o3", "desk-a", kT0 + 21 * kHour, "onboarding.page_viewed", "anna", with({{"page", 2}})),
                               ev("o4", "desk-a", kT0 + 22 * kHour, "onboarding.attempt_finished", "anna",
                                  with({{"attempt", 1}, {"started_ms", kT0 + 20 * kHour}, {"ended_ms", kT0 + 22 * kHour},
                                        {"score", 1.0}, {"passed", true}}))},
        {&f.clock, "second"});
    CHECK(r.applied_in_place);
    CHECK(r.recomputed_people == 1);
    CHECK(sync::check_rebuild(f.db, app::all_projections()).empty());
}

TEST_CASE("two events one device wrote in the same millisecond replay in the order it wrote them", "[sync]") {
    // Events from before time-ordered ids: the second written has the smaller id. The device's own
    // order (origin_seq, migration 0014) travels with them and decides, on every device.
    const auto assessed = [](const std::string& id, std::int64_t origin, const std::string& phase) {
        WireEvent e = ev(id, "kiosk-old", kT0 + 14 * kHour, "change.lead_assessed", "lena",
                         {{"person", "anna"}, {"rollout", "r1"}, {"phase", phase}, {"note", ""}});
        e.origin_seq = origin;
        return e;
    };
    for (const bool reversed : {false, true}) {
        Fixture f;
        std::vector<WireEvent> batch = {assessed("zz-first", 41, "denial"), assessed("aa-second", 42, "commitment")};
        if (reversed) std::swap(batch[0], batch[1]);
        sync::import_events(f.db, batch, {&f.clock, "old kiosk"});
        auto st = f.db.prepare("SELECT phase FROM change_phase_latest WHERE person_id = 'anna'");
        REQUIRE(st.step());
        CHECK(st.text(0) == "commitment");
        CHECK(sync::check_rebuild(f.db, app::all_projections()).empty());
        // And it is kept: an export carries it on.
        const auto out = sync::export_events(f.db);
        for (const auto& e : out.events)
            if (e.id == "aa-second") CHECK(e.origin_seq == 42);
    }
}

TEST_CASE("a desk's own order within one millisecond travels through the sync seam both ways", "[sync]") {
    // Issue 12 §2: two lead assessments written in the same millisecond on desk A; ids alone
    // would order them at random. What desk A pushes names its own order, and desk B, pulling them
    // back in the other order, replays them in A's.
    auto a = store::Database::open_memory();
    sync::set_organisation_id(a, "org-r");
    FixedClock clock(kT0);
    store::EventStore events(a, clock, store::kiosk_id_of(a));
    for (const char* phase : {"denial", "resistance", "exploration", "commitment"})
        events.record({"change.lead_assessed", "lena", {{"person", "olek"}, {"rollout", "r1"}, {"phase", phase}, {"note", ""}}});
    sync::SqliteLocalLog push_side(a, clock);
    auto pushed = push_side.unacknowledged_events(10);
    REQUIRE(pushed.size() == 4);
    for (std::size_t i = 0; i < pushed.size(); ++i) CHECK(pushed[i].origin_seq == pushed[i].seq);

    auto b = store::Database::open_memory();
    sync::set_organisation_id(b, "org-r");
    sync::SqliteLocalLog pull_side(b, clock);
    std::reverse(pushed.begin(), pushed.end());
    CHECK(pull_side.apply_pulled(pushed, {"5", 1}) == 4);
    auto st = b.prepare("SELECT phase FROM change_phase_latest WHERE person_id = 'olek'");
    REQUIRE(st.step());
    CHECK(st.text(0) == "commitment");
    CHECK(sync::check_rebuild(b, app::all_projections()).empty());
    // B passes A's order on, not its own arrival order.
    for (const auto& e : sync::export_events(b).events) {
        const auto it = std::find_if(pushed.begin(), pushed.end(), [&](const sync::SyncEvent& p) { return p.id == e.id; });
        REQUIRE(it != pushed.end());
        CHECK(e.origin_seq == it->origin_seq);
    }
}

TEST_CASE("a replay leaves out of a payload only the keys no projection taking the event reads", "[sync]") {
    std::vector<store::Projection> ps(2);
    ps[0].unread_keys = {"after", "note"};
    ps[1].unread_keys = {"after"};
    store::ReplayPayloadParser parser(ps);
    const std::string text = R"({"after":{"reps":3,"state":"Review"},"card":"c1","note":"n","rating":3})";
    store::Payload both, first;
    parser.parse("card.reviewed", text, {1, 1}, both);
    CHECK(both.json() == json{{"card", "c1"}, {"note", "n"}, {"rating", 3}});
    parser.parse("card.reviewed", text, {1, 0}, first);
    CHECK(first.json() == json{{"card", "c1"}, {"rating", 3}});
    // A nested key of the same name is data, not the top-level key: kept.
    store::Payload nested;
    parser.parse("x", R"({"card":{"after":1}})", {1, 1}, nested);
    CHECK(nested.json() == json{{"card", {{"after", 1}}}});
    store::Payload broken;
    CHECK_THROWS_AS(parser.parse("card.reviewed", R"({"after":)", {1, 1}, broken), json::parse_error);
}

TEST_CASE("a replay payload with keys left out reads the same values as a full parse", "[sync][rebuild]") {
    std::vector<store::Projection> ps(1);
    ps[0].unread_keys = {"before", "after"};
    store::ReplayPayloadParser parser(ps);
    // Escapes, nested brackets inside strings, negative and large numbers, floats, booleans, null,
    // arrays and objects kept, spaces between tokens: every kept value is what nlohmann parses.
    const std::vector<std::string> texts = {
        R"({"after":{"s":"a}]\"{","n":[1,{"x":"]"}]},"card":"c\"1\\x","rating":-3,"big":18446744073709551615,)"
        R"("f":1.5e3,"t":true,"z":null,"arr":[1,"two",{"three":3}],"o":{"k":"v"}, "before" : {"q":[]} ,"u":"\u00e9"})",
        R"(  { "card" : "c1" , "card_version" : 2 , "after" : [ "}" ] }  )",
        R"({})",
    };
    for (const auto& text : texts) {
        INFO(text);
        store::Payload fast;
        parser.parse("card.reviewed", text, {1}, fast);
        json full = json::parse(text);
        full.erase("before");
        full.erase("after");
        CHECK(fast.json() == full);
        CHECK(fast.dump() == full.dump()); // the same types too (unsigned, signed, float)
    }
    // Text that is not a plain object falls back to the full parser, which names the error.
    store::Payload broken;
    for (const char* bad : {R"({"card":"c1",})", R"({"card" "c1"})", R"({"before":{"a":1},"card":)"}) {
        INFO(bad);
        CHECK_THROWS_AS(parser.parse("card.reviewed", bad, {1}, broken), json::exception);
    }
}
