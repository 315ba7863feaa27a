#include "trainer/cards/grade_writer.hpp"

#include "trainer/store/database.hpp"
#include "trainer/store/event_store.hpp"

#include <sqlite3.h>

#include <chrono>
#include <optional>
#include <utility>

namespace trainer::cards {

GradeWriter::GradeWriter(const std::filesystem::path& db_path, const content::ContentSet& content,
                         ReviewConfig config, const Clock& clock)
    : content_(std::make_shared<const content::ContentSet>(content)), config_(std::move(config)), clock_(clock),
      path_(db_path) {
    // Open once here, so a file that cannot be opened is the caller's error at once, not a grade
    // that waits for ever; the thread opens its own connection (SQLite handles stay on one thread).
    store::OpenOptions probe;
    probe.busy_timeout_ms = kBusyTimeoutMs;
    (void)store::Database::open(path_, probe);
    thread_ = std::thread([this] { run(); });
}

GradeWriter::~GradeWriter() { (void)stop(); }

std::vector<std::string> GradeWriter::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
    std::vector<std::string> unsaved;
    std::lock_guard lock(mutex_);
    for (const auto& job : queue_)
        unsaved.push_back("person " + job.person_id + ", card " + job.card_id + ", rating " +
                          std::to_string(static_cast<int>(job.rating)) + ": " + status_[job.ticket].problem);
    queue_.clear();
    return unsaved;
}

std::uint64_t GradeWriter::submit(std::string person_id, std::string card_id, fsrs::Rating rating) {
    std::uint64_t ticket = 0;
    {
        std::lock_guard lock(mutex_);
        ticket = next_ticket_++;
        queue_.push_back(Job{ticket, std::move(person_id), std::move(card_id), rating});
        status_[ticket] = Status{};
    }
    changed_.notify_all();
    return ticket;
}

GradeWriter::Status GradeWriter::status(std::uint64_t ticket) const {
    std::lock_guard lock(mutex_);
    const auto it = status_.find(ticket);
    return it == status_.end() ? Status{State::Refused, "no such grade"} : it->second;
}

GradeWriter::Status GradeWriter::wait(std::uint64_t ticket, int ms) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::milliseconds(ms), [&] {
        const auto it = status_.find(ticket);
        return it == status_.end() || it->second.state != State::Waiting;
    });
    const auto it = status_.find(ticket);
    return it == status_.end() ? Status{State::Refused, "no such grade"} : it->second;
}

void GradeWriter::run() {
    std::optional<store::Database> db;
    std::optional<store::EventStore> events;
    std::optional<ReviewService> reviews;
    std::chrono::steady_clock::time_point stop_deadline{};
    while (true) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return; // stopping, nothing left
            if (stopping_ && stop_deadline == std::chrono::steady_clock::time_point{})
                stop_deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kStopGraceMs);
            if (stopping_ && std::chrono::steady_clock::now() > stop_deadline) return; // never said saved
            job = queue_.front();
        }
        State state = State::Waiting;
        std::string problem;
        bool disk_full = false;
        try {
            if (!reviews) { // (again after a failed open: all three or none)
                events.reset();
                db.reset();
                store::OpenOptions o;
                o.busy_timeout_ms = kBusyTimeoutMs;
                db.emplace(store::Database::open(path_, o));
                events.emplace(*db, clock_, store::kiosk_id_of(*db));
                reviews.emplace(*db, *events, clock_, *content_, config_);
            }
            reviews->grade(job.person_id, job.card_id, job.rating); // durable when it returns
            state = State::Saved;
        } catch (const ReviewError& e) {
            state = State::Refused;
            problem = e.what();
        } catch (const std::exception& e) {
            problem = e.what(); // locked, disk full...: stays first in line
            const auto* store_error = dynamic_cast<const store::StoreError*>(&e);
            disk_full = store_error && (store_error->code() & 0xFF) == SQLITE_FULL;
            // A fresh connection for the next try: a statement the failure left stepped would
            // hold a read snapshot that another writer's commit makes stale, and every later
            // BEGIN IMMEDIATE on this connection would fail as "locked".
            reviews.reset();
            events.reset();
            db.reset();
        }
        std::unique_lock lock(mutex_);
        status_[job.ticket] = Status{state, problem, disk_full};
        if (state != State::Waiting) queue_.pop_front();
        changed_.notify_all();
        // Locked: the attempt itself waited kBusyTimeoutMs; anything else (disk full) waits here.
        if (state == State::Waiting)
            changed_.wait_for(lock, std::chrono::milliseconds(kBusyTimeoutMs), [&] { return stopping_; });
    }
}

} // namespace trainer::cards
