#pragma once
// The review service behind the flashcard review screen (DESIGN §3, §4.2): what is due for a
// person, what each grade button would do, grading as one durable event, refreshed standards,
// mastery, and the projection that rebuilds the review tables from the event log.
//
// Rules decided here:
// - A review is "successful" when rated Good or Easy (Hard means the standard was recalled with
//   real difficulty: not yet something to count as mastered, nor enough to close a coaching item).
// - Mastery of a card = retrievability >= 0.9 now AND at least one successful review of the
//   card's current content version.
// - A card whose content version is higher than the version of the person's schedule starts over
//   as New ("refreshed standard"); its old review events stay in the log.
// - The daily new-card limit counts cards first reviewed (in their current version) on the
//   current organisation day (core/org_time_zone.hpp); coaching items are shown whatever the limit.
#include "trainer/cards/review_config.hpp"
#include "trainer/content/model.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/fsrs/scheduler.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/store/database.hpp"
#include "trainer/store/event_store.hpp"
#include "trainer/store/payload.hpp"
#include "trainer/store/projection.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace trainer::cards {

// Event types this service writes and reads.
inline constexpr const char* kCardReviewed = "card.reviewed";
inline constexpr const char* kCardLookedUp = "card.looked_up";
inline constexpr const char* kCoachingAssigned = "coaching.assigned";
inline constexpr const char* kCoachingCleared = "coaching.cleared";

// A request the service refuses; nothing was written. `code` lets a screen pick a calm message.
class ReviewError : public std::runtime_error {
public:
    enum class Code { UnknownCard, UnknownPerson, InactivePerson, BadRating, ClockBehind, BadInput };
    ReviewError(Code code, const std::string& what) : std::runtime_error(what), code_(code) {}
    Code code() const { return code_; }

private:
    Code code_;
};

// 1..4 → Again..Easy; nullopt otherwise.
std::optional<fsrs::Rating> rating_from_int(std::int64_t value);
const char* rating_name(fsrs::Rating r); // "Again", "Hard", "Good", "Easy"
// Good or Easy (see the rules above).
bool is_successful(fsrs::Rating r);

enum class QueueKind { Coaching, Due, New };
const char* queue_kind_name(QueueKind k); // "coaching", "due", "new"

struct QueueItem {
    std::string card_id;
    QueueKind kind = QueueKind::New;
    double retrievability = 0;           // recall probability now; 0 for a card not yet learned
    std::string reason;                  // coaching: why it was pushed (e.g. the QA criterion)
    std::string source;                  // coaching: who pushed it ("qa", "skills", "lead")
    bool refreshed = false;              // new because its standard got a new version
    fsrs::State state = fsrs::State::New;
    std::optional<TimeMs> due_ms;        // nullopt for a card not yet learned
};

struct GradeOption {
    fsrs::Rating rating = fsrs::Rating::Good;
    std::int64_t interval_minutes = 0; // until the card is due again, for "10 min" / "3 days"
    TimeMs due_ms = 0;
    fsrs::State next_state = fsrs::State::New;
};

struct GradeOptions {
    std::string card_id;
    TimeMs now_ms = 0;
    std::vector<GradeOption> options; // Again, Hard, Good, Easy; Again, Good in pass/fail mode
};

struct GradeResult {
    std::string card_id;
    std::string event_id; // the committed card.reviewed event
    int card_version = 1;
    fsrs::Rating rating = fsrs::Rating::Good;
    TimeMs reviewed_ms = 0;
    fsrs::Card before; // New for a first review of this version
    fsrs::Card after;
    bool was_new = false;          // first review of this card version
    bool coaching_cleared = false; // a successful review closed open coaching items
    std::int64_t interval_minutes = 0;
};

struct CardMastery {
    std::string card_id;
    std::string deck_id;
    int card_version = 1;
    fsrs::State state = fsrs::State::New; // New when never reviewed or refreshed
    double retrievability = 0;
    int successful_reviews = 0; // of the current version
    bool mastered = false;
    std::optional<TimeMs> due_ms;
};

struct MasterySummary {
    int mastered = 0;
    int total = 0;      // cards in the content
    double percent = 0; // 0..100; 0 when there are no cards
};

