// The child of the crash-kill test (tests/crash/crash_kill.py): grades cards through the same
// ReviewService as the kiosk and prints each event id only after grade() returned, i.e. after
// the commit is durable. The parent kills it with SIGKILL at random moments and checks that
// every printed id survived.
//
//   crash_child run DB CONTENT_DIR SEED [MAX_REVIEWS]   grade until killed (or MAX_REVIEWS)
//   crash_child verify DB                               the review caches equal a rebuild from
//                                                       the events; prints "ok" or the first
//                                                       difference (exit 1)
#include "trainer/cards/review_service.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/store/projection.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace trainer;

namespace {

constexpr TimeMs kStart = 1'700'000'000'000; // 2023-11-14: any fixed instant will do
const std::vector<std::string> kPeople = {"crash-ann", "crash-bob", "crash-cat"};

// Moves only when told to, so a restarted child continues after the last stored event and
// grade() never sees a clock behind a review.
class StepClock final : public Clock {
  public:
    explicit StepClock(TimeMs t) : t_(t) {}
    TimeMs now_ms() const override { return t_; }
    void advance(TimeMs d) { t_ += d; }

  private:
    TimeMs t_;
};

std::int64_t scalar(store::Database& db, const char* sql) {
    auto st = db.prepare(sql);
    return st.step() && !st.is_null(0) ? st.int64(0) : 0;
}

int run(const std::filesystem::path& db_path, const std::filesystem::path& content_dir,
        unsigned seed, long max_reviews) {
    const auto loaded = content::load_content(content_dir);
    if (!loaded.ok() || loaded.content->cards.empty()) {
        std::fprintf(stderr, "crash_child: content in %s refused or empty\n", content_dir.c_str());
        return 2;
    }
    const auto& set = *loaded.content;

    store::OpenOptions options;
    options.create_if_missing = true;
    auto db = store::Database::open(db_path, options);
    {
        store::Transaction tx(db);
        db.exec("INSERT OR IGNORE INTO teams (id, name) VALUES ('crash-team', 'Crash team')");
        for (const auto& p : kPeople) {
            db.prepare("INSERT OR IGNORE INTO people (id, display_name, role, active, created_ms) "
                       "VALUES (?1, ?1, 'agent', 1, 0)")
                .bind_all(p)
                .run();
            db.prepare("INSERT OR IGNORE INTO team_members (team_id, person_id) VALUES "
                       "('crash-team', ?1)")
                .bind_all(p)
                .run();
        }
        tx.commit();
    }
    StepClock clock(std::max(kStart, scalar(db, "SELECT max(at_ms) FROM events")) + 60'000);
    store::EventStore events(db, clock, "crash-kiosk");
    cards::ReviewConfig config;
    config.new_cards_per_day = 1000; // keep new cards flowing so every card gets graded
    cards::ReviewService service(db, events, clock, set, config);

    std::mt19937 rng(seed);
    for (long n = 0; max_reviews < 0 || n < max_reviews; ++n) {
        const std::string& person = kPeople[rng() % kPeople.size()];
        const auto queue = service.due_queue(person, 1);
        const std::string card = !queue.empty() && rng() % 4 != 0
                                     ? queue.front().card_id
                                     : set.cards[rng() % set.cards.size()].id;
        const auto rating = static_cast<fsrs::Rating>(1 + rng() % 4);
        const auto result = service.grade(person, card, rating);
        // One write per line, below PIPE_BUF: the parent reads whole lines or nothing.
        std::printf("%s\n", result.event_id.c_str());
        std::fflush(stdout);
        clock.advance(static_cast<TimeMs>(1 + rng() % (6 * 60)) * 60'000); // 1 min .. 6 h
    }
    return 0;
}

std::vector<std::string> rows(store::Database& db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &st, nullptr) != SQLITE_OK)
        throw std::runtime_error(sql);
    std::vector<std::string> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        std::string row;
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            const auto* text =
                sqlite3_column_text(st, c); // doubles as %.17g: exact enough to compare
            row += text ? reinterpret_cast<const char*>(text) : "NULL";
            row += '|';
        }
        out.push_back(std::move(row));
    }
    sqlite3_finalize(st);
    return out;
}

int verify(const std::filesystem::path& db_path) {
    // The app's own open path: a file left by a killed process must not be refused.
    auto db = store::Database::open(db_path);
    // Rebuild a copy: the file under test stays exactly as the killed child left it.
    const auto copy_path = std::filesystem::path(db_path.string() + ".verify");
    const auto remove_copy = [&] {
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(copy_path.string() + suffix);
    };
    remove_copy();
    db.backup_to(copy_path);
    int status = 0;
    {
        auto copy = store::Database::open(copy_path);
        const char* const kTables[] = {"SELECT * FROM card_state ORDER BY person_id, card_id",
                                       "SELECT * FROM coaching_queue ORDER BY event_id"};
        std::vector<std::vector<std::string>> before;
        for (const char* sql : kTables)
            before.push_back(rows(copy, sql));
        store::rebuild(copy, {cards::review_projection()});
        for (std::size_t t = 0; t < before.size() && status == 0; ++t) {
            const auto after = rows(copy, kTables[t]);
            if (after == before[t]) continue;
            status = 1;
            std::printf("%s: %zu rows stored, %zu after a rebuild from the events\n", kTables[t],
                        before[t].size(), after.size());
            for (std::size_t i = 0; i < std::min(after.size(), before[t].size()); ++i)
                if (after[i] != before[t][i]) {
                    std::printf("stored:  %s\nrebuilt: %s\n", before[t][i].c_str(),
                                after[i].c_str());
                    break;
                }
        }
    }
    remove_copy();
    if (status == 0)
        std::printf("ok %lld reviews\n",
                    static_cast<long long>(
                        scalar(db, "SELECT count(*) FROM events WHERE type = 'card.reviewed'")));
    return status;
}

} // namespace

int main(int argc, char** argv) {
    try {
        const std::string mode = argc > 1 ? argv[1] : "";
        if (mode == "run" && (argc == 5 || argc == 6))
            return run(argv[2], argv[3], static_cast<unsigned>(std::strtoul(argv[4], nullptr, 10)),
                       argc == 6 ? std::strtol(argv[5], nullptr, 10) : -1);
        if (mode == "verify" && argc == 3) return verify(argv[2]);
        std::fprintf(stderr,
                     "usage: crash_child run DB CONTENT_DIR SEED [MAX_REVIEWS] | verify DB\n");
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "crash_child: %s\n", e.what());
        return 1;
    }
}
