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

// Statements prepared once per database for a whole rebuild.
struct ProjectionCache {
    sqlite3* handle = nullptr;
    std::optional<store::Statement> upsert, clear, insert_coaching, state;
    fsrs::Scheduler default_scheduler{ReviewConfig{}.fsrs_parameters()};
    std::unordered_map<std::string, fsrs::Scheduler> other_schedulers; // by settings JSON

    void prepare_for(store::Database& db) {
        if (handle == db.handle()) return;
        upsert.reset();
        clear.reset();
        insert_coaching.reset();
        state.reset();
        upsert.emplace(db.handle(), kUpsertSql);
        clear.emplace(db.handle(), kClearCoachingSql);
        insert_coaching.emplace(db.handle(), kInsertCoachingSql);
        state.emplace(db.handle(), std::string("SELECT card_version, due_ms, stability, difficulty, scheduled_days, "
                                               "learning_steps, reps, lapses, state, last_review_ms "
                                               "FROM card_state WHERE person_id = ?1 AND card_id = ?2"));
        handle = db.handle();
    }

    const fsrs::Scheduler& scheduler_for(const nlohmann::json& payload) {
        auto it = payload.find("scheduler");
        if (it == payload.end()) return default_scheduler;
        const std::string key = it->dump();
        if (auto found = other_schedulers.find(key); found != other_schedulers.end()) return found->second;
        return other_schedulers.emplace(key, fsrs::Scheduler(from_json(*it, nullptr).fsrs_parameters())).first->second;
    }
};

struct StoredCard {
    int version = 0;
    fsrs::Card card;
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
    }
    st.reset();
    return out;
}

std::string payload_person(const store::Event& e) {
    if (auto it = e.payload.find("person"); it != e.payload.end() && it->is_string())
        return it->get<std::string>();
    throw std::invalid_argument("payload has no \"person\" string");
}

void apply_event(ProjectionCache& c, store::Database& db, const store::Event& e) {
    if (e.type == kCardReviewed) {
        c.prepare_for(db);
        const auto& p = e.payload;
        const std::string card = p.at("card").get<std::string>();
        const auto rating = rating_from_int(p.at("rating").get<std::int64_t>());
        if (!rating) throw std::invalid_argument("rating " + p.at("rating").dump() + " is outside 1-4");
        // The schedule is recomputed from the person's history, never copied from the payload: two
        // desks that graded the same card offline end in the state of the one total order.
        const int version = p.at("card_version").get<int>();
        const auto stored = read_stored(*c.state, e.person_id, card);
        // A review of an older version of the standard (a device on older content) stays in the
        // log but does not move the schedule of the newer version (README "Merging devices").
        if (stored && stored->version > version) return;
        const bool was_new = !stored || stored->version < version;
        const fsrs::Card before = was_new ? fsrs::new_card(e.at_ms) : stored->card;
        const fsrs::Card after = c.scheduler_for(p).review(before, e.at_ms, *rating);
        write_review(*c.upsert, *c.clear, {e.person_id, card, version, after, *rating, e.at_ms, was_new});
    } else if (e.type == kCoachingAssigned) {
        c.prepare_for(db);
        c.insert_coaching->bind_all(e.id, payload_person(e), e.payload.at("card").get<std::string>(),
                                    e.payload.value("reason", ""), e.payload.value("source", ""), e.at_ms);
        c.insert_coaching->run();
        c.insert_coaching->reset();
    } else if (e.type == kCoachingCleared) {
        db.prepare(kDismissCoachingSql)
            .bind_all(payload_person(e), e.payload.at("card").get<std::string>(), e.at_ms)
            .run();
    }
}

} // namespace

store::Projection review_projection() {
    auto cache = std::make_shared<ProjectionCache>();
    return {"card_state, coaching_queue",
            [](store::Database& db) {
                db.exec("DELETE FROM card_state");
                db.exec("DELETE FROM coaching_queue");
            },
            [cache](store::Database& db, const store::Event& e) {
                store::apply_naming_event(e, [&] { apply_event(*cache, db, e); });
            }};
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
