// The mastery heatmap: agents × standards, each cell not started / learning / mastered, by the
// same rule as the team table's mastery column.
#include "trainer/dashboard/dashboard.hpp"

#include <unordered_map>

namespace trainer::dashboard {

Heatmap DashboardService::heatmap(const identity::Actor& actor, const std::string& team, const std::string& rollout) {
    const Scope s = scope(actor, team, rollout);
    Heatmap h;
    std::unordered_map<std::string, std::size_t> row_of;
    for (const auto& m : s.members) {
        row_of.emplace(m.id, h.person_ids.size());
        h.person_ids.push_back(m.id);
        h.display_names.push_back(m.name);
    }
    for (const auto* c : s.cards) {
        h.card_ids.push_back(c->id);
        h.deck_ids.push_back(c->deck_id);
    }
    const std::size_t cols = h.card_ids.size();
    h.cells.assign(h.person_ids.size() * cols, Cell::NotStarted);
    load_cards(s);
    auto st = db_.prepare(
        "SELECT cs.person_id, c.col, cs.successes > 0 AND (?2 - cs.last_review_ms) / 86400000 <= cs.stability "
        "FROM team_members m JOIN card_state cs ON cs.person_id = m.person_id "
        "JOIN temp.dash_cards c ON c.card_id = cs.card_id AND cs.card_version >= c.version "
        "WHERE m.team_id = ?1 AND cs.state > 0");
    st.bind_all(s.team_id, s.now);
    while (st.step()) {
        auto it = row_of.find(st.text(0));
        if (it == row_of.end()) continue;
        const auto col = static_cast<std::size_t>(st.int64(1));
        h.cells[it->second * cols + col] = st.int64(2) ? Cell::Mastered : Cell::Learning;
    }
    h.card_mastery_percent.assign(cols, 0.0);
    if (!h.person_ids.empty())
        for (std::size_t c = 0; c < cols; ++c) {
            int n = 0;
            for (std::size_t r = 0; r < h.person_ids.size(); ++r) n += h.at(r, c) == Cell::Mastered;
            h.card_mastery_percent[c] = 100.0 * n / static_cast<double>(h.person_ids.size());
        }
    return h;
}

} // namespace trainer::dashboard
