#pragma once
// The kiosk's writer for grades (issue 16 point 8): a thread of its own with its own connection
// commits each grade durably (ReviewService::grade), strictly in the order given, and reports
// when it has. The UI thread submits and polls, so the window keeps drawing while another
// program (a big import) holds the write lock; a grade is reported saved only after its commit
// returned, so a kill -9 can never lose a grade the screen called saved. A grade the database
// cannot take yet (locked, disk full) stays first in line and is tried again; one the service
// refuses (unknown card, clock behind) is reported refused and nothing is written.
#include "trainer/cards/review_service.hpp"
#include "trainer/core/clock.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace trainer::cards {

class GradeWriter {
public:
    enum class State { Waiting, Saved, Refused };
    struct Status {
        State state = State::Waiting;
        std::string problem; // why it still waits ("database is locked") or why it was refused
        bool disk_full = false; // it waits because the disk holding the database has no room
    };
    static constexpr int kBusyTimeoutMs = 250; // per attempt, so a waiting grade says why
    static constexpr int kStopGraceMs = 5000;  // what the destructor gives queued grades

    // Opens a second connection to the database file `db_path` (not an in-memory database) and
    // grades with a copy of `content`, the same review config and `clock` (which must outlive it).
    // Throws store::StoreError when the file cannot be opened.
    GradeWriter(const std::filesystem::path& db_path, const content::ContentSet& content, ReviewConfig config,
                const Clock& clock);
    GradeWriter(const GradeWriter&) = delete;
    GradeWriter& operator=(const GradeWriter&) = delete;
    // Commits what is still queued (for at most kStopGraceMs while the file stays locked), then stops.
    ~GradeWriter();
    // The same, now: the grades still not saved after the grace ("person, card, rating: why"), for
    // the log — the person's answer must not vanish without a word. Later calls return nothing.
    std::vector<std::string> stop();

    // Queues a grade; the ticket names it in status().
    std::uint64_t submit(std::string person_id, std::string card_id, fsrs::Rating rating);
    // Where the grade stands now; never blocks on the database.
    Status status(std::uint64_t ticket) const;
    // Waits up to `ms` for the grade to leave Waiting; its status then.
    Status wait(std::uint64_t ticket, int ms) const;

private:
    struct Job {
        std::uint64_t ticket;
        std::string person_id, card_id;
        fsrs::Rating rating = fsrs::Rating::Good;
    };
    void run();

    std::shared_ptr<const content::ContentSet> content_;
    ReviewConfig config_;
    const Clock& clock_;
    std::filesystem::path path_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::deque<Job> queue_;
    std::map<std::uint64_t, Status> status_;
    std::uint64_t next_ticket_ = 1;
    bool stopping_ = false;
    std::string open_problem_;
    std::thread thread_; // last: starts after everything above exists
};

} // namespace trainer::cards
