#include "trainer/cards/team_mastery.hpp"

#include "trainer/cards/schedule_scan.hpp"

namespace trainer::cards {

std::map<std::string, MasterySummary> mastery_summaries(store::Database& db, const content::ContentSet& content,
                                                        const ReviewConfig& config, const identity::Actor& actor,
                                                        const std::vector<std::string>& people, TimeMs now) {
    std::map<std::string, MasterySummary> out;
    const int total = static_cast<int>(content.cards.size());
    std::vector<std::string> active;
    auto is_active = db.prepare("SELECT 1 FROM people WHERE id = ?1 AND active = 1");
    for (const auto& p : people) {
        if (!identity::can_view_person(actor, p) || out.count(p)) continue;
        is_active.reset();
        is_active.bind(1, p);
        if (!is_active.step()) continue; // unknown or deactivated
        out[p].total = total;
        active.push_back(p);
    }
    std::vector<MasterySummary*> summary;
    for (const auto& p : active) summary.push_back(&out[p]);
    scan_schedules(db, content, config, active, now, [&](const ScheduleFacts& f) {
        if (f.mastered) ++summary[f.person]->mastered;
    });
    for (auto& [id, m] : out) m.percent = m.total ? 100.0 * m.mastered / m.total : 0.0;
    return out;
}

} // namespace trainer::cards
