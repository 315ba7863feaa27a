#include "trainer/quality/coaching.hpp"
#include "trainer/store/events.hpp"

#include "trainer/cards/review_service.hpp"

#include <algorithm>

namespace trainer::quality {

std::vector<std::string> assign_coaching_for(store::EventStore& events,
                                             const content::Scorecard& card,
                                             const Evaluation& e, const std::string& actor_id) {
    std::vector<std::string> assigned;
    for (const auto& r : e.criteria) {
        if (r.outcome != Outcome::NotMet) continue;
        const content::Criterion* c = card.find_criterion(r.criterion_id);
        if (!c) continue;
        for (const auto& card_id : c->cards) {
            if (std::find(assigned.begin(), assigned.end(), card_id) != assigned.end()) continue;
            // The reason is read by the review queue as is, so it is plain English; the home
            // screen shows the localised version from coaching_reasons().
            const std::string reason = "QA " + e.date + ": not met: " + content::pick(c->title, "en");
            cards::assign_coaching(events, {e.person_id, card_id, reason, kCoachingSourceQa, actor_id});
            assigned.push_back(card_id);
        }
    }
    return assigned;
}

std::vector<CoachingReason> coaching_reasons(store::Database& db,
                                             const content::ContentSet& content,
                                             const identity::Actor& actor,
                                             const std::string& person_id, std::string_view locale) {
    identity::require_view_person(actor, person_id);
    std::vector<std::string> open_cards;
    {
        auto st = db.prepare("SELECT card_id FROM coaching_queue WHERE person_id = ?1 AND "
                             "source = ?2 AND cleared_ms IS NULL GROUP BY card_id "
                             "ORDER BY MIN(assigned_ms), MIN(rowid)");
        st.bind_all(person_id, kCoachingSourceQa);
        while (st.step())
            open_cards.push_back(st.text(0));
    }
    // Not-met criteria of this person's evaluations, newest first.
    const auto evaluations = list_evaluations(db, {person_id, {}, {}});
    std::vector<CoachingReason> out;
    for (const auto& card_id : open_cards) {
        CoachingReason r;
        r.card_id = card_id;
        if (const content::Card* c = content.find_card(card_id))
            r.card_title = c->text_for(locale).title;
        else
            r.card_title = card_id; // retired standard: the id is all there is
        for (auto e = evaluations.rbegin(); e != evaluations.rend() && r.criterion_id.empty(); ++e) {
            const content::Scorecard* sc =
                content.quality ? content.quality->find(e->scorecard_id) : nullptr;
            if (!sc) continue;
            for (const auto& res : e->criteria) {
                if (res.outcome != Outcome::NotMet) continue;
                const content::Criterion* k = sc->find_criterion(res.criterion_id);
                if (!k || std::find(k->cards.begin(), k->cards.end(), card_id) == k->cards.end())
                    continue;
                r.criterion_id = k->id;
                r.criterion_title = content::pick(k->title, locale);
                r.scorecard_id = sc->id;
                r.evaluation_date = e->date;
                r.evaluator = e->evaluator;
                r.comment = e->comment;
                break;
            }
        }
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace trainer::quality
