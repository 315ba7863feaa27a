// [SECTION] Fixture: an in-memory store, a fixed clock, a small content set, two agents
// [SECTION] The due queue
// [SECTION] Grading: durable, atomic, refused when wrong
// [SECTION] Refreshed standards, mastery, coaching, sessions
// [SECTION] Rebuild, config, CLI
#include "card_content.hpp"
#include "support.hpp"

#include "trainer/app/projections.hpp"
#include "trainer/cards/review_service.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/events.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <bit>
#include <cstdio>
#include <memory>

using namespace trainer;
using cards::QueueKind;
using cards::ReviewError;
using fsrs::Rating;

namespace {

// [SECTION] Fixture ------------------------------------------------------------------------------

constexpr TimeMs kMinute = kMsPerMinute;
constexpr TimeMs kHour = 60 * kMinute;
constexpr TimeMs kDay = kMsPerDay;
const TimeMs kT0 = days_from_civil({2024, 3, 4}) * kMsPerDay + 9 * kHour; // Monday 09:00 UTC

content::ContentSet make_content(const std::vector<std::pair<std::string, int>>& cards) {
    return test::make_card_content(cards);
}

void add_person(store::Database& db, const std::string& id, bool active = true) {
    db.prepare("INSERT INTO people (id, display_name, role, active, created_ms) VALUES (?1, ?2, 'agent', ?3, 0)")
        .bind_all(id, "Person " + id, active ? 1 : 0)
        .run();
}

std::int64_t scalar(store::Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.int64(0);
}

struct Fixture {
    store::Database db = store::Database::open_memory();
    FixedClock clock{kT0};
    store::EventStore events{db, clock, "kiosk-test"};
    content::ContentSet content = make_content({{"c1", 1}, {"c2", 1}, {"c3", 1}, {"c4", 1}, {"c5", 1}, {"c6", 1}});
    std::unique_ptr<cards::ReviewService> service;

    explicit Fixture(cards::ReviewConfig config = {}) {
        add_person(db, "ann");
        add_person(db, "bob");
        add_person(db, "gone", false);
        service = std::make_unique<cards::ReviewService>(db, events, clock, content, config);
    }
    cards::ReviewService& s() { return *service; }
    std::int64_t reviews() { return scalar(db, "SELECT count(*) FROM events WHERE type = 'card.reviewed'"); }
    std::int64_t states() { return scalar(db, "SELECT count(*) FROM card_state"); }
};

std::vector<std::string> ids(const std::vector<cards::QueueItem>& q) {
    std::vector<std::string> out;
    for (const auto& i : q) out.push_back(i.card_id);
    return out;
}

// Every row of a table, every value exactly (doubles by their bits).
std::vector<std::string> snapshot(store::Database& db, const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    std::vector<std::string> rows;
    while (sqlite3_step(st) == SQLITE_ROW) {
        std::string row;
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            switch (sqlite3_column_type(st, c)) {
            case SQLITE_NULL: row += "NULL"; break;
            case SQLITE_INTEGER: row += std::to_string(sqlite3_column_int64(st, c)); break;
            case SQLITE_FLOAT:
                row += 'f';
                row += std::to_string(std::bit_cast<std::uint64_t>(sqlite3_column_double(st, c)));
                break;
            default: row += reinterpret_cast<const char*>(sqlite3_column_text(st, c)); break;
            }
            row += "|";
        }
        rows.push_back(row);
    }
    sqlite3_finalize(st);
    return rows;
}

} // namespace

// [SECTION] The due queue --------------------------------------------------------------------------

