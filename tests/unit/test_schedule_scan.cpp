// cards::scan_schedules, the one read of a team's schedules behind the dashboard's table, heatmap
// and the team motivation index: which rows it reports and what it says of each, against schedule
// rows written directly (cards the content lacks sort between and after the content's own, the
// content's order is not its id order, a schedule of an older version, a New one).
#include "trainer/cards/schedule_scan.hpp"
#include "trainer/core/time.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

using namespace trainer;

// Named, not anonymous: the unity build puts several test files in one unit.
namespace schedule_scan_test {

constexpr TimeMs kScanNow = 1796584827000;

void schedule(store::Database& db, const std::string& person, const std::string& card, int version, int state,
              int successes, double stability, TimeMs last_review, TimeMs due) {
    auto st = db.prepare(
        "INSERT INTO card_state (person_id, card_id, card_version, due_ms, stability, difficulty, scheduled_days, "
        "learning_steps, reps, lapses, state, last_review_ms, last_rating, successes, introduced_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, 5, 1, 0, 1, 0, ?6, ?7, 3, ?8, ?7)");
    st.bind_all(person, card, version, due, stability, state, last_review, successes);
    st.run();
}

content::Card card(const std::string& id, int version = 1) {
    content::Card c;
    c.id = id;
    c.deck_id = "deck";
    c.version = version;
    return c;
}

} // namespace schedule_scan_test

TEST_CASE("the schedule scan reports each current schedule of a content card, by person and content index", "[cards]") {
    using namespace schedule_scan_test;
    auto db = store::Database::open_memory();
    content::ContentSet content;
    // Deck order, not id order; "m-moved" is in its second version.
    for (const auto& c : {card("t-tone"), card("b-greet"), card("m-moved", 2), card("h-hold")})
        content.cards.push_back(c);
    const TimeMs day = kMsPerDay;
    // anna: every kind of row.
    schedule(db, "anna", "a-gone", 1, 2, 3, 50, kScanNow - day, kScanNow + day);      // not in the content (first)
    schedule(db, "anna", "b-greet", 1, 2, 2, 40, kScanNow - 10 * day, kScanNow + day); // mastered, not due
    schedule(db, "anna", "c-gone", 1, 2, 1, 40, kScanNow - day, kScanNow - 1);        // not in the content (between)
    schedule(db, "anna", "h-hold", 1, 0, 0, 0, kScanNow, kScanNow);                   // New: not under review
    schedule(db, "anna", "m-moved", 1, 2, 4, 90, kScanNow - day, kScanNow - day);     // older version
    schedule(db, "anna", "t-tone", 1, 3, 1, 2.5, kScanNow - 30 * day, kScanNow - day); // faded, due
    schedule(db, "anna", "z-gone", 1, 2, 1, 9, kScanNow - day, kScanNow - day);       // not in the content (last)
    // ben: no successful review yet, but recent; and a current second version.
    schedule(db, "ben", "b-greet", 1, 1, 0, 3, kScanNow - day, kScanNow + 60000);
    schedule(db, "ben", "m-moved", 2, 2, 1, 20, kScanNow - 2 * day, kScanNow);
    // carl (asked for) has no schedules; dora (not asked for) has one.
    schedule(db, "dora", "b-greet", 1, 2, 1, 40, kScanNow - day, kScanNow - day);

    std::vector<std::tuple<std::size_t, std::string, bool, bool>> seen;
    cards::scan_schedules(db, content, cards::ReviewConfig{}, {"anna", "carl", "ben"}, kScanNow,
                          [&](const cards::ScheduleFacts& f) {
                              seen.emplace_back(f.person, content.cards.at(f.card).id, f.mastered, f.due);
                          });
    using Row = std::tuple<std::size_t, std::string, bool, bool>;
    const std::vector<Row> expected = {
        {0, "b-greet", true, false}, {0, "t-tone", false, true},  // anna
        {2, "b-greet", false, false}, {2, "m-moved", true, true}, // ben
    };
    CHECK(seen == expected);
}
