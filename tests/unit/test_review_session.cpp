// The review session the kiosk draws (trainer/cards/review_session.hpp): one card at a time, a
// durable grade before the next, an unsaved grade kept and retried, cards sent back coming round.
#include "trainer/cards/review_session.hpp"
#include "trainer/core/time.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace trainer;
using cards::ReviewSession;
using Outcome = cards::ReviewSession::Outcome;

namespace {

const TimeMs kT0 = days_from_civil({2024, 3, 4}) * kMsPerDay + 9 * 3'600'000;

content::ContentSet three_cards() {
    content::ContentSet set;
    content::Deck deck{"first-contact", 1, {{"en", "First contact"}}, {}, {}};
    for (const char* id : {"c1", "c2", "c3"}) {
        content::Card c;
        c.id = id;
        c.deck_id = deck.id;
        c.text["en"] = content::CardText{std::string("Title of ") + id, "front", "back", "why", {"say"}, "avoid"};
        set.card_index[id] = set.cards.size();
        deck.card_ids.push_back(id);
        set.cards.push_back(std::move(c));
    }
    set.decks.push_back(std::move(deck));
    return set;
}

struct Session {
    store::Database db = store::Database::open_memory();
    FixedClock clock{kT0};
    store::EventStore events{db, clock, "kiosk-test"};
    content::ContentSet content = three_cards();
    cards::ReviewService reviews{db, events, clock, content, {}};
    Session() {
        db.prepare("INSERT INTO people (id, display_name, role, active, created_ms) VALUES ('ann', 'Ann', 'agent', 1, 0)").run();
    }
    std::int64_t graded() {
        auto st = db.prepare("SELECT count(*) FROM events WHERE type = 'card.reviewed'");
        st.step();
        return st.int64(0);
    }
};

} // namespace

TEST_CASE("a review session shows what was due at its start, one card at a time, each grade saved before the next",
          "[review-session]") {
    Session s;
    ReviewSession r(s.reviews, s.clock, "ann");
    REQUIRE(r.total() == 3);
    REQUIRE(r.current());
    const std::string first = r.current()->card_id;
    CHECK(r.preview().card_id == first);
    CHECK(r.preview().options.size() == 4);
    CHECK(r.grade(3) == Outcome::Saved);
    CHECK(s.graded() == 1);
    CHECK(r.position() == 1);
    CHECK(r.current()->card_id != first);
    CHECK(r.preview().card_id == r.current()->card_id); // the preview follows the card
    CHECK(r.grade(3) == Outcome::Saved);
    CHECK(r.grade(4) == Outcome::Saved);
    CHECK(r.finished());
    CHECK_FALSE(r.current());
    CHECK(r.grade(3) == Outcome::Ignored); // nothing left to grade
    CHECK(s.graded() == 3);
    const auto summary = r.summary();
    CHECK(summary.reviewed == 3);
    CHECK(summary.new_cards == 3);
}

TEST_CASE("a grade outside 1-4 is ignored and the card stays", "[review-session]") {
    Session s;
    ReviewSession r(s.reviews, s.clock, "ann");
    CHECK(r.grade(0) == Outcome::Ignored);
    CHECK(r.grade(5) == Outcome::Ignored);
    CHECK(r.position() == 0);
    CHECK(s.graded() == 0);
}

TEST_CASE("a grade the database cannot take stays on the same card and is tried again two seconds later",
          "[review-session]") {
    Session s;
    int failures_left = 2;
    ReviewSession r(s.reviews, s.clock, "ann", [&](const std::string& p, const std::string& c, fsrs::Rating g) {
        if (failures_left-- > 0) throw std::runtime_error("database or disk is full");
        s.reviews.grade(p, c, g);
    });
    const std::string first = r.current()->card_id;
    CHECK(r.grade(2) == Outcome::Pending);
    CHECK(r.take_problem().find("disk is full") != std::string::npos);
    CHECK(r.take_problem().empty()); // once
    REQUIRE(r.pending_rating() == 2);
    CHECK(r.retry_at_ms() == kT0 + ReviewSession::kRetryDelayMs);
    CHECK(r.current()->card_id == first);
    CHECK(r.retry_if_due() == Outcome::Ignored); // not yet
    s.clock.advance_ms(ReviewSession::kRetryDelayMs);
    CHECK(r.retry_if_due() == Outcome::Pending); // still full: wait again
    CHECK(r.retry_at_ms() == kT0 + 2 * ReviewSession::kRetryDelayMs);
    s.clock.advance_ms(ReviewSession::kRetryDelayMs);
    CHECK(r.retry_if_due() == Outcome::Saved);
    CHECK_FALSE(r.pending_rating());
    CHECK(r.position() == 1);
    CHECK(s.graded() == 1);
    auto st = s.db.prepare("SELECT json_extract(payload, '$.card'), json_extract(payload, '$.rating') FROM events "
                           "WHERE type = 'card.reviewed'");
    REQUIRE(st.step());
    CHECK(st.text(0) == first); // the grade the person gave, on the card they gave it to
    CHECK(st.int64(1) == 2);
}

TEST_CASE("a grade the service refuses skips the card and writes nothing", "[review-session]") {
    Session s;
    ReviewSession r(s.reviews, s.clock, "ann", [](const std::string&, const std::string& c, fsrs::Rating) {
        throw cards::ReviewError(cards::ReviewError::Code::UnknownCard, "no card " + c);
    });
    CHECK(r.grade(3) == Outcome::Refused);
    CHECK(r.take_problem().find("refused") != std::string::npos);
    CHECK_FALSE(r.pending_rating());
    CHECK(r.position() == 1);
    CHECK(s.graded() == 0);
}

TEST_CASE("a card sent back with Again comes round again at the end of the session once it is due",
          "[review-session]") {
    Session s;
    ReviewSession r(s.reviews, s.clock, "ann");
    const std::string again = r.current()->card_id;
    CHECK(r.grade(1) == Outcome::Saved); // Again: a learning step of a few minutes
    s.clock.advance_ms(30 * kMsPerMinute);
    CHECK(r.grade(4) == Outcome::Saved);
    CHECK(r.grade(4) == Outcome::Saved);
    REQUIRE_FALSE(r.finished());
    CHECK(r.total() == 4);
    CHECK(r.current()->card_id == again);
    CHECK(r.current()->kind == cards::QueueKind::Due);
    CHECK(r.grade(3) == Outcome::Saved);
    CHECK(r.summary().again == 1);
}
