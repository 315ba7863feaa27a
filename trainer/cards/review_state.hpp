#pragma once
// The rows a review reads and writes (card_state, coaching_queue): the live path
// (review_service.cpp) and the projection (review_projection.cpp) use the same statements, so a
// replay writes exactly what grading wrote. Internal to trainer/cards.
#include "trainer/cards/review_service.hpp"
#include "trainer/store/payload.hpp"

struct sqlite3;

namespace trainer::cards {

// ?15 = this review was the first of the card version: the success count and the day the card was
// introduced (daily new-card limit) start over with it.
inline constexpr const char* kUpsertSql =
    "INSERT INTO card_state (person_id, card_id, card_version, due_ms, stability, difficulty, "
    "scheduled_days, learning_steps, reps, lapses, state, last_review_ms, last_rating, successes, "
    "introduced_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?12) "
    "ON CONFLICT (person_id, card_id) DO UPDATE SET card_version = excluded.card_version, "
    "due_ms = excluded.due_ms, stability = excluded.stability, difficulty = excluded.difficulty, "
    "scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps, "
    "reps = excluded.reps, lapses = excluded.lapses, state = excluded.state, "
    "last_review_ms = excluded.last_review_ms, last_rating = excluded.last_rating, "
    "successes = CASE WHEN ?15 THEN 0 ELSE card_state.successes END + excluded.successes, "
    "introduced_ms = CASE WHEN ?15 THEN excluded.introduced_ms ELSE card_state.introduced_ms END";

inline constexpr const char* kClearCoachingSql =
    "UPDATE coaching_queue SET cleared_ms = ?3 "
    "WHERE person_id = ?1 AND card_id = ?2 AND cleared_ms IS NULL AND assigned_ms <= ?3";

inline constexpr const char* kDismissCoachingSql =
    "UPDATE coaching_queue SET cleared_ms = ?3 WHERE person_id = ?1 AND card_id = ?2 AND cleared_ms IS NULL";

inline constexpr const char* kInsertCoachingSql =
    "INSERT INTO coaching_queue (event_id, person_id, card_id, reason, source, assigned_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

inline constexpr const char* kStateColumns =
    "card_version, due_ms, stability, difficulty, scheduled_days, learning_steps, reps, lapses, "
    "state, last_review_ms, successes, introduced_ms";

struct ReviewRow {
    const std::string& person_id;
    const std::string& card_id;
    int card_version;
    const fsrs::Card& after;
    fsrs::Rating rating;
    TimeMs at_ms;
    bool was_new;
};

// Writes the schedule after a review and, for a successful one, closes the person's open coaching
// items of the card assigned before it; *cleared (with db) says whether one was closed.
void write_review(store::Statement& upsert, store::Statement& clear, const ReviewRow& r,
                  bool* cleared = nullptr, sqlite3* db = nullptr);

// A card's schedule as the "before"/"after" of a card.reviewed payload.
store::Payload card_json(const fsrs::Card& c);

// The FSRS settings a review was graded with: scheduler_settings() in review_config.hpp.

// A schedule belongs to the content version it was learned in; a newer standard starts over.
// current_version: the adopted one where the history has one (content/adoption.hpp), so every
// device with the same events agrees; else the loaded file's.
inline bool is_current(int stored_version, int current_version) { return stored_version >= current_version; }

struct ReviewService::Stored {
    std::string card_id;
    int card_version = 0;
    fsrs::Card card;
    int successes = 0;
    TimeMs introduced_ms = 0;
};

// Reads kStateColumns starting at column `at`.
void read_state(const store::Statement& st, int at, int& version, fsrs::Card& c, int& successes,
                TimeMs& introduced);

} // namespace trainer::cards
