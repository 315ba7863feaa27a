// The team table: agent × onboarding %, mastery %, due backlog, phase, QA score, motivation index.
#include "trainer/dashboard/dashboard.hpp"

#include <unordered_map>

namespace trainer::dashboard {

namespace {

// Mastered = a schedule of the current version (card_version >= content version), at least one
// successful review of it, and whole days since the last review <= stability (R >= 0.9, see
// dashboard.hpp). Reviews due = a current-version schedule whose due time has come or that the
// coaching loop brought forward (an open coaching item): the home screen's "reviews due", the same
// definition (cards/todays_cards.hpp, docs/figures.md). The due count is read in two parts, so the
// one pass over every schedule of the team probes no coaching index: the schedules whose time has
// come (kMasterySql), plus those not yet due that an open coaching item brings forward
// (kCoachedSql, from the few open items through their partial index); each card counts once.
constexpr const char* kMasterySql =
    "SELECT m.person_id, "
    "       sum(cs.successes > 0 AND (?2 - cs.last_review_ms) / 86400000 <= cs.stability), "
    "       sum(cs.due_ms <= ?2) "
    "FROM team_members m "
    "JOIN card_state cs ON cs.person_id = m.person_id "
    "JOIN temp.dash_cards c ON c.card_id = cs.card_id AND cs.card_version >= c.version "
    "WHERE m.team_id = ?1 AND cs.state > 0 "
    "GROUP BY m.person_id"; // team_members order: no temporary b-tree

constexpr const char* kCoachedSql =
    "SELECT q.person_id, count(DISTINCT q.card_id) "
    "FROM coaching_queue q "
    "JOIN team_members m ON m.person_id = q.person_id AND m.team_id = ?1 "
    "JOIN card_state cs ON cs.person_id = q.person_id AND cs.card_id = q.card_id "
    "JOIN temp.dash_cards c ON c.card_id = cs.card_id AND cs.card_version >= c.version "
    "WHERE q.cleared_ms IS NULL AND cs.state > 0 AND cs.due_ms > ?2 "
    "GROUP BY q.person_id";

} // namespace

TeamOverview DashboardService::team_overview(const identity::Actor& actor, const std::string& team,
                                             const std::string& rollout) {
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

    load_cards(s);
    auto st = db_.prepare(kMasterySql);
    st.bind_all(s.team_id, s.now);
    while (st.step()) {
        auto it = row_of.find(st.text(0));
        if (it == row_of.end()) continue; // an inactive member or a lead of the team
        TeamRow& r = o.rows[it->second];
        r.mastered = static_cast<int>(st.int64(1));
        r.due_backlog = static_cast<int>(st.int64(2));
    }
    auto coached = db_.prepare(kCoachedSql);
    coached.bind_all(s.team_id, s.now);
    while (coached.step())
        if (auto it = row_of.find(coached.text(0)); it != row_of.end())
            o.rows[it->second].due_backlog += static_cast<int>(coached.int64(1));
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
    fill(hooks_.motivation_index, &TeamRow::motivation_index);

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
