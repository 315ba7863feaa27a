#include "trainer/cards/team_mastery.hpp"

#include "trainer/cards/review_state.hpp"
#include "trainer/content/adoption.hpp"

namespace trainer::cards {

std::map<std::string, MasterySummary> mastery_summaries(store::Database& db, const content::ContentSet& content,
                                                        const ReviewConfig& config, const identity::Actor& actor,
                                                        const std::vector<std::string>& people, TimeMs now) {
    db.exec("CREATE TEMP TABLE IF NOT EXISTS mastery_people (id TEXT PRIMARY KEY) WITHOUT ROWID");
    db.exec("DELETE FROM temp.mastery_people");
    {
        auto ins = db.prepare("INSERT OR IGNORE INTO temp.mastery_people (id) VALUES (?1)");
        for (const auto& p : people) {
            if (!identity::can_view_person(actor, p)) continue;
            ins.bind(1, p);
            ins.run();
            ins.reset();
        }
    }
    std::map<std::string, MasterySummary> out;
    const int total = static_cast<int>(content.cards.size());
    auto active = db.prepare("SELECT t.id FROM temp.mastery_people t JOIN people p ON p.id = t.id AND p.active = 1");
    while (active.step()) out[active.text(0)].total = total;

    const fsrs::Scheduler scheduler(config.fsrs_parameters());
    const content::AdoptedVersions adopted = content::adopted_versions(db);
    // Through the primary key, person by person (a join with people here would probe its index
    // once per schedule row); the active ones are the keys of `out`.
    auto st = db.prepare("SELECT cs.person_id, cs.card_id, cs.card_version, cs.state, cs.stability, "
                         "cs.last_review_ms FROM card_state cs "
                         "WHERE cs.person_id IN temp.mastery_people AND cs.successes > 0 AND cs.state > 0");
    std::string person;
    MasterySummary* s = nullptr;
    while (st.step()) {
        if (person.empty() || st.text(0) != person) {
            person = st.text(0);
            const auto it = out.find(person);
            s = it == out.end() ? nullptr : &it->second;
        }
        if (!s) continue; // unknown or deactivated
        const content::Card* c = content.find_card(st.text(1));
        if (!c || !is_current(static_cast<int>(st.int64(2)), content::current_version(adopted, *c))) continue;
        fsrs::Card card;
        card.state = static_cast<fsrs::State>(st.int64(3));
        card.stability = st.real(4);
        card.last_review = st.int64(5);
        if (scheduler.retrievability(card, now) >= 0.9) ++s->mastered;
    }
    for (auto& [id, m] : out) m.percent = m.total ? 100.0 * m.mastered / m.total : 0.0;
    db.exec("DELETE FROM temp.mastery_people");
    return out;
}

} // namespace trainer::cards
