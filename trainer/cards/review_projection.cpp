// The review tables' projection (card_state, coaching_queue rebuilt from the event log) and the
// coaching items a lead or a QA import assigns and clears (review_service.hpp).
#include "trainer/cards/review_state.hpp"
#include "trainer/store/event_row.hpp"
#include "trainer/store/events.hpp"

#include <sqlite3.h>

#include <memory>
#include <unordered_map>

namespace trainer::cards {

namespace {

struct StoredCard {
    int version = 0;
    fsrs::Card card;
    // Kept only while a replay batches its writes (the rest of the row is the review's).
    fsrs::Rating last_rating = fsrs::Rating::Again;
    std::int64_t successes = 0;
    TimeMs introduced_ms = 0;
};

// Statements prepared once per database for a whole rebuild.
struct ProjectionCache {
    sqlite3* handle = nullptr;
    std::optional<store::Statement> upsert, clear, insert_coaching, dismiss, state;
    fsrs::Scheduler default_scheduler{ReviewConfig{}.fsrs_parameters()};
    std::unordered_map<std::string, fsrs::Scheduler> other_schedulers; // by settings JSON
    // During a replay batch (store::Projection::batch): the card_state rows written so far, by
    // person and card, written once at its end; and the (person, card) pairs that may have an
    // open coaching item, so a successful review looks for one to close only there.
    bool batching = false;
    std::unordered_map<std::string, std::unordered_map<std::string, StoredCard>> rows;
    std::unordered_map<std::string, std::unordered_map<std::string, bool>> open_coaching;

    void prepare_for(store::Database& db) {
        if (handle == db.handle()) return;
        upsert.reset();
        clear.reset();
        insert_coaching.reset();
        dismiss.reset();
        state.reset();
        upsert.emplace(db.handle(), kUpsertSql);
        clear.emplace(db.handle(), kClearCoachingSql);
        insert_coaching.emplace(db.handle(), kInsertCoachingSql);
        dismiss.emplace(db.handle(), kDismissCoachingSql);
        state.emplace(db.handle(), std::string("SELECT card_version, due_ms, stability, difficulty, scheduled_days, "
                                               "learning_steps, reps, lapses, state, last_review_ms, last_rating, "
                                               "successes, introduced_ms "
                                               "FROM card_state WHERE person_id = ?1 AND card_id = ?2"));
        handle = db.handle();
    }

