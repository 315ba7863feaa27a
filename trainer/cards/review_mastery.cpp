// ReviewService: mastery (retrievability >= 0.9 and a successful review of the current version)
// and the summary after a review session.
#include "trainer/cards/review_state.hpp"
#include "trainer/content/adoption.hpp"
#include "trainer/store/events.hpp"

#include <unordered_map>

namespace trainer::cards {

std::vector<CardMastery> ReviewService::mastery(const identity::Actor& actor, const std::string& person_id) {
    identity::require_view_person(actor, person_id);
    require_person(person_id);
    const TimeMs now = clock_.now_ms();
    std::unordered_map<std::string, Stored> by_card;
    for (auto& s : load_person(person_id)) by_card.emplace(s.card_id, std::move(s));
    const content::AdoptedVersions adopted = content::adopted_versions(db_);
    std::vector<CardMastery> out;
    out.reserve(content_->cards.size());
    for (const auto& c : content_->cards) {
        CardMastery m{c.id, c.deck_id, content::current_version(adopted, c)};
        if (auto it = by_card.find(c.id); it != by_card.end() && is_current(it->second.card_version, m.card_version)) {
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

// mastery()'s count without building a row per card (the motivation index asks it for a whole
// team): a schedule row counts when its card is in the content, of the current version, and mastered.
MasterySummary ReviewService::mastery_summary(const identity::Actor& actor, const std::string& person_id) {
    identity::require_view_person(actor, person_id);
    require_person(person_id);
    const TimeMs now = clock_.now_ms();
    MasterySummary s;
    s.total = static_cast<int>(content_->cards.size());
    const content::AdoptedVersions adopted = content::adopted_versions(db_);
    for (const auto& st : load_person(person_id)) {
        const content::Card* c = content_->find_card(st.card_id);
        if (c && is_current(st.card_version, content::current_version(adopted, *c)) && st.successes > 0 && scheduler_.retrievability(st.card, now) >= 0.9)
            ++s.mastered;
    }
    s.percent = s.total ? 100.0 * s.mastered / s.total : 0.0;
    return s;
}

SessionSummary ReviewService::session_summary(const std::string& person_id, TimeMs since_ms) {
    require_person(person_id);
    SessionSummary out;
    events_.for_each({kCardReviewed, person_id, since_ms, std::nullopt}, [&](const store::Event& e) {
        ++out.reviewed;
        if (e.payload.integer_or("rating", 0) == 1) ++out.again;
        if (auto b = e.payload.find_object("before"); b && b->string_or("state", "") == "New") ++out.new_cards;
    });
    const content::AdoptedVersions adopted = content::adopted_versions(db_);
    for (const auto& s : load_person(person_id)) {
        const content::Card* c = content_->find_card(s.card_id);
        if (!c || !is_current(s.card_version, content::current_version(adopted, *c))) continue;
        if (!out.next_due_ms || s.card.due < *out.next_due_ms) out.next_due_ms = s.card.due;
    }
    return out;
}

} // namespace trainer::cards
