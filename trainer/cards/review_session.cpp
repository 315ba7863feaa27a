#include "trainer/cards/review_session.hpp"

#include "trainer/store/database.hpp"

#include <sqlite3.h>

#include <utility>

namespace trainer::cards {

ReviewSession::ReviewSession(ReviewService& reviews, const Clock& clock, std::string person_id, Commit commit,
                             bool in_background)
    : reviews_(reviews), clock_(clock), person_id_(std::move(person_id)), commit_(std::move(commit)) {
    // A database file: a writer of its own (grade_writer.hpp). An in-memory database cannot be
    // opened twice, so it commits here, as does a writer that cannot open the file.
    const auto& path = reviews.database().path();
    if (in_background && !commit_ && !path.empty() && path != ":memory:") {
        try {
            writer_ = std::make_unique<GradeWriter>(path, reviews.content(), reviews.config(), clock);
        } catch (const std::exception& e) {
            problem_ = std::string("grades commit on the screen's connection: ") + e.what();
        }
    }
    if (!commit_ && !writer_)
        commit_ = [&reviews](const std::string& person, const std::string& card, fsrs::Rating r) {
            // The kiosk's UI thread must keep drawing while another program holds the write lock
            // (a big import): wait at most 50 ms, then the grade stays pending and is retried.
            const store::ShortBusyWait short_wait(reviews.database(), 50);
            reviews.grade(person, card, r);
        };
    started_ms_ = clock_.now_ms();
    queue_ = reviews_.due_queue(person_id_);
}

const GradeOptions& ReviewSession::preview() {
    const QueueItem* item = current();
    const std::string card = item ? item->card_id : std::string{};
    if (!preview_ || preview_->card_id != card) {
        try {
            preview_ = item ? reviews_.preview(person_id_, card) : GradeOptions{};
        } catch (const std::exception& e) {
            problem_ = e.what();
            preview_ = GradeOptions{card, 0, {}};
        }
    }
    return *preview_;
}

ReviewSession::Outcome ReviewSession::settle(const GradeWriter::Status& s) {
    using State = GradeWriter::State;
    if (s.state == State::Waiting) {
        waiting_disk_full_ = s.disk_full;
        if (!s.problem.empty() && s.problem != waiting_problem_) {
            waiting_problem_ = s.problem;
            problem_ = "grade not saved yet: " + s.problem;
        }
        return Outcome::Pending;
    }
    ticket_.reset();
    pending_.reset();
    waiting_problem_.clear();
    waiting_disk_full_ = false;
    if (s.state == State::Refused) problem_ = "grade refused: " + s.problem; // nothing written
    advance();
    return s.state == State::Saved ? Outcome::Saved : Outcome::Refused;
}

ReviewSession::Outcome ReviewSession::grade(int rating) {
    const auto r = rating_from_int(rating);
    if (finished() || !r) return Outcome::Ignored;
    if (writer_) {
        if (ticket_) return Outcome::Ignored; // one grade at a time: the first is still being written
        ticket_ = writer_->submit(person_id_, queue_[pos_].card_id, *r);
        pending_ = rating;
        return settle(writer_->wait(*ticket_, kFirstWaitMs));
    }
    try {
        commit_(person_id_, queue_[pos_].card_id, *r);
    } catch (const ReviewError& e) {
        problem_ = std::string("grade refused: ") + e.what(); // skip this card, nothing written
        pending_.reset();
        advance();
        return Outcome::Refused;
    } catch (const std::exception& e) {
        problem_ = std::string("grade not saved yet: ") + e.what();
        const auto* store_error = dynamic_cast<const store::StoreError*>(&e);
        waiting_disk_full_ = store_error && (store_error->code() & 0xFF) == SQLITE_FULL;
        pending_ = rating;
        retry_at_ms_ = clock_.now_ms() + kRetryDelayMs;
        return Outcome::Pending;
    }
    pending_.reset();
    advance();
    return Outcome::Saved;
}

ReviewSession::Outcome ReviewSession::retry_if_due() {
    if (writer_) {
        if (!ticket_) return Outcome::Ignored;
        const Outcome o = settle(writer_->status(*ticket_));
        return o == Outcome::Pending ? Outcome::Ignored : o;
    }
    if (!pending_ || clock_.now_ms() < retry_at_ms_) return Outcome::Ignored;
    return grade(*pending_);
}

void ReviewSession::advance() {
    ++pos_;
    preview_.reset();
    if (pos_ < queue_.size()) return;
    for (auto& item : reviews_.due_queue(person_id_))
        if (item.kind == QueueKind::Due) queue_.push_back(std::move(item));
}

std::vector<std::string> ReviewSession::stop_writing() {
    if (!writer_) return {};
    return writer_->stop();
}

std::string ReviewSession::take_problem() { return std::exchange(problem_, {}); }

SessionSummary ReviewSession::summary() const { return reviews_.session_summary(person_id_, started_ms_); }

} // namespace trainer::cards
