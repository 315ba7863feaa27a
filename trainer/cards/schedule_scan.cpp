#include "trainer/cards/schedule_scan.hpp"

#include "trainer/cards/review_state.hpp"
#include "trainer/content/adoption.hpp"
#include "trainer/fsrs/scheduler.hpp"

#include <unordered_map>

namespace trainer::cards {

void scan_schedules(store::Database& db, const content::ContentSet& content, const ReviewConfig& config,
                    const std::vector<std::string>& people, TimeMs now,
                    const std::function<void(const ScheduleFacts&)>& fn) {
    // The content's cards by id and the version a schedule must have to count.
    const content::AdoptedVersions adopted = content::adopted_versions(db);
    std::unordered_map<std::string, std::size_t> card_of;
    std::vector<int> version(content.cards.size());
    for (std::size_t i = 0; i < content.cards.size(); ++i) {
        card_of.emplace(content.cards[i].id, i);
        version[i] = content::current_version(adopted, content.cards[i]);
    }
    const fsrs::Scheduler scheduler(config.fsrs_parameters());
    // Person by person through the primary key (a join would probe an index once per schedule).
    auto st = db.prepare("SELECT card_id, card_version, state, successes, stability, last_review_ms, due_ms "
                         "FROM card_state WHERE person_id = ?1 AND state > 0");
    ScheduleFacts f;
    for (f.person = 0; f.person < people.size(); ++f.person) {
        st.reset();
        st.bind(1, people[f.person]);
        while (st.step()) {
            const auto it = card_of.find(st.text(0));
            if (it == card_of.end()) continue;
            f.card = it->second;
            if (!is_current(static_cast<int>(st.int64(1)), version[f.card])) continue;
            f.mastered = false;
            if (st.int64(3) > 0) {
                fsrs::Card card;
                card.state = static_cast<fsrs::State>(st.int64(2));
                card.stability = st.real(4);
                card.last_review = st.int64(5);
                f.mastered = scheduler.retrievability(card, now) >= 0.9;
            }
            f.due = st.int64(6) <= now;
            fn(f);
        }
    }
}

} // namespace trainer::cards
