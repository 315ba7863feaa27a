// Which team, rollout, agents and standards a dashboard figure covers, after the access check.
#include "trainer/change/maturity.hpp"
#include "trainer/change/rollouts.hpp"
#include "trainer/dashboard/dashboard.hpp"

#include <algorithm>

namespace trainer::dashboard {

DashboardService::DashboardService(store::Database& db, const Clock& clock, const content::ContentSet& content,
                                   Hooks hooks)
    : db_(db), clock_(clock), content_(content), hooks_(std::move(hooks)) {}

std::vector<std::pair<std::string, std::string>> DashboardService::teams(const identity::Actor& actor) {
    std::vector<std::pair<std::string, std::string>> out;
    auto st = db_.prepare("SELECT id, name FROM teams ORDER BY name, id");
    while (st.step())
        if (change::can_view_team(actor, st.text(0))) out.emplace_back(st.text(0), st.text(1));
    return out;
}

std::vector<content::Rollout> DashboardService::rollouts(const identity::Actor& actor, const std::string& team) {
    return change::rollouts_of_team(db_, content_, scope(actor, team, "").team_id);
}

DashboardService::Scope DashboardService::scope(const identity::Actor& actor, const std::string& team,
                                                const std::string& rollout) {
    Scope s;
    {
        auto st = db_.prepare("SELECT id, name FROM teams WHERE id = ?1 OR name = ?1 ORDER BY id = ?1 DESC LIMIT 1");
        st.bind(1, team);
        if (st.step()) s.team_id = st.text(0), s.team_name = st.text(1);
    }
    // Access before existence: a lead learns nothing about teams they do not lead.
    if (actor.role != identity::Role::Admin && !change::can_view_team(actor, s.team_id.empty() ? team : s.team_id))
        throw identity::AccessDenied(actor.label() + " may not see team '" + team + "': only its leads and admins may");
    if (s.team_id.empty()) {
        std::string known;
        for (const auto& [id, name] : teams(actor)) known += (known.empty() ? "" : ", ") + id;
        throw DashboardError("no team '" + team + "'; known teams: " + (known.empty() ? "(none)" : known));
    }
    if (!rollout.empty()) {
        s.rollout = change::find_rollout(db_, content_, rollout);
        if (!s.rollout) {
            try {
                change::require_rollout(db_, content_, rollout);
            } catch (const change::RolloutError& e) {
                throw DashboardError(e.what());
            }
        }
        if (std::find(s.rollout->teams.begin(), s.rollout->teams.end(), s.team_id) == s.rollout->teams.end())
            throw DashboardError("team '" + s.team_id + "' is not on rollout '" + rollout + "'");
    } else if (auto all = change::rollouts_of_team(db_, content_, s.team_id); !all.empty()) {
        s.rollout = all.front();
    }
    auto st = db_.prepare("SELECT p.id, p.display_name FROM team_members m JOIN people p ON p.id = m.person_id "
                          "WHERE m.team_id = ?1 AND p.active = 1 AND NOT EXISTS (SELECT 1 FROM team_leads l "
                          "WHERE l.team_id = m.team_id AND l.person_id = p.id) ORDER BY p.display_name, p.id");
    st.bind(1, s.team_id);
    while (st.step()) s.members.push_back({st.text(0), st.text(1)});
    if (s.rollout) {
        // Content (deck) order; a card a rollout names but the content no longer has is left out.
        for (const auto& c : content_.cards)
            if (std::find(s.rollout->cards.begin(), s.rollout->cards.end(), c.id) != s.rollout->cards.end())
                s.cards.push_back(&c);
    } else {
        for (const auto& c : content_.cards) s.cards.push_back(&c);
    }
    s.now = clock_.now_ms();
    return s;
}

SignoffQueue DashboardService::signoff_queue(const identity::Actor& actor, const std::string& team) {
    const Scope s = scope(actor, team, "");
    SignoffQueue q;
    if (!hooks_.signoff_queue) return q;
    q.available = true;
    q.items = hooks_.signoff_queue(s.team_id);
    std::stable_sort(q.items.begin(), q.items.end(),
                     [](const SignoffItem& a, const SignoffItem& b) { return a.requested_ms < b.requested_ms; });
    return q;
}

} // namespace trainer::dashboard
