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

namespace {

constexpr TimeMs kNow = 1796584827000;

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

} // namespace

TEST_CASE("the schedule scan reports each current schedule of a content card, by person and content index", "[cards]") {
    auto db = store::Database::open_memory();
    content::ContentSet content;
    // Deck order, not id order; "m-moved" is in its second version.
    for (const auto& c : {card("t-tone"), card("b-greet"), card("m-moved", 2), card("h-hold")})
        content.cards.push_back(c);
    const TimeMs day = kMsPerDay;
    // anna: every kind of row.
    schedule(db, "anna", "a-gone", 1, 2, 3, 50, kNow - day, kNow + day);      // not in the content (first)
    schedule(db, "anna", "b-greet", 1, 2, 2, 40, kNow - 10 * day, kNow + day); // mastered, not due
    schedule(db, "anna", "c-gone", 1, 2, 1, 40, kNow - day, kNow - 1);        // not in the content (between)
    schedule(db, "anna", "h-hold", 1, 0, 0, 0, kNow, kNow);                   // New: not under review
    schedule(db, "anna", "m-moved", 1, 2, 4, 90, kNow - day, kNow - day);     // older version
    schedule(db, "anna", "t-tone", 1, 3, 1, 2.5, kNow - 30 * day, kNow - day); // faded, due
    schedule(db, "anna", "z-gone", 1, 2, 1, 9, kNow - day, kNow - day);       // not in the content (last)
    // ben: no successful review yet, but recent; and a current second version.
    schedule(db, "ben", "b-greet", 1, 1, 0, 3, kNow - day, kNow + 60000);
    schedule(db, "ben", "m-moved", 2, 2, 1, 20, kNow - 2 * day, kNow);
    // carl (asked for) has no schedules; dora (not asked for) has one.
    schedule(db, "dora", "b-greet", 1, 2, 1, 40, kNow - day, kNow - day);

    std::vector<std::tuple<std::size_t, std::string, bool, bool>> seen;
    cards::scan_schedules(db, content, cards::ReviewConfig{}, {"anna", "carl", "ben"}, kNow,
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
