// The mastery heatmap: agents × standards, each cell not started / learning / mastered, by the
// same rule as the team table's mastery column.
#include "trainer/dashboard/dashboard.hpp"

#include "trainer/cards/schedule_scan.hpp"

namespace trainer::dashboard {

Heatmap DashboardService::heatmap(const identity::Actor& actor, const std::string& team, const std::string& rollout) {
    const Scope s = scope(actor, team, rollout);
    Heatmap h;
    for (const auto& m : s.members) {
        h.person_ids.push_back(m.id);
        h.display_names.push_back(m.name);
    }
    for (const auto* c : s.cards) {
        h.card_ids.push_back(c->id);
        h.deck_ids.push_back(c->deck_id);
    }
    const std::size_t cols = h.card_ids.size();
    h.cells.assign(h.person_ids.size() * cols, Cell::NotStarted);
    std::vector<std::size_t> col_of(content_.cards.size(), cols); // content index -> column; cols = not shown
    for (std::size_t i = 0; i < cols; ++i) col_of[static_cast<std::size_t>(s.cards[i] - content_.cards.data())] = i;
    cards::scan_schedules(db_, content_, cards::ReviewConfig{}, h.person_ids, s.now, [&](const cards::ScheduleFacts& f) {
        if (col_of[f.card] == cols) return;
        h.cells[f.person * cols + col_of[f.card]] = f.mastered ? Cell::Mastered : Cell::Learning;
    });
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