// The end-of-session screen: what happened since the session started and when to come back.
struct SessionSummary {
    int reviewed = 0;
    int again = 0;     // rated Again
    int new_cards = 0; // first reviews of a card version
    std::optional<TimeMs> next_due_ms; // earliest due of the person's learned cards (may be now)
};

// Pushes a card to the front of a person's queue: appends a coaching.assigned event and updates
// coaching_queue as the projection would, in the caller's transaction if any, else in its own.
struct CoachingAssignment {
    std::string person_id; // whose queue
    std::string card_id;
    std::string reason;
    std::string source;    // "qa", "skills", "lead"
    std::string actor_id;  // who assigned it; empty for a system import
};
store::Event assign_coaching(store::EventStore& events, const CoachingAssignment& a);
// Closes a person's open coaching items for a card without a review (a lead's decision):
// a coaching.cleared event, applied to coaching_queue as the projection would.
store::Event clear_coaching(store::EventStore& events, const std::string& person_id, const std::string& card_id,
                            const std::string& actor_id);

// Clears card_state and coaching_queue and replays card.reviewed and coaching.* events.
store::Projection review_projection();

class ReviewService {
public:
    static constexpr std::size_t kNoLimit = std::numeric_limits<std::size_t>::max();

    // Keeps references to all arguments; the database must outlive the service (it caches
    // prepared statements). Throws fsrs::ParamError for an unusable config.
    ReviewService(store::Database& db, store::EventStore& events, const Clock& clock,
                  const content::ContentSet& content, ReviewConfig config);
    ReviewService(store::Database&, store::EventStore&, const Clock&&, const content::ContentSet&,
                  ReviewConfig) = delete;

    const ReviewConfig& config() const { return config_; }
    store::Database& database() { return db_; }
    const content::ContentSet& content() const { return *content_; }
    // After the content library reloaded: the new set (kept by reference).
    void set_content(const content::ContentSet& content) { content_ = &content; }

    // Open coaching items (oldest first), then due reviews (lowest retrievability first), then
    // new or refreshed cards in deck order up to what is left of today's new-card limit.
    std::vector<QueueItem> due_queue(const std::string& person_id, std::size_t limit = kNoLimit);
    // What each button would do if the card were graded now.
    GradeOptions preview(const std::string& person_id, const std::string& card_id);
    // Appends card.reviewed and updates card_state (and coaching_queue) in one transaction,
    // committed durably before returning. ReviewError (nothing written) for an unknown card or
    // person, a rating outside 1-4 (or Hard/Easy in pass/fail mode), a clock before the last review.
    GradeResult grade(const std::string& person_id, const std::string& card_id, fsrs::Rating rating);
    // A card opened during work (search, desk mode): a card.looked_up event, not a review. The
    // search query that found it, when given, is kept folded (search/report.hpp).
    void record_lookup(const std::string& person_id, const std::string& card_id, const std::string& source,
                       const std::string& query = {});

    // Every card of the content for this person; identity::AccessDenied unless the actor may view them.
    std::vector<CardMastery> mastery(const identity::Actor& actor, const std::string& person_id);
    MasterySummary mastery_summary(const identity::Actor& actor, const std::string& person_id);
    // Reviews since `since_ms` (the session start) and the next due time.
    SessionSummary session_summary(const std::string& person_id, TimeMs since_ms);

    store::Projection projection() const { return review_projection(); }

private:
    struct Stored;
    std::vector<Stored> load_person(const std::string& person_id);
    std::optional<Stored> load_one(const std::string& person_id, const std::string& card_id);
    void require_person(const std::string& person_id);
    const content::Card& require_card(const std::string& card_id) const;

    store::Database& db_;
    store::EventStore& events_;
    const Clock& clock_;
    const content::ContentSet* content_;
    ReviewConfig config_;
    fsrs::Scheduler scheduler_;
    // nullopt for the defaults; else written into card.reviewed
    std::optional<store::Payload> scheduler_settings_;
    // Cached: grade() is on the durable-commit hot path (bench/bench_commit.cpp).
    store::Statement person_st_;
    store::Statement state_st_;
    store::Statement person_states_st_;
    store::Statement upsert_st_;
    store::Statement clear_coaching_st_;
};

} // namespace trainer::cards
