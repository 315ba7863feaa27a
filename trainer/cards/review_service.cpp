// [SECTION] Ratings and names
// [SECTION] ReviewService: lookups and checks
// [SECTION] ReviewService: queue, preview, grade, lookup
// The review tables' rows: review_state.hpp; their projection and coaching items:
// review_projection.cpp; mastery and the session summary: review_mastery.cpp.
#include "trainer/cards/review_service.hpp"
#include "trainer/cards/review_state.hpp"
#include "trainer/cards/search_report.hpp"
#include "trainer/content/adoption.hpp"

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

// [SECTION] ReviewService: lookups and checks --------------------------------------------------

namespace {

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
                              ? std::nullopt
                              : std::optional<store::Payload>(scheduler_settings(config_))),
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
    const content::AdoptedVersions adopted = content::adopted_versions(db_);
    for (auto& s : load_person(person_id)) {
        if (org_day(s.introduced_ms) == today) ++introduced_today;
        learned.insert(s.card_id);
        const content::Card* c = content_->find_card(s.card_id);
        if (c && is_current(s.card_version, content::current_version(adopted, *c))) current.emplace(s.card_id, std::move(s));
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
        stored && is_current(stored->card_version, card.version) ? stored->card : fsrs::new_card(now);
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

    store::Payload before = card_json(out.before);
    if (out.before.last_review)
        before.set("last_review_ms", *out.before.last_review);
    else
        before.set("last_review_ms", nullptr);
    store::NewEvent reviewed{kCardReviewed,
         person_id,
         {{"card", card_id},
          {"card_version", card.version},
          {"rating", r},
          {"before", before},
          {"after", card_json(out.after)},
          {"due", format_iso_ms(out.after.due)},
          {"elapsed_days", fsrs::Scheduler::elapsed_days(out.before, now)}},
         {},
         now};
    if (scheduler_settings_) reviewed.payload.set("scheduler", *scheduler_settings_);
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
    store::Payload payload{{"card", card_id}, {"card_version", card.version}, {"source", source}};
    if (const std::string q = search::stored_query(query); !q.empty()) payload.set("query", q);
    events_.append({kCardLookedUp, person_id, std::move(payload)});
    tx.commit();
}

} // namespace trainer::cards
