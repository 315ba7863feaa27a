#include "trainer/cards/review_state.hpp"

#include <sqlite3.h>

namespace trainer::cards {

void write_review(store::Statement& upsert, store::Statement& clear, const ReviewRow& r, bool* cleared,
                  sqlite3* db) {
    upsert.bind_all(r.person_id, r.card_id, r.card_version, r.after.due, r.after.stability,
                    r.after.difficulty, r.after.scheduled_days, r.after.learning_steps, r.after.reps,
                    r.after.lapses, static_cast<int>(r.after.state), r.at_ms, static_cast<int>(r.rating),
                    is_successful(r.rating) ? 1 : 0, r.was_new ? 1 : 0);
    upsert.run();
    upsert.reset();
    if (!is_successful(r.rating)) return;
    clear.bind_all(r.person_id, r.card_id, r.at_ms);
    clear.run();
    clear.reset();
    if (cleared) *cleared = sqlite3_changes(db) > 0;
}

store::Payload card_json(const fsrs::Card& c) {
    return {{"state", fsrs::state_name(c.state)}, {"stability", c.stability},
            {"difficulty", c.difficulty},         {"due_ms", c.due},
            {"scheduled_days", c.scheduled_days}, {"learning_steps", c.learning_steps},
            {"reps", c.reps},                     {"lapses", c.lapses}};
}


void read_state(const store::Statement& st, int at, int& version, fsrs::Card& c, int& successes,
                TimeMs& introduced) {
    version = static_cast<int>(st.int64(at));
    c.due = st.int64(at + 1);
    c.stability = st.real(at + 2);
    c.difficulty = st.real(at + 3);
    c.scheduled_days = st.int64(at + 4);
    c.learning_steps = static_cast<int>(st.int64(at + 5));
    c.reps = static_cast<int>(st.int64(at + 6));
    c.lapses = static_cast<int>(st.int64(at + 7));
    c.state = static_cast<fsrs::State>(st.int64(at + 8));
    c.last_review = st.int64(at + 9);
    successes = static_cast<int>(st.int64(at + 10));
    introduced = st.int64(at + 11);
}

} // namespace trainer::cards
