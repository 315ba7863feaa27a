// [SECTION] Ratings and names
// [SECTION] Shared SQL: the live path and the projection write the tables with the same statements
// [SECTION] Projection and coaching assignment
// [SECTION] ReviewService: lookups and checks
// [SECTION] ReviewService: queue, preview, grade, lookup
// [SECTION] ReviewService: mastery and session summary
#include "trainer/cards/review_service.hpp"
#include "trainer/cards/search_report.hpp"

#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/events.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace trainer::cards {

// [SECTION] Ratings and names ------------------------------------------------------------------

std::optional<fsrs::Rating> rating_from_int(std::int64_t value) {
    if (value < 1 || value > 4) return std::nullopt;
    return static_cast<fsrs::Rating>(value);
}

const char* rating_name(fsrs::Rating r) {
    switch (r) {
    case fsrs::Rating::Again: return "Again";
    case fsrs::Rating::Hard: return "Hard";
    case fsrs::Rating::Good: return "Good";
    case fsrs::Rating::Easy: return "Easy";
    }
    return "?";
}

bool is_successful(fsrs::Rating r) { return r == fsrs::Rating::Good || r == fsrs::Rating::Easy; }

const char* queue_kind_name(QueueKind k) {
    switch (k) {
    case QueueKind::Coaching: return "coaching";
    case QueueKind::Due: return "due";
    case QueueKind::New: return "new";
    }
    return "?";
}

// [SECTION] Shared SQL -------------------------------------------------------------------------

