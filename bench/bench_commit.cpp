// Grade -> durable commit (DESIGN §5): ReviewService::grade() against a bare SQLite
// BEGIN / INSERT / COMMIT of an event-sized row into a table shaped like `events` (same columns,
// unique id, same indexes), on the same file, so the same pragmas (WAL, synchronous=FULL) and
// the same WAL. The two are measured alternately in blocks of 25 (one person's review session) so that disk and cache drift hit
// both alike. Prints `grade_commit_p50_us`, `grade_commit_p99_us`, `bare_commit_p50_us`,
// `bare_commit_p99_us`; no pass/fail (bench/report.py computes the ratio).
#include "trainer/cards/review_service.hpp"
#include "trainer/core/uuid.hpp"
#include "trainer/store/database.hpp"
#include "trainer/store/events.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace trainer;
using Wall = std::chrono::steady_clock;

constexpr int kN = 2000;
constexpr int kBlock = 25; // grades per session
constexpr int kPeople = 20;
constexpr int kCards = 200;

content::ContentSet make_content() {
    content::ContentSet set;
    content::Deck deck{"bench", 1, {{"en", "Bench"}}, {}, {}};
    for (int i = 0; i < kCards; ++i) {
        content::Card c;
        c.id = "card-" + std::to_string(i);
        c.deck_id = deck.id;
        c.text["en"] = content::CardText{"Title " + std::to_string(i), "front", "back", "why", {}, ""};
        set.card_index[c.id] = set.cards.size();
        deck.card_ids.push_back(c.id);
        set.cards.push_back(std::move(c));
    }
    set.decks.push_back(std::move(deck));
    return set;
}

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        std::fprintf(stderr, "bench_commit: %s: %s\n", what, sqlite3_errmsg(db));
        std::exit(1);
    }
}

// The baseline: nothing but SQLite, statements prepared once.
class BareInsert {
public:
    explicit BareInsert(sqlite3* db) : db_(db) {
        check(sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin_, nullptr), db, "prepare");
        check(sqlite3_prepare_v2(db, "COMMIT", -1, &commit_, nullptr), db, "prepare");
        check(sqlite3_prepare_v2(db,
                                 "INSERT INTO bare_events (id, type, person_id, kiosk_id, at_ms, payload) "
                                 "VALUES (?1, 'card.reviewed', ?2, 'kiosk-bench', ?3, ?4)",
                                 -1, &insert_, nullptr),
              db, "prepare");
    }
    ~BareInsert() {
        sqlite3_finalize(begin_);
        sqlite3_finalize(commit_);
        sqlite3_finalize(insert_);
    }
    void run(const std::string& id, const std::string& person, std::int64_t at, const std::string& payload) {
        step(begin_);
        sqlite3_bind_text(insert_, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert_, 2, person.data(), static_cast<int>(person.size()), SQLITE_STATIC);
        sqlite3_bind_int64(insert_, 3, at);
        sqlite3_bind_text(insert_, 4, payload.data(), static_cast<int>(payload.size()), SQLITE_STATIC);
        step(insert_);
        step(commit_);
    }

private:
    void step(sqlite3_stmt* s) {
        check(sqlite3_step(s), db_, "step");
        sqlite3_reset(s);
    }
    sqlite3* db_;
    sqlite3_stmt* begin_ = nullptr;
    sqlite3_stmt* commit_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;
};

} // namespace

int main() {
    const auto dir = std::filesystem::temp_directory_path() / ("trainer-bench-commit-" + new_uuid());
    std::filesystem::create_directories(dir);
    int status = 0;
    try {
        store::OpenOptions options;
        options.create_if_missing = true;
        auto db = store::Database::open(dir / "bench.db", options);
        db.exec("CREATE TABLE bare_events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, "
                "type TEXT NOT NULL, person_id TEXT, kiosk_id TEXT NOT NULL, at_ms INTEGER NOT NULL, "
                "payload TEXT NOT NULL CHECK (json_valid(payload))) STRICT");
        db.exec("CREATE INDEX bare_by_person ON bare_events (person_id, type, at_ms)");
        db.exec("CREATE INDEX bare_by_type ON bare_events (type, at_ms)");
        for (int p = 0; p < kPeople; ++p)
            db.prepare("INSERT INTO people (id, display_name, role, created_ms) VALUES (?1, ?2, 'agent', 0)")
                .bind_all("agent-" + std::to_string(p), "Agent " + std::to_string(p))
                .run();

        const content::ContentSet content = make_content();
        FixedClock clock(1'704'110'400'000); // 2024-01-01T12:00Z
        store::EventStore events(db, clock, "kiosk-bench");
        cards::ReviewService service(db, events, clock, content, {});
        BareInsert bare(db.handle());

        // A payload of the size grade() writes.
        const std::string payload =
            R"({"after":{"difficulty":2.118103970459016,"due_ms":1704111000000,"lapses":0,"learning_steps":1,)"
            R"("reps":1,"scheduled_days":0,"stability":2.3065,"state":"Learning"},"before":{"difficulty":0,)"
            R"("due_ms":1704110400000,"last_review_ms":null,"lapses":0,"learning_steps":0,"reps":0,)"
            R"("scheduled_days":0,"stability":0,"state":"New"},"card":"card-17","card_version":1,)"
            R"("due":"2024-01-01T12:10:00.000Z","elapsed_days":0,"rating":3})";
        std::mt19937 rng(42);
        std::discrete_distribution<int> rating({10, 10, 70, 10});
        std::vector<double> grade_us, bare_us;
        grade_us.reserve(kN);
        bare_us.reserve(kN);
        int g = 0;
        int session = 0;
        int b = 0;
        while (g < kN || b < kN) {
            // A review session: one person grades the head of their own queue, as at the kiosk.
            const std::string person = "agent-" + std::to_string(session++ % kPeople);
            for (int i = 0; i < kBlock && g < kN; ++i, ++g) {
                clock.advance_ms(37'000); // reviews a little apart; the clock never goes back
                auto queue = service.due_queue(person, 1);
                while (queue.empty()) {
                    clock.advance_ms(6 * 3'600'000);
                    queue = service.due_queue(person, 1);
                }
                const auto r = static_cast<fsrs::Rating>(rating(rng) + 1);
                const auto t0 = Wall::now();
                service.grade(person, queue.front().card_id, r);
                grade_us.push_back(std::chrono::duration<double, std::micro>(Wall::now() - t0).count());
            }
            for (int i = 0; i < kBlock && b < kN; ++i, ++b) {
                const std::string id = new_uuid();
                const std::string bare_person = "agent-" + std::to_string(b % kPeople);
                const auto t0 = Wall::now();
                bare.run(id, bare_person, clock.now_ms(), payload);
                bare_us.push_back(std::chrono::duration<double, std::micro>(Wall::now() - t0).count());
            }
        }
        std::printf("grade_commit_p50_us %.1f\n", percentile(grade_us, 0.50));
        std::printf("grade_commit_p99_us %.1f\n", percentile(grade_us, 0.99));
        std::printf("bare_commit_p50_us %.1f\n", percentile(bare_us, 0.50));
        std::printf("bare_commit_p99_us %.1f\n", percentile(bare_us, 0.99));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_commit: %s\n", e.what());
        status = 1;
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return status;
}