TEST_CASE("the due queue puts coaching items first, then the lowest retrievability, then new cards", "[review]") {
    Fixture f;
    f.s().grade("ann", "c1", Rating::Easy); // Review, S ~ 8 days
    f.s().grade("ann", "c2", Rating::Good); // Learning
    f.clock.advance_ms(10 * kMinute);
    f.s().grade("ann", "c2", Rating::Good); // Review, S ~ 2-3 days: more at risk later
    f.clock.advance_ms(kHour);
    cards::assign_coaching(f.events, {"ann", "c4", "QA: no next step named", "qa", "lead-1"});
    f.clock.advance_ms(kHour);
    cards::assign_coaching(f.events, {"ann", "c1", "QA: interrupted", "qa", "lead-1"});
    cards::assign_coaching(f.events, {"ann", "not-in-content", "old card", "qa", ""});
    f.clock.advance_ms(30 * kDay);

    const auto q = f.s().due_queue("ann");
    REQUIRE(ids(q) == std::vector<std::string>{"c4", "c1", "c2", "c3", "c5", "c6"});
    CHECK(q[0].kind == QueueKind::Coaching);
    CHECK(q[0].reason == "QA: no next step named");
    CHECK(q[0].source == "qa");
    CHECK(q[0].state == fsrs::State::New);
    CHECK(q[1].kind == QueueKind::Coaching);
    CHECK(q[1].state == fsrs::State::Review);
    CHECK(q[2].kind == QueueKind::Due);
    CHECK(q[2].retrievability > 0);
    CHECK(q[2].retrievability < q[1].retrievability);
    CHECK(q[3].kind == QueueKind::New);
    CHECK_FALSE(q[3].refreshed);
    CHECK(f.s().due_queue("ann", 2).size() == 2);
    CHECK(ids(f.s().due_queue("bob")) == std::vector<std::string>{"c1", "c2", "c3", "c4", "c5", "c6"});
}

TEST_CASE("due reviews are ordered by lowest retrievability, not by due date", "[review]") {
    Fixture f;
    f.s().grade("ann", "c1", Rating::Easy);
    f.clock.advance_ms(2 * kDay);
    f.s().grade("ann", "c2", Rating::Easy); // reviewed later, so more likely remembered
    f.clock.advance_ms(40 * kDay);
    const auto q = f.s().due_queue("ann");
    REQUIRE(q.size() >= 2);
    CHECK(ids(q)[0] == "c1");
    CHECK(ids(q)[1] == "c2");
    CHECK(q[0].retrievability < q[1].retrievability);
    CHECK(q[0].kind == QueueKind::Due);
}

TEST_CASE("the daily new-card limit counts cards started on the current UTC day", "[review]") {
    cards::ReviewConfig config;
    config.new_cards_per_day = 2;
    Fixture f(config);
    f.clock.set(days_from_civil({2024, 3, 4}) * kDay + 23 * kHour + 40 * kMinute); // 23:40 UTC
    CHECK(ids(f.s().due_queue("ann")) == std::vector<std::string>{"c1", "c2"});
    f.s().grade("ann", "c1", Rating::Easy);
    CHECK(ids(f.s().due_queue("ann")) == std::vector<std::string>{"c2"});
    f.s().grade("ann", "c2", Rating::Easy);
    CHECK(f.s().due_queue("ann").empty());
    f.clock.advance_ms(15 * kMinute); // 23:55, same day
    CHECK(f.s().due_queue("ann").empty());
    f.clock.advance_ms(10 * kMinute); // 00:05 the next UTC day: a fresh allowance
    CHECK(ids(f.s().due_queue("ann")) == std::vector<std::string>{"c3", "c4"});
}

// [SECTION] Grading ------------------------------------------------------------------------------

