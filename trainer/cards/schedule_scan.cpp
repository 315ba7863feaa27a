#include "trainer/cards/schedule_scan.hpp"

#include "trainer/cards/review_state.hpp"
#include "trainer/content/adoption.hpp"
#include "trainer/fsrs/recall_check.hpp"
#include "trainer/fsrs/scheduler.hpp"

#include <algorithm>
#include <numeric>
#include <string_view>

namespace trainer::cards {

void scan_schedules(store::Database& db, const content::ContentSet& content, const ReviewConfig& config,
                    const std::vector<std::string>& people, TimeMs now,
                    const std::function<void(const ScheduleFacts&)>& fn) {
    // The content's cards in id order (SQLite's BINARY order: bytes) and the version a schedule must
    // have to count.
    const content::AdoptedVersions adopted = content::adopted_versions(db);
    std::vector<std::size_t> by_id(content.cards.size());
    std::iota(by_id.begin(), by_id.end(), std::size_t{0});
    std::stable_sort(by_id.begin(), by_id.end(),
              [&](std::size_t a, std::size_t b) { return content.cards[a].id < content.cards[b].id; });
    std::vector<std::string_view> sorted_ids;
    sorted_ids.reserve(by_id.size());
    for (const std::size_t i : by_id) sorted_ids.emplace_back(content.cards[i].id);
    std::vector<int> version(content.cards.size());
    for (std::size_t i = 0; i < content.cards.size(); ++i)
        version[i] = content::current_version(adopted, content.cards[i]);
    const fsrs::Scheduler scheduler(config.fsrs_parameters());
    const fsrs::RecallCheck recalled(scheduler, 0.9); // the mastery threshold (ReviewService)
    // Person by person through the primary key, whose order gives the rows by card id, so each row
    // finds its card by walking the sorted ids alongside (a join would probe an index per schedule,
    // a hash lookup would copy and hash every id).
    auto st = db.prepare("SELECT card_id, card_version, successes, stability, last_review_ms, due_ms "
                         "FROM card_state WHERE person_id = ?1 AND state > 0 ORDER BY card_id");
    ScheduleFacts f;
    fsrs::Card card;
    card.state = fsrs::State::Review; // any state but New: retrievability reads only the time and stability
    for (f.person = 0; f.person < people.size(); ++f.person) {
        st.reset();
        st.bind(1, people[f.person]);
        std::size_t next = 0; // into by_id: the first card whose id is not below the last row's
        while (st.step()) {
            const std::string_view id = st.text_view(0);
            int order = -1; // of sorted_ids[next] against id
            while (next < sorted_ids.size() && (order = sorted_ids[next].compare(id)) < 0) ++next;
            if (next == sorted_ids.size()) break; // no later row names a card of the content
            if (order != 0) continue;             // a card the content does not have
            f.card = by_id[next];
            if (!is_current(static_cast<int>(st.int64(1)), version[f.card])) continue;
            f.mastered = false;
            if (st.int64(2) > 0) {
                card.stability = st.real(3);
                card.last_review = st.int64(4);
                f.mastered = recalled(card, now);
            }
            f.due = st.int64(5) <= now;
            fn(f);
        }
    }
}

} // namespace trainer::cards
