// The team table: agent × onboarding %, mastery %, due backlog, phase, QA score, motivation index.
#include "trainer/dashboard/dashboard.hpp"

#include "trainer/cards/review_service.hpp"
#include "trainer/cards/schedule_scan.hpp"
#include "trainer/content/adoption.hpp"
#include "trainer/store/read_snapshot.hpp"

#include <set>
#include <unordered_map>

namespace trainer::dashboard {

namespace {

// Mastered and due come from one read of the team's schedules (cards/schedule_scan.hpp): a
// schedule of the current version with a successful review and retrievability >= 0.9 now is
// mastered (cards::ReviewService's rule); one whose due time has come counts as a review due.
// The home screen's "reviews due" also counts a card the coaching loop brought forward (an open
// coaching item), the same definition here (cards/todays_cards.hpp, docs/figures.md): those not
// yet due are read from the few open items through their partial index; each card counts once.
constexpr const char* kCoachedSql =
    "SELECT q.person_id, q.card_id, cs.card_version "
    "FROM coaching_queue q "
    "JOIN card_state cs ON cs.person_id = q.person_id AND cs.card_id = q.card_id "
    "WHERE q.cleared_ms IS NULL AND cs.state > 0 AND cs.due_ms > ?1";

} // namespace

TeamOverview DashboardService::team_overview(const identity::Actor& actor, const std::string& team,
                                             const std::string& rollout) {
    // The table and the hooks' figures read one state of the file, under one read lock (a query
    // per agent would otherwise take and drop it 500 times).
    const store::ReadSnapshot snapshot(db_);
    const Scope s = scope(actor, team, rollout);
    TeamOverview o;
    o.team_id = s.team_id;
    o.team_name = s.team_name;
    if (s.rollout) o.rollout_id = s.rollout->id, o.rollout_title = s.rollout->title;
    o.as_of_ms = s.now;
    o.cards = static_cast<int>(s.cards.size());

    std::unordered_map<std::string, std::size_t> row_of;
    std::vector<std::string> ids;
    for (const auto& m : s.members) {
        row_of.emplace(m.id, o.rows.size());
        ids.push_back(m.id);
        TeamRow r;
        r.person_id = m.id;
        r.display_name = m.name;
        o.rows.push_back(std::move(r));
    }

    // The table counts the scope's standards (the rollout's); the motivation index counts every
    // standard of the content: both from the one read.
    std::vector<char> in_scope(content_.cards.size(), 0);
    for (const content::Card* c : s.cards) in_scope[static_cast<std::size_t>(c - content_.cards.data())] = 1;
    std::vector<int> mastered_all(ids.size(), 0);
    cards::scan_schedules(db_, content_, cards::ReviewConfig{}, ids, s.now, [&](const cards::ScheduleFacts& f) {
        mastered_all[f.person] += f.mastered ? 1 : 0;
        if (!in_scope[f.card]) return;
        TeamRow& r = o.rows[f.person];
        r.mastered += f.mastered ? 1 : 0;
        r.due_backlog += f.due ? 1 : 0;
    });
    {
        const content::AdoptedVersions adopted = content::adopted_versions(db_);
        std::set<std::pair<std::size_t, std::string>> coached;
        auto q = db_.prepare(kCoachedSql);
        q.bind(1, s.now);
        while (q.step()) {
            const auto row = row_of.find(q.text(0));
            const content::Card* c = content_.find_card(q.text(1));
            if (row == row_of.end() || !c || !in_scope[static_cast<std::size_t>(c - content_.cards.data())] ||
                static_cast<int>(q.int64(2)) < content::current_version(adopted, *c))
                continue;
            if (coached.emplace(row->second, c->id).second) ++o.rows[row->second].due_backlog;
        }
    }
    for (auto& r : o.rows) r.mastery_percent = o.cards ? 100.0 * r.mastered / o.cards : 0.0;

    if (s.rollout) {
        auto ph = db_.prepare("SELECT l.person_id, l.phase, l.source, l.at_ms FROM change_phase_latest l "
                              "JOIN team_members m ON m.person_id = l.person_id AND m.team_id = ?1 "
                              "WHERE l.rollout_id = ?2");
        ph.bind_all(s.team_id, s.rollout->id);
        while (ph.step()) {
            auto it = row_of.find(ph.text(0));
            if (it == row_of.end()) continue;
            TeamRow& r = o.rows[it->second];
            r.phase = content::phase_from_id(ph.text(1));
            r.phase_source = ph.text(2);
            r.phase_at_ms = ph.int64(3);
        }
        // The rollout's modules passed; Hooks::onboarding_percent replaces it for people walking
        // an onboarding track (their track progress).
        if (!s.rollout->modules.empty()) {
            db_.exec("CREATE TEMP TABLE IF NOT EXISTS dash_modules (module_id TEXT PRIMARY KEY) WITHOUT ROWID");
            db_.exec("DELETE FROM temp.dash_modules");
            auto ins = db_.prepare("INSERT OR IGNORE INTO temp.dash_modules (module_id) VALUES (?1)");
            for (const auto& mod : s.rollout->modules) {
                ins.bind(1, mod);
                ins.run();
                ins.reset();
            }
            for (auto& r : o.rows) r.onboarding_percent = 0.0;
            auto mq = db_.prepare("SELECT d.person_id, count(*) FROM change_module_done d "
                                  "JOIN team_members m ON m.person_id = d.person_id AND m.team_id = ?1 "
                                  "JOIN temp.dash_modules x ON x.module_id = d.module_id "
                                  "WHERE d.passed = 1 GROUP BY d.person_id");
            mq.bind(1, s.team_id);
            const double n = static_cast<double>(s.rollout->modules.size());
            while (mq.step())
                if (auto it = row_of.find(mq.text(0)); it != row_of.end())
                    o.rows[it->second].onboarding_percent = 100.0 * static_cast<double>(mq.int64(1)) / n;
        }
    }
    auto fill = [&](const Hooks::PerPerson& hook, std::optional<double> TeamRow::*field) {
        if (!hook) return;
        for (const auto& [id, v] : hook(ids, s.now))
            if (auto it = row_of.find(id); it != row_of.end()) o.rows[it->second].*field = v;
    };
    fill(hooks_.onboarding_percent, &TeamRow::onboarding_percent);
    fill(hooks_.qa_score, &TeamRow::qa_score);
    if (hooks_.qa_period) o.qa_period = hooks_.qa_period(s.now);             // QA hook: "—" until the QA feature fills it
    if (hooks_.motivation_index) {
        std::map<std::string, cards::MasterySummary> mastery;
        const int total = static_cast<int>(content_.cards.size());
        for (std::size_t i = 0; i < ids.size(); ++i)
            mastery[ids[i]] = {mastered_all[i], total, total ? 100.0 * mastered_all[i] / total : 0.0};
        for (const auto& [id, v] : hooks_.motivation_index(ids, s.now, mastery))
            if (auto it = row_of.find(id); it != row_of.end()) o.rows[it->second].motivation_index = v;
    }

    double mastery = 0, onboarding = 0;
    int onboarding_n = 0;
    for (const auto& r : o.rows) {
        mastery += r.mastery_percent;
        o.total_due_backlog += r.due_backlog;
        if (r.onboarding_percent) onboarding += *r.onboarding_percent, ++onboarding_n;
        if (r.phase) ++o.phase_counts[static_cast<std::size_t>(*r.phase)];
        else ++o.no_phase;
    }
    if (!o.rows.empty()) o.mean_mastery_percent = mastery / static_cast<double>(o.rows.size());
    if (onboarding_n) o.mean_onboarding_percent = onboarding / onboarding_n;
    return o;
}

} // namespace trainer::dashboard
