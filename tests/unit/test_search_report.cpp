// What agents look for and do not find (README "Search"): queries kept with lookups and in
// search.unopened events, the search report, and the result snippet with highlighted words.
#include "support.hpp"
#include "trainer/cards/review_service.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/core/time.hpp"
#include "trainer/cards/search_report.hpp"
#include "trainer/search/snippet.hpp"
#include "trainer/store/database.hpp"
#include "trainer/store/events.hpp"

#include <catch2/catch.hpp>

using namespace trainer;

TEST_CASE("stored queries are folded, cut at a word and dropped when too short", "[search]") {
    CHECK(search::stored_query("  Reklamacją  KLIENTA! ") == "reklamacja klienta");
    CHECK(search::stored_query("ab").empty());      // a first keystroke or two says nothing
    CHECK(search::stored_query("?!. ,,").empty());  // punctuation only
    CHECK(search::stored_query("skarga\x01претензия") == "skarga претензия");
    const std::string huge(10000, 'x');
    CHECK(search::stored_query(huge + " a").size() <= search::kMaxStoredQueryBytes);
    std::string many;
    for (int i = 0; i < 100; ++i)
        many += "slowo ";
    const std::string cut = search::stored_query(many);
    CHECK(cut.size() <= search::kMaxStoredQueryBytes);
    CHECK(cut.back() == 'o'); // whole words only
}

TEST_CASE("the search report counts top, no-result and unopened queries since a date", "[search]") {
    test::TempDir dir;
    store::OpenOptions o;
    o.create_if_missing = true;
    auto db = store::Database::open(dir / "t.db", o);
    SystemClock clock;
    store::EventStore ev(db, clock, "k");
    const TimeMs now = clock.now_ms();
    auto lookup = [&](const std::string& q, TimeMs at) {
        ev.record({cards::kCardLookedUp, "ann", {{"card", "c1"}, {"source", "search"}, {"query", q}}, {}, at});
    };
    lookup("reklamacja", now);
    lookup("Reklamacja", now);
    lookup("old query", now - 40LL * 86400000);            // before --since
    ev.record({cards::kCardLookedUp, "ann", {{"card", "c1"}, {"source", "deck"}}, {}, now}); // no query
    CHECK(search::record_unopened(ev, "bluzga klient", 0, "search"));
    CHECK(search::record_unopened(ev, "bluzga klient", 0, "desk"));
    CHECK(search::record_unopened(ev, "reklamacja", 4, "search"));
    CHECK_FALSE(search::record_unopened(ev, "ab", 0, "search")); // too short: nothing written
    // The unopened events carry no person.
    ev.for_each({.type = std::string(search::kSearchUnopened)},
                [](const store::Event& e) { CHECK(e.person_id.empty()); });

    const auto r = search::search_report(ev, now - 86400000, 10);
    CHECK(r.searches == 5);
    CHECK(r.opened == 2);
    REQUIRE(r.top.size() == 2);
    CHECK(r.top[0].query == "reklamacja");
    CHECK(r.top[0].count == 3);
    CHECK(r.top[1].query == "bluzga klient");
    REQUIRE(r.no_result.size() == 1);
    CHECK(r.no_result[0].query == "bluzga klient");
    CHECK(r.no_result[0].count == 2);
    REQUIRE(r.no_opened.size() == 1);
    CHECK(r.no_opened[0].query == "reklamacja");
    CHECK(search::search_report(ev, now + 86400000, 10).searches == 0);
}

TEST_CASE("a snippet starts near the first match, cuts at words and marks the matches", "[search]") {
    const std::string text =
        "Klient dzwoni trzeci raz w tym tygodniu, bo reklamacja wciąż nie została rozpatrzona, "
        "a obiecany telefon zwrotny nigdy nie nastąpił.";
    const auto parts = search::make_snippet(text, {"reklamacja"}, 40);
    REQUIRE(parts.size() >= 3);
    CHECK(parts.front().text == "…"); // cut before
    CHECK(parts.back().text == "…");  // and after
    std::string joined;
    bool marked = false;
    for (const auto& p : parts) {
        joined += p.text;
        if (p.match) {
            CHECK(p.text == "reklamacja");
            marked = true;
        }
    }
    CHECK(marked);
    // Whole words only: the text between the ellipses is a piece of the original.
    const std::string inner = joined.substr(3, joined.size() - 6);
    CHECK(text.find(inner) != std::string::npos);
    CHECK(inner.front() != ' ');
    // Diacritics fold: the folded word marks the written one.
    const auto ru = search::make_snippet("Закройте жалобу вместе с клиентом.", {"жалобу"}, 100);
    bool found = false;
    for (const auto& p : ru)
        found = found || (p.match && p.text == "жалобу");
    CHECK(found);
    CHECK(ru.back().text != "…"); // short enough: no cut
    CHECK(search::make_snippet("", {"x"}, 10).empty());
}