TEST_CASE("a grade is committed durably with its event and its new state before it returns", "[review]") {
    test::TempDir dir;
    store::OpenOptions o;
    o.create_if_missing = true;
    auto db = store::Database::open(dir / "t.db", o);
    add_person(db, "ann");
    FixedClock clock(kT0);
    store::EventStore events(db, clock, "kiosk-test");
    const auto content = make_content({{"c1", 3}});
    cards::ReviewService service(db, events, clock, content, {});
    const auto r = service.grade("ann", "c1", Rating::Good);
    CHECK(r.was_new);
    CHECK(r.after.state == fsrs::State::Learning);
    CHECK(r.interval_minutes == 10);

    // Another connection sees the commit. (Raw SQLite: Database::open would read the file header,
    // which is stale until the WAL is checkpointed.)
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open_v2((dir / "t.db").c_str(), &other, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    const auto text_of = [&](const char* sql) {
        sqlite3_stmt* st = nullptr;
        REQUIRE(sqlite3_prepare_v2(other, sql, -1, &st, nullptr) == SQLITE_OK);
        std::string v = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "";
        sqlite3_finalize(st);
        return v;
    };
    CHECK(text_of("SELECT id FROM events WHERE type = 'card.reviewed'") == r.event_id);
    const auto p = nlohmann::json::parse(text_of("SELECT payload FROM events WHERE type = 'card.reviewed'"));
    CHECK(p["card"] == "c1");
    CHECK(p["card_version"] == 3);
    CHECK(p["rating"] == 3);
    CHECK(p["before"]["state"] == "New");
    CHECK(p["after"]["state"] == "Learning");
    CHECK(p["after"]["stability"].get<double>() == r.after.stability);
    CHECK(p["due"] == format_iso_ms(kT0 + 10 * kMinute));
    CHECK(p["elapsed_days"] == 0);
    CHECK(text_of("SELECT count(*) FROM card_state WHERE person_id = 'ann' AND card_id = 'c1' "
                  "AND card_version = 3 AND reps = 1 AND last_rating = 3") == "1");
    sqlite3_close(other);
}

TEST_CASE("a failure inside a grade leaves neither the event nor the state", "[review]") {
    Fixture f;
    f.db.exec("CREATE TEMP TRIGGER fail_insert BEFORE INSERT ON main.card_state "
              "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    CHECK_THROWS_WITH(f.s().grade("ann", "c1", Rating::Good), Catch::Contains("injected failure"));
    CHECK(f.reviews() == 0);
    CHECK(f.states() == 0);

    f.db.exec("DROP TRIGGER fail_insert");
    f.s().grade("ann", "c1", Rating::Good);
    f.db.exec("CREATE TEMP TRIGGER fail_update BEFORE UPDATE ON main.card_state "
              "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    f.clock.advance_ms(10 * kMinute);
    CHECK_THROWS_WITH(f.s().grade("ann", "c1", Rating::Good), Catch::Contains("injected failure"));
    CHECK(f.reviews() == 1);
    CHECK(scalar(f.db, "SELECT reps FROM card_state WHERE card_id = 'c1'") == 1);

    f.db.exec("DROP TRIGGER fail_update");
    f.db.exec("CREATE TEMP TRIGGER fail_event BEFORE INSERT ON main.events "
              "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    CHECK_THROWS(f.s().grade("ann", "c2", Rating::Good));
    CHECK(f.states() == 1);
    f.db.exec("DROP TRIGGER fail_event");
    f.s().grade("ann", "c1", Rating::Good); // the service is still usable
    CHECK(scalar(f.db, "SELECT reps FROM card_state WHERE card_id = 'c1'") == 2);
}

TEST_CASE("a full disk during reviews: the grade fails whole, nothing half-written, and the same grade saves once there is room",
          "[review]") {
    // SQLite's max_page_count stands in for a full disk: a write that needs one more page fails
    // with SQLITE_FULL, exactly where a real full disk would fail it.
    test::TempDir dir;
    store::OpenOptions o;
    o.create_if_missing = true;
    auto db = store::Database::open(dir / "t.db", o);
    add_person(db, "ann");
    FixedClock clock(kT0);
    store::EventStore events(db, clock, "kiosk-test");
    std::vector<std::pair<std::string, int>> many;
    for (int i = 0; i < 400; ++i) {
        std::string id = "c";
        id += std::to_string(i);
        many.emplace_back(std::move(id), 1);
    }
    const auto content = make_content(many);
    cards::ReviewService service(db, events, clock, content, {});
    const auto pages = scalar(db, "PRAGMA page_count");
    db.exec("PRAGMA max_page_count = " + std::to_string(pages));
    int saved = 0;
    std::string failure;
    for (const auto& [card, v] : many) {
        try {
            service.grade("ann", card, Rating::Good);
            ++saved;
        } catch (const std::exception& e) {
            failure = e.what();
            break;
        }
    }
    REQUIRE_FALSE(failure.empty()); // the "disk" filled up before 400 grades
    CHECK_THAT(failure, Catch::Contains("full"));
    // Every event that exists has its state and the other way round: no grade is half there.
    CHECK(scalar(db, "SELECT count(*) FROM events WHERE type = 'card.reviewed'") == saved);
    CHECK(scalar(db, "SELECT count(*) FROM card_state") == saved);
    {
        auto check = db.prepare("PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.text(0) == "ok");
    }
    // Room again (an admin freed space): the grade the kiosk kept on screen goes through.
    db.exec("PRAGMA max_page_count = " + std::to_string(pages * 4));
    const std::string next = many[static_cast<std::size_t>(saved)].first;
    service.grade("ann", next, Rating::Good);
    CHECK(scalar(db, "SELECT count(*) FROM events WHERE type = 'card.reviewed'") == saved + 1);
    auto one = db.prepare("SELECT count(*) FROM card_state WHERE card_id = ?1");
    one.bind(1, next);
    REQUIRE(one.step());
    CHECK(one.int64(0) == 1);
}

TEST_CASE("grading refuses an unknown card or person, a bad rating and a clock gone backwards", "[review]") {
    Fixture f;
    const auto code_of = [&](auto&& fn) {
        try {
            fn();
        } catch (const ReviewError& e) {
            return e.code();
        }
        FAIL("no ReviewError");
        return ReviewError::Code::BadInput;
    };
    CHECK(code_of([&] { f.s().grade("ann", "no-such-card", Rating::Good); }) == ReviewError::Code::UnknownCard);
    CHECK(code_of([&] { f.s().grade("nobody", "c1", Rating::Good); }) == ReviewError::Code::UnknownPerson);
    CHECK(code_of([&] { f.s().grade("gone", "c1", Rating::Good); }) == ReviewError::Code::InactivePerson);
    CHECK(code_of([&] { f.s().grade("ann", "c1", static_cast<Rating>(7)); }) == ReviewError::Code::BadRating);
    CHECK(code_of([&] { f.s().grade("ann", "c1", static_cast<Rating>(0)); }) == ReviewError::Code::BadRating);
    CHECK(code_of([&] { f.s().due_queue("nobody"); }) == ReviewError::Code::UnknownPerson);
    CHECK_THROWS_WITH(f.s().grade("ann", std::string(10000, 'x'), Rating::Good), Catch::Contains("no card with id"));
    CHECK(f.reviews() == 0);
    CHECK(f.states() == 0);

    f.s().grade("ann", "c1", Rating::Good);
    f.clock.advance_ms(-kMinute);
    CHECK(code_of([&] { f.s().grade("ann", "c1", Rating::Good); }) == ReviewError::Code::ClockBehind);
    CHECK(code_of([&] { f.s().preview("ann", "c1"); }) == ReviewError::Code::ClockBehind);
    CHECK_THROWS_WITH(f.s().grade("ann", "c1", Rating::Good), Catch::Contains("earlier than the card's last review"));
    CHECK(f.reviews() == 1);
    CHECK(scalar(f.db, "SELECT reps FROM card_state") == 1);
    CHECK(cards::rating_from_int(5) == std::nullopt);
    CHECK(cards::rating_from_int(4) == Rating::Easy);
}

TEST_CASE("each button previews its next interval; pass/fail mode shows two and refuses the others", "[review]") {
    Fixture f;
    const auto four = f.s().preview("ann", "c1");
    REQUIRE(four.options.size() == 4);
    CHECK(four.options[0].rating == Rating::Again);
    CHECK(four.options[0].interval_minutes == 1);
    CHECK(four.options[1].interval_minutes == 6); // Hard: the mean of the 1m and 10m steps
    CHECK(four.options[2].interval_minutes == 10);
    CHECK(four.options[3].next_state == fsrs::State::Review);
    CHECK(four.options[3].interval_minutes == 8 * 1440); // Easy: S0 = w3 = 8.2956 days at 90 %
    CHECK(f.reviews() == 0);                               // previewing writes nothing

    cards::ReviewConfig config;
    config.pass_fail_mode = true;
    Fixture pf(config);
    const auto two = pf.s().preview("ann", "c1");
    REQUIRE(two.options.size() == 2);
    CHECK(two.options[0].rating == Rating::Again);
    CHECK(two.options[1].rating == Rating::Good);
    CHECK(two.options[1].interval_minutes == 10);
    CHECK_THROWS_AS(pf.s().grade("ann", "c1", Rating::Hard), ReviewError);
    CHECK_THROWS_WITH(pf.s().grade("ann", "c1", Rating::Easy), Catch::Contains("pass/fail"));
    CHECK(pf.reviews() == 0);
    CHECK(pf.s().grade("ann", "c1", Rating::Good).after.state == fsrs::State::Learning);
}

// [SECTION] Refreshed standards, mastery, coaching, sessions ------------------------------------

TEST_CASE("a card whose standard gets a new version starts over; its old reviews stay", "[review]") {
    Fixture f;
    f.s().grade("ann", "c1", Rating::Easy);
    f.clock.advance_ms(10 * kDay);
    f.s().grade("ann", "c1", Rating::Good);
    f.s().grade("bob", "c1", Rating::Easy);
    const identity::Actor admin = identity::cli_admin();
    CHECK(f.s().mastery(admin, "ann")[0].mastered);

    auto v2 = make_content({{"c1", 2}, {"c2", 1}, {"c3", 1}, {"c4", 1}, {"c5", 1}, {"c6", 1}});
    f.s().set_content(v2);
    for (const std::string person : {"ann", "bob"}) {
        const auto q = f.s().due_queue(person);
        REQUIRE_FALSE(q.empty());
        CHECK(q[0].card_id == "c1");
        CHECK(q[0].kind == QueueKind::New);
        CHECK(q[0].refreshed);
        CHECK(q[0].retrievability == 0);
    }
    const auto m = f.s().mastery(admin, "ann")[0];
    CHECK(m.card_version == 2);
    CHECK(m.state == fsrs::State::New);
    CHECK_FALSE(m.mastered);
    CHECK(m.successful_reviews == 0);

    f.clock.advance_ms(kHour);
    const auto r = f.s().grade("ann", "c1", Rating::Good);
    CHECK(r.was_new);
    CHECK(r.before.state == fsrs::State::New);
    CHECK(r.after.reps == 1);
    CHECK(f.reviews() == 4); // history kept
    CHECK(scalar(f.db, "SELECT card_version FROM card_state WHERE person_id = 'ann' AND card_id = 'c1'") == 2);
    CHECK(f.s().mastery(admin, "ann")[0].successful_reviews == 1);
}

TEST_CASE("mastery needs retrievability of at least 0.9 now and a Good or Easy review", "[review]") {
    Fixture f;
    f.s().grade("ann", "c1", Rating::Good);
    f.s().grade("ann", "c2", Rating::Hard);
    f.s().grade("ann", "c3", Rating::Again);
    const identity::Actor ann{"ann", identity::Role::Agent};
    auto m = f.s().mastery(ann, "ann");
    REQUIRE(m.size() == 6);
    CHECK(m[0].mastered);
    CHECK(m[0].retrievability == Approx(1.0));
    CHECK_FALSE(m[1].mastered); // recalled, but only with difficulty
    CHECK(m[1].retrievability >= 0.9);
    CHECK_FALSE(m[2].mastered);
    CHECK_FALSE(m[3].mastered);
    const auto sum = f.s().mastery_summary(ann, "ann");
    CHECK(sum.mastered == 1);
    CHECK(sum.total == 6);
    CHECK(sum.percent == Approx(100.0 / 6));

    f.clock.advance_ms(60 * kDay); // forgotten by now
    m = f.s().mastery(ann, "ann");
    CHECK(m[0].retrievability < 0.9);
    CHECK_FALSE(m[0].mastered);
    CHECK(f.s().mastery_summary(ann, "ann").mastered == 0);

    const identity::Actor bob{"bob", identity::Role::Agent};
    CHECK_THROWS_AS(f.s().mastery(bob, "ann"), identity::AccessDenied);
    CHECK_THROWS_AS(f.s().mastery_summary(identity::Actor{}, "ann"), identity::AccessDenied);
}

TEST_CASE("a Good review of a coaching card clears its coaching item; Hard does not", "[review]") {
    Fixture f;
    cards::assign_coaching(f.events, {"ann", "c3", "QA: promise not kept", "qa", ""});
    f.clock.advance_ms(kMinute);
    CHECK(f.s().due_queue("ann")[0].kind == QueueKind::Coaching);
    CHECK_FALSE(f.s().grade("ann", "c3", Rating::Hard).coaching_cleared);
    CHECK(f.s().due_queue("ann")[0].card_id == "c3");
    f.clock.advance_ms(10 * kMinute);
    CHECK(f.s().grade("ann", "c3", Rating::Good).coaching_cleared);
    const auto q = f.s().due_queue("ann");
    CHECK((q.empty() || q[0].kind != QueueKind::Coaching));
    CHECK(scalar(f.db, "SELECT count(*) FROM coaching_queue WHERE cleared_ms IS NOT NULL") == 1);
}

TEST_CASE("a lookup is recorded as its own event, not as a review", "[review]") {
    Fixture f;
    f.s().record_lookup("ann", "c2", "search");
    CHECK(scalar(f.db, "SELECT count(*) FROM events WHERE type = 'card.looked_up' AND person_id = 'ann' "
                       "AND json_extract(payload, '$.card') = 'c2'") == 1);
    CHECK(f.reviews() == 0);
    CHECK(f.states() == 0);
    CHECK_THROWS_AS(f.s().record_lookup("ann", "c2", ""), ReviewError);
    CHECK_THROWS_AS(f.s().record_lookup("ann", "zzz", "desk"), ReviewError);
    CHECK_THROWS_AS(f.s().record_lookup("nobody", "c2", "desk"), ReviewError);
    // The search query that found the card is kept, folded (README "Search").
    f.s().record_lookup("ann", "c3", "search", "Reklamacją KLIENTA");
    CHECK(scalar(f.db, "SELECT count(*) FROM events WHERE type = 'card.looked_up' "
                       "AND json_extract(payload, '$.query') = 'reklamacja klienta'") == 1);
}

TEST_CASE("the session summary counts reviews, Again ratings, new cards and the next due time", "[review]") {
    Fixture f;
    const TimeMs start = f.clock.now_ms();
    f.s().grade("ann", "c1", Rating::Again);
    f.s().grade("ann", "c2", Rating::Easy);
    f.clock.advance_ms(5 * kMinute);
    f.s().grade("ann", "c1", Rating::Good);
    f.s().grade("bob", "c1", Rating::Good); // someone else's session
    const auto s = f.s().session_summary("ann", start);
    CHECK(s.reviewed == 3);
    CHECK(s.again == 1);
    CHECK(s.new_cards == 2);
    REQUIRE(s.next_due_ms);
    CHECK(*s.next_due_ms == f.clock.now_ms() + 10 * kMinute); // c1's next learning step
    CHECK(f.s().session_summary("ann", f.clock.now_ms() + 1).reviewed == 0);
}

// [SECTION] Rebuild, config, CLI -------------------------------------------------------------------

TEST_CASE("rebuilding from the event log gives exactly the tables live grading wrote", "[review]") {
    Fixture f;
    const Rating pattern[] = {Rating::Good, Rating::Again, Rating::Easy, Rating::Hard, Rating::Good};
    int n = 0;
    for (int day = 0; day < 12; ++day) {
        for (const std::string person : {"ann", "bob"})
            for (const auto& q : f.s().due_queue(person, 4)) {
                f.s().grade(person, q.card_id, pattern[n++ % 5]);
                f.clock.advance_ms(3 * kMinute);
            }
        if (day == 3) cards::assign_coaching(f.events, {"bob", "c2", "QA", "qa", ""});
        if (day == 4) cards::assign_coaching(f.events, {"ann", "c6", "skills", "skills", ""});
        if (day == 5)
            cards::clear_coaching(f.events, "ann", "c6", "lead-1");
        if (day == 6) f.content.cards[1].version = 2; // c2 refreshed mid-history
        f.clock.advance_ms(kDay - 7 * kHour);
    }
    f.s().record_lookup("ann", "c1", "desk");
    const std::string states = "SELECT * FROM card_state ORDER BY person_id, card_id";
    const std::string coaching = "SELECT * FROM coaching_queue ORDER BY event_id";
    const auto before_states = snapshot(f.db, states);
    const auto before_coaching = snapshot(f.db, coaching);
    REQUIRE(before_states.size() >= 8);
    REQUIRE(before_coaching.size() == 2);
    REQUIRE(n > 30);

    const auto stats = store::rebuild(f.db, app::all_projections());
    CHECK(stats.events == f.events.count());
    CHECK(snapshot(f.db, states) == before_states);
    CHECK(snapshot(f.db, coaching) == before_coaching);
    f.db.exec("DELETE FROM card_state; UPDATE coaching_queue SET cleared_ms = 1");
    store::rebuild(f.db, {f.s().projection()});
    CHECK(snapshot(f.db, states) == before_states);
    CHECK(snapshot(f.db, coaching) == before_coaching);
}

TEST_CASE("a rebuild names a malformed review event and changes nothing", "[review]") {
    Fixture f;
    f.s().grade("ann", "c1", Rating::Good);
    f.events.append({cards::kCardReviewed, "ann", {{"card", "c2"}, {"rating", 3}}});
    CHECK_THROWS_WITH(store::rebuild(f.db, {cards::review_projection()}), Catch::Contains("malformed payload"));
    CHECK(f.states() == 1);
}

TEST_CASE("the review config names every bad key and value", "[review]") {
    std::vector<std::string> errors;
    const auto ok = cards::from_json(nlohmann::json::parse(R"({"desired_retention": 0.99, "new_cards_per_day": 0,
        "pass_fail_mode": true, "learning_steps": ["2m", "1h"], "relearning_steps": [], "maximum_interval": 365})"),
                                     &errors);
    CHECK(errors.empty());
    CHECK(ok.desired_retention == 0.99);
    CHECK(ok.pass_fail_mode);
    CHECK(ok.learning_steps == std::vector<std::int64_t>{2, 60});
    CHECK(ok.relearning_steps.empty());
    CHECK(cards::from_json(ok.to_json(), nullptr).learning_steps == ok.learning_steps);

    const auto bad = cards::from_json(nlohmann::json::parse(R"({"desired_retention": 0.7, "colour": "red",
        "new_cards_per_day": "ten", "pass_fail_mode": 1, "learning_steps": ["10x", "5m"], "maximum_interval": 0})"),
                                      &errors);
    REQUIRE(errors.size() == 6);
    const auto has = [&](const std::string& s) {
        for (const auto& e : errors)
            if (e.find(s) != std::string::npos) return true;
        return false;
    };
    CHECK(has("desired_retention: expected a number in (0.7, 0.99], got number 0.7"));
    CHECK(has("colour: unknown key"));
    CHECK(has("new_cards_per_day: expected a whole number from 0 to 1000, got string \"ten\""));
    CHECK(has("pass_fail_mode: expected true or false"));
    CHECK(has("learning_steps[0]"));
    CHECK(has("maximum_interval"));
    CHECK(bad.desired_retention == 0.9); // defaults kept
    CHECK(bad.learning_steps == std::vector<std::int64_t>{1, 10});
    CHECK_THROWS_WITH(cards::from_json(nlohmann::json::parse(R"({"desired_retention": 1.0})"), nullptr),
                      Catch::Contains("desired_retention"));
    CHECK_THROWS_AS(cards::from_json(nlohmann::json::array(), nullptr), std::invalid_argument);
}

TEST_CASE("the CLI shows the queue, records a grade and reports mastery", "[review][cli]") {
    test::TempDir dir;
    const std::string bin = std::string(TRAINER_BIN_DIR) + "/trainer --db " + (dir / "t.db").string() +
                            " --content " + TRAINER_TEST_DATA + "/content_good ";
    std::string out;
    REQUIRE(test::run_command(bin + "init", &out) == 0);
    REQUIRE(test::run_command(bin + "people add ann --name Ann --role agent", &out) == 0);
    REQUIRE(test::run_command(bin + "review queue ann --json", &out) == 0);
    auto q = nlohmann::json::parse(out);
    REQUIRE(q.size() >= 2);
    CHECK(q[0]["kind"] == "new");
    const std::string card = q[0]["card"];

    REQUIRE(test::run_command(bin + "review grade ann " + card + " 3", &out) == 0);
    CHECK(out.find("graded " + card + " Good") != std::string::npos);
    REQUIRE(test::run_command(bin + "mastery ann --json", &out) == 0);
    const auto m = nlohmann::json::parse(out);
    CHECK(m["mastered"] == 1);
    CHECK(m["total"] == q.size());

    CHECK(test::run_command(bin + "review grade ann " + card + " 9", &out) == 2);
    CHECK(out.find("RATING must be 1-4") != std::string::npos);
    CHECK(test::run_command(bin + "review grade ann no-such-card good", &out) == 1);
    CHECK(out.find("no card with id 'no-such-card'") != std::string::npos);
    CHECK(test::run_command(bin + "review queue nobody", &out) == 1);
    CHECK(out.find("no person with id 'nobody'") != std::string::npos);
    test::write_file(dir / "bad.json", R"({"desired_retention": 2})");
    CHECK(test::run_command(bin + "review queue ann --config " + (dir / "bad.json").string(), &out) == 1);
    CHECK(out.find("desired_retention") != std::string::npos);
    REQUIRE(test::run_command(bin + "rebuild", &out) == 0);
    REQUIRE(test::run_command(bin + "mastery ann", &out) == 0);
    CHECK(out.find("ann: 1 of") != std::string::npos);
}
