// The review session the kiosk draws (trainer/cards/review_session.hpp): one card at a time, a
// durable grade before the next, an unsaved grade kept and retried, cards sent back coming round.
#include "trainer/cards/review_session.hpp"
#include "trainer/core/time.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

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

namespace {

// A kiosk's database file and, on another connection, an import holding the write lock.
struct FileSession {
    test::TempDir dir;
    FixedClock clock{kT0};
    store::Database db = open(dir / "k.db");
    store::EventStore events{db, clock, "kiosk-test"};
    content::ContentSet content = three_cards();
    cards::ReviewService reviews{db, events, clock, content, {}};
    FileSession() {
        db.prepare("INSERT INTO people (id, display_name, role, active, created_ms) VALUES ('ann', 'Ann', 'agent', 1, 0)").run();
    }
    static store::Database open(const std::filesystem::path& p) {
        store::OpenOptions o;
        o.create_if_missing = true;
        return store::Database::open(p, o);
    }
    std::vector<std::string> graded_cards(store::Database& on) {
        std::vector<std::string> ids;
        auto st = on.prepare("SELECT json_extract(payload, '$.card') FROM events WHERE type = 'card.reviewed' ORDER BY seq");
        while (st.step()) ids.push_back(st.text(0));
        return ids;
    }
};

// Polls as the kiosk does each frame, for at most 10 s.
Outcome settled(ReviewSession& r) {
    for (int i = 0; i < 1000; ++i) {
        const Outcome o = r.retry_if_due();
        if (o != Outcome::Ignored) return o;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return Outcome::Ignored;
}

} // namespace

TEST_CASE("on a database file, a grade behind another program's write lock stays pending without blocking and is "
          "saved only once committed",
          "[review-session]") {
    FileSession s;
    ReviewSession r(s.reviews, s.clock, "ann", {}, /*in_background=*/true);
    REQUIRE(r.writes_in_background());
    store::Database import = FileSession::open(s.dir / "k.db");
    import.exec("BEGIN IMMEDIATE"); // a big import holds the write lock
    const std::string first = r.current()->card_id;
    CHECK(r.grade(3) == Outcome::Pending);
    CHECK(r.current()->card_id == first); // not saved: the card stays on screen
    CHECK(r.pending_rating() == 3);
    CHECK(r.grade(4) == Outcome::Ignored); // one grade at a time
    for (int frame = 0; frame < 30; ++frame) { // the window keeps drawing frames meanwhile
        CHECK(r.retry_if_due() == Outcome::Ignored);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(s.graded_cards(import).empty());
    import.exec("COMMIT");
    CHECK(settled(r) == Outcome::Saved);
    CHECK(r.position() == 1);
    CHECK_FALSE(r.pending_rating());
    CHECK(s.graded_cards(s.db) == std::vector<std::string>{first}); // committed, and only once
    CHECK(r.take_problem().find("grade not saved yet") != std::string::npos); // the log says why it waited
}

TEST_CASE("the grade writer commits grades in the order given, each once, after a lock is released",
          "[review-session]") {
    FileSession s;
    cards::GradeWriter writer(s.dir / "k.db", s.content, {}, s.clock);
    store::Database import = FileSession::open(s.dir / "k.db");
    import.exec("BEGIN IMMEDIATE");
    std::vector<std::uint64_t> tickets;
    for (const char* id : {"c2", "c1", "c3"})
        tickets.push_back(writer.submit("ann", id, fsrs::Rating::Good));
    CHECK(writer.status(tickets[0]).state == cards::GradeWriter::State::Waiting);
    import.exec("COMMIT");
    for (auto t : tickets)
        CHECK(writer.wait(t, 10'000).state == cards::GradeWriter::State::Saved);
    CHECK(s.graded_cards(s.db) == std::vector<std::string>{"c2", "c1", "c3"});
    // A grade the service refuses is reported refused and writes nothing.
    const auto refused = writer.wait(writer.submit("ann", "no-such-card", fsrs::Rating::Good), 10'000);
    CHECK(refused.state == cards::GradeWriter::State::Refused);
    CHECK_FALSE(refused.problem.empty());
    CHECK(s.graded_cards(s.db).size() == 3);
}

TEST_CASE("the grade writer's grades reach other programs after another program held the write lock and exited",
          "[review-session]") {
    FileSession s;
    const auto db = s.dir / "k.db";
    const auto flag = s.dir / "locked";
    cards::GradeWriter writer(db, s.content, {}, s.clock);
    // Another program (the sqlite3 shell, as a big import) holds the write lock for a second, then
    // commits and exits; the writer retries meanwhile on fresh connections of its own.
    const std::string cmd = "sqlite3 '" + db.string() + "' 'BEGIN IMMEDIATE;' '.shell touch " + flag.string() +
                            "; sleep 1' 'COMMIT;' > /dev/null 2>&1";
    int holder_rc = -1;
    std::thread holder([&] { holder_rc = std::system(cmd.c_str()); });
    for (int i = 0; i < 200 && !std::filesystem::exists(flag); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(std::filesystem::exists(flag));
    const auto first = writer.submit("ann", "c1", fsrs::Rating::Good);
    CHECK(writer.status(first).state == cards::GradeWriter::State::Waiting);
    CHECK(writer.wait(first, 10'000).state == cards::GradeWriter::State::Saved);
    holder.join();
    REQUIRE(holder_rc == 0);
    CHECK(writer.wait(writer.submit("ann", "c2", fsrs::Rating::Easy), 10'000).state ==
          cards::GradeWriter::State::Saved);
    // Saved means saved for everyone: a new reader in another process sees both grades.
    std::string seen;
    const std::string read = "sqlite3 '" + db.string() +
                             "' \"SELECT group_concat(json_extract(payload, '$.card')) FROM events WHERE type = "
                             "'card.reviewed'\"";
    if (FILE* p = ::popen(read.c_str(), "r")) {
        char buf[256];
        while (std::fgets(buf, sizeof buf, p)) seen += buf;
        ::pclose(p);
    }
    CHECK(seen == "c1,c2\n");
}

TEST_CASE("a grade queued when the writer is destroyed is still committed", "[review-session]") {
    FileSession s;
    {
        cards::GradeWriter writer(s.dir / "k.db", s.content, {}, s.clock);
        writer.submit("ann", "c1", fsrs::Rating::Good);
    }
    CHECK(s.graded_cards(s.db) == std::vector<std::string>{"c1"});
}
