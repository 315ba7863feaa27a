#pragma once
// One review session at the kiosk (DESIGN §4.2), as a state machine the kiosk only draws:
// - the queue is what was due when the session started, shown one card at a time;
// - a grade is durable before the next card shows (ReviewService::grade commits it);
// - a grade the service refuses (unknown card, clock behind...) skips the card, nothing written;
// - a grade the database could not take (disk full, locked) stays pending on the same card and
//   is tried again kRetryDelayMs later — nothing a person did is lost;
// - with `in_background` on a database file, grades go through a GradeWriter (grade_writer.hpp):
//   its own thread and connection, so grade() never waits on a lock for more than kFirstWaitMs;
//   the card stays on screen (Pending) until retry_if_due(), called each frame, sees the commit
//   done. The kiosk's way of grading (kiosk/flows/review_flow.cpp);
// - when the queue runs out, cards sent back a few minutes ago (Again, learning steps) that are
//   due again by now are appended: they belong in this session, as in any flashcard app.
#include "trainer/cards/grade_writer.hpp"
#include "trainer/cards/review_service.hpp"
#include "trainer/core/clock.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace trainer::cards {

class ReviewSession {
public:
    // Writes one grade durably; throws ReviewError to refuse, anything else for "not saved yet".
    // The default is ReviewService::grade; a caller may commit another way (e.g. off the UI thread).
    using Commit = std::function<void(const std::string& person_id, const std::string& card_id, fsrs::Rating)>;

    static constexpr TimeMs kRetryDelayMs = 250;
    // How long grade() waits for the writer before it answers Pending (a commit takes a few ms).
    static constexpr int kFirstWaitMs = 30;

    enum class Outcome { Saved, Refused, Pending, Ignored };

    // Takes the person's due queue now. `reviews` and `clock` must outlive the session.
    ReviewSession(ReviewService& reviews, const Clock& clock, std::string person_id, Commit commit = {},
                  bool in_background = false);

    const std::string& person_id() const { return person_id_; }
    TimeMs started_ms() const { return started_ms_; }
    bool finished() const { return pos_ >= queue_.size(); }
    // The card on screen; nullptr once finished.
    const QueueItem* current() const { return finished() ? nullptr : &queue_[pos_]; }
    std::size_t position() const { return pos_; } // 0-based index of the current card
    std::size_t total() const { return queue_.size(); }

    // What each grade button of the current card would do; cached per card. A failure to compute
    // it gives no options and its reason in take_problem().
    const GradeOptions& preview();

    // Grades the current card with 1..4 (Again..Easy); Ignored for another value or when finished.
    Outcome grade(int rating);
    // A grade not saved yet and the time it is tried again.
    std::optional<int> pending_rating() const { return pending_; }
    TimeMs retry_at_ms() const { return retry_at_ms_; }
    // Tries the pending grade again once its time has come, or (with the writer) asks it whether
    // the grade is committed yet, without waiting; Ignored while nothing changed.
    Outcome retry_if_due();
    // True while the pending grade waits on a problem (locked, disk full) rather than on a commit
    // that merely takes a moment: what the kiosk tells the person.
    bool save_delayed() const { return pending_ && (!writer_ || !waiting_problem_.empty()); }
    // True while that problem is a full disk (the person can do something: tell the administrator).
    bool save_waits_for_disk_space() const { return pending_ && waiting_disk_full_; }
    // True when grades go through a GradeWriter (asked for, on a database file).
    bool writes_in_background() const { return writer_ != nullptr; }

    // Ends background writing (sign-out, exit): waits for a pending grade as GradeWriter::stop()
    // does and returns what could not be saved, for the log; nothing without a writer.
    std::vector<std::string> stop_writing();

    // The last failure's detail (for the log), once; empty when there was none.
    std::string take_problem();

    // What happened since the session started and when to come back.
    SessionSummary summary() const;

private:
    void advance();
    Outcome settle(const GradeWriter::Status& s);

    ReviewService& reviews_;
    const Clock& clock_;
    std::string person_id_;
    Commit commit_;
    TimeMs started_ms_ = 0;
    std::vector<QueueItem> queue_;
    std::size_t pos_ = 0;
    std::optional<GradeOptions> preview_;
    std::optional<int> pending_;
    TimeMs retry_at_ms_ = 0;
    std::string problem_;
    std::unique_ptr<GradeWriter> writer_;
    std::optional<std::uint64_t> ticket_; // the grade the writer has not finished
    std::string waiting_problem_;         // logged once per grade, not each frame
    bool waiting_disk_full_ = false;
};

} // namespace trainer::cards