    const fsrs::Scheduler& scheduler_for(const store::Payload& payload) {
        if (!payload.contains("scheduler")) return default_scheduler;
        const store::Payload settings = payload.object("scheduler");
        const std::string key = settings.dump();
        if (auto found = other_schedulers.find(key); found != other_schedulers.end()) return found->second;
        return other_schedulers.emplace(key, fsrs::Scheduler(parameters_of_settings(settings))).first->second;
    }
};


std::optional<StoredCard> read_stored(store::Statement& st, const std::string& person, const std::string& card) {
    st.bind_all(person, card);
    std::optional<StoredCard> out;
    if (st.step()) {
        out.emplace();
        out->version = static_cast<int>(st.int64(0));
        out->card.due = st.int64(1);
        out->card.stability = st.real(2);
        out->card.difficulty = st.real(3);
        out->card.scheduled_days = st.int64(4);
        out->card.learning_steps = static_cast<int>(st.int64(5));
        out->card.reps = static_cast<int>(st.int64(6));
        out->card.lapses = static_cast<int>(st.int64(7));
        out->card.state = static_cast<fsrs::State>(st.int64(8));
        out->card.last_review = st.int64(9);
        out->last_rating = static_cast<fsrs::Rating>(st.int64(10));
        out->successes = st.int64(11);
        out->introduced_ms = st.int64(12);
    }
    st.reset();
    return out;
}

std::string payload_person(const store::Event& e) {
    if (auto person = e.payload.find_string("person")) return *person;
    throw std::invalid_argument("payload has no \"person\" string");
}

// The row of (person, card) before a review: the batch's when it holds one, else the table's.
std::optional<StoredCard> stored_row(ProjectionCache& c, const std::string& person, const std::string& card) {
    if (c.batching)
        if (auto p = c.rows.find(person); p != c.rows.end())
            if (auto it = p->second.find(card); it != p->second.end()) return it->second;
    return read_stored(*c.state, person, card);
}

// During a batch: whether (person, card) may have an open coaching item a good review closes.
bool may_have_coaching(const ProjectionCache& c, const std::string& person, const std::string& card) {
    const auto p = c.open_coaching.find(person);
    return p != c.open_coaching.end() && p->second.count(card) > 0;
}

void apply_event(ProjectionCache& c, store::Database& db, const store::Event& e) {
    if (e.type == kCardReviewed) {
        c.prepare_for(db);
        const auto& p = e.payload;
        const std::string card = p.string("card");
        const auto rating = rating_from_int(p.integer("rating"));
        if (!rating) throw std::invalid_argument("rating " + p.object("rating").dump() + " is outside 1-4");
        // The schedule is recomputed from the person's history, never copied from the payload: two
        // desks that graded the same card offline end in the state of the one total order.
        const int version = static_cast<int>(p.integer("card_version"));
        const auto stored = stored_row(c, e.person_id, card);
        // A review of an older version of the standard (a device on older content) stays in the
        // log but does not move the schedule of the newer version (README "Merging devices").
        if (stored && stored->version > version) return;
        const bool was_new = !stored || stored->version < version;
        const fsrs::Card before = was_new ? fsrs::new_card(e.at_ms) : stored->card;
        const fsrs::Card after = c.scheduler_for(p).review(before, e.at_ms, *rating);
        if (!c.batching) {
            write_review(*c.upsert, *c.clear, {e.person_id, card, version, after, *rating, e.at_ms, was_new});
            return;
        }
        // The same row kUpsertSql would leave, kept until the batch ends.
        const bool success = is_successful(*rating);
        StoredCard& row = c.rows[e.person_id][card];
        row.version = version;
        row.card = after;
        row.card.last_review = e.at_ms; // what last_review_ms holds, read back by the next review
        row.last_rating = *rating;
        row.successes = (was_new ? 0 : stored->successes) + (success ? 1 : 0);
        row.introduced_ms = was_new ? e.at_ms : stored->introduced_ms;
        if (success && may_have_coaching(c, e.person_id, card)) {
            c.clear->bind_all(e.person_id, card, e.at_ms);
            c.clear->run();
            c.clear->reset();
        }
    } else if (e.type == kCoachingAssigned) {
        c.prepare_for(db);
        c.insert_coaching->bind_all(e.id, payload_person(e), e.payload.string("card"),
                                    e.payload.string_or("reason", ""), e.payload.string_or("source", ""), e.at_ms);
        c.insert_coaching->run();
        c.insert_coaching->reset();
        if (c.batching) c.open_coaching[payload_person(e)][e.payload.string("card")] = true;
    } else if (e.type == kCoachingCleared) {
        c.prepare_for(db);
        c.dismiss->bind_all(payload_person(e), e.payload.string("card"), e.at_ms);
        c.dismiss->run();
        c.dismiss->reset();
    }
}

// Projection::batch: Begin holds card_state rows in memory, Finish writes each once.
void batch_step(ProjectionCache& c, store::Database& db, store::Projection::Batch step) {
    c.rows.clear();
    c.open_coaching.clear();
    c.batching = false;
    if (step == store::Projection::Batch::Begin) {
        c.prepare_for(db);
        c.batching = true;
        auto st = db.prepare("SELECT DISTINCT person_id, card_id FROM coaching_queue WHERE cleared_ms IS NULL");
        while (st.step()) c.open_coaching[st.text(0)][st.text(1)] = true;
    }
}

void write_batch(ProjectionCache& c, store::Database& db) {
    auto put = db.prepare("INSERT OR REPLACE INTO card_state (person_id, card_id, card_version, due_ms, stability, "
                          "difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review_ms, "
                          "last_rating, successes, introduced_ms) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    for (const auto& [person, by_card] : c.rows)
        for (const auto& [card, r] : by_card) {
            put.bind_all(person, card, r.version, r.card.due, r.card.stability, r.card.difficulty,
                         r.card.scheduled_days, r.card.learning_steps, r.card.reps, r.card.lapses,
                         static_cast<int>(r.card.state), r.card.last_review, static_cast<int>(r.last_rating),
                         r.successes, r.introduced_ms);
            put.run();
            put.reset();
        }
}

} // namespace

store::Projection review_projection() {
    auto cache = std::make_shared<ProjectionCache>();
    store::Projection p{"card_state, coaching_queue",
            [](store::Database& db) {
                db.exec("DELETE FROM card_state");
                db.exec("DELETE FROM coaching_queue");
            },
            [cache](store::Database& db, const store::Event& e) {
                store::apply_naming_event(e, [&] { apply_event(*cache, db, e); });
            }};
    p.batch = [cache](store::Database& db, store::Projection::Batch step) {
        if (step == store::Projection::Batch::Finish && cache->batching) write_batch(*cache, db);
        batch_step(*cache, db, step);
    };
    return p;
}

namespace {

// The caller's transaction when there is one (a QA import), else a new one: event and row together.
void begin_unless_in_transaction(std::optional<store::Transaction>& tx, store::Database& db) {
    if (sqlite3_get_autocommit(db.handle())) tx.emplace(db);
}

} // namespace

store::Event assign_coaching(store::EventStore& events, const CoachingAssignment& a) {
    if (a.person_id.empty() || a.card_id.empty())
        throw ReviewError(ReviewError::Code::BadInput, "a coaching item needs a person and a card");
    std::optional<store::Transaction> tx;
    begin_unless_in_transaction(tx, events.db());
    const store::Event e = events.append({kCoachingAssigned, a.actor_id,
                                          {{"person", a.person_id}, {"card", a.card_id},
                                           {"reason", a.reason}, {"source", a.source}}});
    events.db()
        .prepare(kInsertCoachingSql)
        .bind_all(e.id, a.person_id, a.card_id, a.reason, a.source, e.at_ms)
        .run();
    if (tx) tx->commit();
    return e;
}

store::Event clear_coaching(store::EventStore& events, const std::string& person_id, const std::string& card_id,
                            const std::string& actor_id) {
    if (person_id.empty() || card_id.empty())
        throw ReviewError(ReviewError::Code::BadInput, "clearing a coaching item needs a person and a card");
    std::optional<store::Transaction> tx;
    begin_unless_in_transaction(tx, events.db());
    const store::Event e =
        events.append({kCoachingCleared, actor_id, {{"person", person_id}, {"card", card_id}}});
    events.db().prepare(kDismissCoachingSql).bind_all(person_id, card_id, e.at_ms).run();
    if (tx) tx->commit();
    return e;
}

} // namespace trainer::cards