namespace {

// ?15 = this review was the first of the card version: the success count and the day the card was
// introduced (daily new-card limit) start over with it.
constexpr const char* kUpsertSql =
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

constexpr const char* kClearCoachingSql =
    "UPDATE coaching_queue SET cleared_ms = ?3 "
    "WHERE person_id = ?1 AND card_id = ?2 AND cleared_ms IS NULL AND assigned_ms <= ?3";

constexpr const char* kDismissCoachingSql =
    "UPDATE coaching_queue SET cleared_ms = ?3 WHERE person_id = ?1 AND card_id = ?2 AND cleared_ms IS NULL";

constexpr const char* kInsertCoachingSql =
    "INSERT INTO coaching_queue (event_id, person_id, card_id, reason, source, assigned_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

constexpr const char* kStateColumns =
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

void write_review(store::Statement& upsert, store::Statement& clear, const ReviewRow& r,
                  bool* cleared = nullptr, sqlite3* db = nullptr) {
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

nlohmann::json card_json(const fsrs::Card& c) {
    return {{"state", fsrs::state_name(c.state)}, {"stability", c.stability},
            {"difficulty", c.difficulty},         {"due_ms", c.due},
            {"scheduled_days", c.scheduled_days}, {"learning_steps", c.learning_steps},
            {"reps", c.reps},                     {"lapses", c.lapses}};
}

// [SECTION] Projection and coaching assignment -------------------------------------------------

// The FSRS settings a review was graded with: the payload names them ("scheduler") only when they
// differ from the defaults, so every device replays the same schedule (issue 12 §2).
nlohmann::json scheduler_settings(const ReviewConfig& c) {
    nlohmann::json j = c.to_json();
    j.erase("new_cards_per_day");
    j.erase("pass_fail_mode");
    return j;
}

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
                try {
                    apply_event(*cache, db, e);
                } catch (const nlohmann::json::exception& x) {
                    throw std::runtime_error(e.type + " event " + e.id + " (seq " + std::to_string(e.seq) +
                                             "): malformed payload: " + x.what());
                } catch (const std::invalid_argument& x) {
                    throw std::runtime_error(e.type + " event " + e.id + " (seq " + std::to_string(e.seq) +
                                             "): " + x.what());
                }
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

// [SECTION] ReviewService: lookups and checks --------------------------------------------------

struct ReviewService::Stored {
    std::string card_id;
    int card_version = 0;
    fsrs::Card card;
    int successes = 0;
    TimeMs introduced_ms = 0;
};

namespace {

// Reads kStateColumns starting at column `at`.
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

// Resets a cached statement however the caller leaves (row in hand, exception).
struct ResetOnExit {
    store::Statement& st;
    ~ResetOnExit() { st.reset(); }
};

std::string quoted(const std::string& s) {
    return "'" + (s.size() > 80 ? s.substr(0, 77) + "..." : s) + "'";
}

} // namespace

ReviewService::ReviewService(store::Database& db, store::EventStore& events, const Clock& clock,
                             const content::ContentSet& content, ReviewConfig config)
    : db_(db), events_(events), clock_(clock), content_(&content), config_(std::move(config)),
      scheduler_(config_.fsrs_parameters()), 
      scheduler_settings_(scheduler_settings(config_) == scheduler_settings(ReviewConfig{})
                              ? nullptr
                              : std::make_shared<const nlohmann::json>(scheduler_settings(config_))),
      person_st_(db.prepare("SELECT active FROM people WHERE id = ?1")),
      state_st_(db.prepare(std::string("SELECT ") + kStateColumns +
                           " FROM card_state WHERE person_id = ?1 AND card_id = ?2")),
      person_states_st_(db.prepare(std::string("SELECT card_id, ") + kStateColumns +
                                   " FROM card_state WHERE person_id = ?1")),
      upsert_st_(db.prepare(kUpsertSql)), clear_coaching_st_(db.prepare(kClearCoachingSql)) {}

void ReviewService::require_person(const std::string& person_id) {
    ResetOnExit r{person_st_};
    person_st_.bind(1, person_id);
    if (!person_st_.step())
        throw ReviewError(ReviewError::Code::UnknownPerson, "no person with id " + quoted(person_id));
    if (person_st_.int64(0) == 0)
        throw ReviewError(ReviewError::Code::InactivePerson,
                          "person " + quoted(person_id) + " is deactivated and cannot review cards");
}

const content::Card& ReviewService::require_card(const std::string& card_id) const {
    const content::Card* c = content_->find_card(card_id);
    if (!c)
        throw ReviewError(ReviewError::Code::UnknownCard,
                          "no card with id " + quoted(card_id) + " in the current content");
    return *c;
}

std::optional<ReviewService::Stored> ReviewService::load_one(const std::string& person_id,
                                                             const std::string& card_id) {
    ResetOnExit r{state_st_};
    state_st_.bind_all(person_id, card_id);
    if (!state_st_.step()) return std::nullopt;
    Stored s;
    s.card_id = card_id;
    read_state(state_st_, 0, s.card_version, s.card, s.successes, s.introduced_ms);
    return s;
}

std::vector<ReviewService::Stored> ReviewService::load_person(const std::string& person_id) {
    ResetOnExit r{person_states_st_};
    person_states_st_.bind(1, person_id);
    std::vector<Stored> out;
    while (person_states_st_.step()) {
        Stored s;
        s.card_id = person_states_st_.text(0);
        read_state(person_states_st_, 1, s.card_version, s.card, s.successes, s.introduced_ms);
        out.push_back(std::move(s));
    }
    return out;
}

// [SECTION] ReviewService: queue, preview, grade, lookup ---------------------------------------

namespace {

// A schedule belongs to the content version it was learned in; a newer standard starts over.
bool is_current(int stored_version, const content::Card& c) { return stored_version >= c.version; }

void require_not_before(TimeMs now, const fsrs::Card& c) {
    if (c.last_review && now < *c.last_review)
        throw ReviewError(ReviewError::Code::ClockBehind,
                          "the clock (" + format_iso_ms(now) + ") is earlier than the card's last review (" +
                              format_iso_ms(*c.last_review) + "); check the system time");
}

std::int64_t minutes_until(TimeMs due, TimeMs now) {
    return static_cast<std::int64_t>(std::llround(static_cast<double>(due - now) / kMsPerMinute));
}

} // namespace

std::vector<QueueItem> ReviewService::due_queue(const std::string& person_id, std::size_t limit) {
    require_person(person_id);
    const TimeMs now = clock_.now_ms();
    const std::int64_t today = org_day(now); // the organisation's day (docs/figures.md)
    std::vector<QueueItem> out;
    std::unordered_set<std::string> taken;

    std::unordered_map<std::string, Stored> current; // schedules of the current content versions
    std::unordered_set<std::string> learned;          // any version: tells "refreshed" from "new"
    int introduced_today = 0;
    for (auto& s : load_person(person_id)) {
        if (org_day(s.introduced_ms) == today) ++introduced_today;
        learned.insert(s.card_id);
        const content::Card* c = content_->find_card(s.card_id);
        if (c && is_current(s.card_version, *c)) current.emplace(s.card_id, std::move(s));
    }
    auto fill = [&](QueueItem& item) {
        if (auto it = current.find(item.card_id); it != current.end()) {
            item.state = it->second.card.state;
            item.due_ms = it->second.card.due;
            item.retrievability = scheduler_.retrievability(it->second.card, now);
        }
    };

    auto coaching = db_.prepare("SELECT card_id, reason, source FROM coaching_queue "
                                "WHERE person_id = ?1 AND cleared_ms IS NULL ORDER BY assigned_ms, rowid");
    coaching.bind(1, person_id);
    while (coaching.step()) {
        QueueItem item{coaching.text(0), QueueKind::Coaching, 0, coaching.text(1), coaching.text(2)};
        if (!content_->find_card(item.card_id) || !taken.insert(item.card_id).second) continue;
        fill(item);
        out.push_back(std::move(item));
    }

    std::vector<QueueItem> due;
    for (const auto& [id, s] : current) {
        if (s.card.due > now || taken.count(id)) continue;
        QueueItem item{id, QueueKind::Due};
        fill(item);
        due.push_back(std::move(item));
    }
    // Most at risk first; ties by the longest overdue, then id so the order is stable.
    std::sort(due.begin(), due.end(), [](const QueueItem& a, const QueueItem& b) {
        if (a.retrievability != b.retrievability) return a.retrievability < b.retrievability;
        if (*a.due_ms != *b.due_ms) return *a.due_ms < *b.due_ms;
        return a.card_id < b.card_id;
    });
    for (auto& item : due) out.push_back(std::move(item));

    int room = std::max(0, config_.new_cards_per_day - introduced_today);
    for (const auto& c : content_->cards) {
        if (room <= 0 || out.size() >= limit) break;
        if (current.count(c.id) || taken.count(c.id)) continue;
        QueueItem item{c.id, QueueKind::New};
        item.refreshed = learned.count(c.id) > 0;
        out.push_back(std::move(item));
        --room;
    }
    if (out.size() > limit) out.resize(limit);
    return out;
}

GradeOptions ReviewService::preview(const std::string& person_id, const std::string& card_id) {
    const content::Card& card = require_card(card_id);
    require_person(person_id);
    const TimeMs now = clock_.now_ms();
    const auto stored = load_one(person_id, card_id);
    if (stored) require_not_before(now, stored->card);
    const fsrs::Card before =
        stored && is_current(stored->card_version, card) ? stored->card : fsrs::new_card(now);
    const fsrs::Preview p = scheduler_.preview(before, now);
    GradeOptions out{card_id, now, {}};
    const std::vector<fsrs::Rating> buttons =
        config_.pass_fail_mode
            ? std::vector<fsrs::Rating>{fsrs::Rating::Again, fsrs::Rating::Good}
            : std::vector<fsrs::Rating>{fsrs::Rating::Again, fsrs::Rating::Hard, fsrs::Rating::Good,
                                        fsrs::Rating::Easy};
    for (fsrs::Rating r : buttons)
        out.options.push_back({r, minutes_until(p[r].due, now), p[r].due, p[r].state});
    return out;
}

GradeResult ReviewService::grade(const std::string& person_id, const std::string& card_id, fsrs::Rating rating) {
    const content::Card& card = require_card(card_id);
    const auto r = static_cast<std::int64_t>(rating);
    if (!rating_from_int(r))
        throw ReviewError(ReviewError::Code::BadRating,
                          "rating " + std::to_string(r) + " is outside 1-4 (Again, Hard, Good, Easy)");
    if (config_.pass_fail_mode && rating != fsrs::Rating::Again && rating != fsrs::Rating::Good)
        throw ReviewError(ReviewError::Code::BadRating,
                          std::string("this kiosk grades pass/fail: only Again (1) or Good (3), got ") +
                              rating_name(rating) + " (" + std::to_string(r) + ")");

    // Checks and reads happen inside the write transaction, so nothing can change in between.
    store::Transaction tx(db_);
    require_person(person_id);
    const TimeMs now = clock_.now_ms();
    const auto stored = load_one(person_id, card_id);
    if (stored) require_not_before(now, stored->card);
    // This kiosk's content is older than the schedule (merged from a device with newer content):
    // the review is recorded against the version shown, but the newer schedule is left as it is,
    // exactly as the projection replays it.
    const bool outdated = stored && stored->card_version > card.version;

    GradeResult out;
    out.card_id = card_id;
    out.card_version = card.version;
    out.rating = rating;
    out.reviewed_ms = now;
    out.was_new = !(stored && stored->card_version == card.version);
    out.before = out.was_new ? fsrs::new_card(now) : stored->card;
    out.after = scheduler_.review(out.before, now, rating);
    out.interval_minutes = minutes_until(out.after.due, now);

    nlohmann::json before = card_json(out.before);
    before["last_review_ms"] = out.before.last_review ? nlohmann::json(*out.before.last_review) : nlohmann::json();
    store::NewEvent reviewed{kCardReviewed,
         person_id,
         {{"card", card_id},
          {"card_version", card.version},
          {"rating", r},
          {"before", std::move(before)},
          {"after", card_json(out.after)},
          {"due", format_iso_ms(out.after.due)},
          {"elapsed_days", fsrs::Scheduler::elapsed_days(out.before, now)}},
         {},
         now};
    if (scheduler_settings_) reviewed.payload["scheduler"] = *scheduler_settings_;
    const store::Event e = events_.append(reviewed);
    if (!outdated)
        write_review(upsert_st_, clear_coaching_st_,
                     {person_id, card_id, card.version, out.after, rating, now, out.was_new},
                     &out.coaching_cleared, db_.handle());
    tx.commit();
    out.event_id = e.id;
    return out;
}

void ReviewService::record_lookup(const std::string& person_id, const std::string& card_id,
                                  const std::string& source, const std::string& query) {
    const content::Card& card = require_card(card_id);
    if (source.empty() || source.size() > 64)
        throw ReviewError(ReviewError::Code::BadInput,
                          "a lookup source is 1 to 64 characters (\"search\", \"desk\"), got " +
                              std::to_string(source.size()));
    store::Transaction tx(db_);
    require_person(person_id);
    nlohmann::json payload{{"card", card_id}, {"card_version", card.version}, {"source", source}};
    if (const std::string q = search::stored_query(query); !q.empty()) payload["query"] = q;
    events_.append({kCardLookedUp, person_id, std::move(payload)});
    tx.commit();
}

// [SECTION] ReviewService: mastery and session summary -----------------------------------------

std::vector<CardMastery> ReviewService::mastery(const identity::Actor& actor, const std::string& person_id) {
    identity::require_view_person(actor, person_id);
    require_person(person_id);
    const TimeMs now = clock_.now_ms();
    std::unordered_map<std::string, Stored> by_card;
    for (auto& s : load_person(person_id)) by_card.emplace(s.card_id, std::move(s));
    std::vector<CardMastery> out;
    out.reserve(content_->cards.size());
    for (const auto& c : content_->cards) {
        CardMastery m{c.id, c.deck_id, c.version};
        if (auto it = by_card.find(c.id); it != by_card.end() && is_current(it->second.card_version, c)) {
            const Stored& s = it->second;
            m.state = s.card.state;
            m.retrievability = scheduler_.retrievability(s.card, now);
            m.successful_reviews = s.successes;
            m.due_ms = s.card.due;
            m.mastered = m.retrievability >= 0.9 && m.successful_reviews > 0;
        }
        out.push_back(std::move(m));
    }
    return out;
}

MasterySummary ReviewService::mastery_summary(const identity::Actor& actor, const std::string& person_id) {
    MasterySummary s;
    for (const auto& m : mastery(actor, person_id)) {
        ++s.total;
        if (m.mastered) ++s.mastered;
    }
    s.percent = s.total ? 100.0 * s.mastered / s.total : 0.0;
    return s;
}

SessionSummary ReviewService::session_summary(const std::string& person_id, TimeMs since_ms) {
    require_person(person_id);
    SessionSummary out;
    events_.for_each({kCardReviewed, person_id, since_ms, std::nullopt}, [&](const store::Event& e) {
        ++out.reviewed;
        if (e.payload.value("rating", 0) == 1) ++out.again;
        if (auto b = e.payload.find("before"); b != e.payload.end() && b->is_object() &&
                                                b->value("state", "") == "New")
            ++out.new_cards;
    });
    for (const auto& s : load_person(person_id)) {
        const content::Card* c = content_->find_card(s.card_id);
        if (!c || !is_current(s.card_version, *c)) continue;
        if (!out.next_due_ms || s.card.due < *out.next_due_ms) out.next_due_ms = s.card.due;
    }
    return out;
}

} // namespace trainer::cards
