#include "trainer/change/maturity.hpp"

#include "trainer/change/projection.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/events.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <optional>

namespace trainer::change {

bool can_view_team(const identity::Actor& actor, const std::string& team_id) {
    if (actor.role == identity::Role::Admin) return true;
    return actor.role == identity::Role::Lead &&
           std::find(actor.led_teams.begin(), actor.led_teams.end(), team_id) != actor.led_teams.end();
}

void require_view_team(const identity::Actor& actor, const std::string& team_id) {
    if (!can_view_team(actor, team_id))
        throw identity::AccessDenied(actor.label() + " may not see team '" + team_id +
                                     "': only its leads and admins may");
}

int maturity_total(const std::vector<content::MaturityQuestion>& questions, const std::map<std::string, int>& answers) {
    std::string problems;
    auto problem = [&](const std::string& p) { problems += (problems.empty() ? "" : "; ") + p; };
    int total = 0;
    for (const auto& q : questions) {
        auto it = answers.find(q.id);
        if (it == answers.end()) problem("no answer for '" + q.id + "'");
        else if (it->second < 0 || it->second > content::kMaturityMaxAnswer)
            problem("answer " + std::to_string(it->second) + " for '" + q.id + "' is not 0, 1 or 2");
        else total += it->second;
    }
    for (const auto& [id, v] : answers)
        if (std::none_of(questions.begin(), questions.end(), [&id = id](const auto& q) { return q.id == id; }))
            problem("'" + id + "' is not a maturity question");
    if (!problems.empty()) throw MaturityError("the self-check cannot be scored: " + problems);
    return total;
}

MaturityResult record_maturity(store::EventStore& events, const identity::Actor& actor,
                               const content::ContentSet& content, const std::string& team_id,
                               const std::string& date, const std::map<std::string, int>& answers) {
    require_view_team(actor, team_id);
    if (!content.change) throw MaturityError("no change content is loaded: there are no maturity questions");
    if (date.size() != 10 || !parse_date(date)) throw MaturityError("date '" + date + "' is not YYYY-MM-DD");
    {
        auto st = events.db().prepare("SELECT 1 FROM teams WHERE id = ?1");
        st.bind(1, team_id);
        if (!st.step()) throw MaturityError("team '" + team_id + "' does not exist");
    }
    MaturityResult r{"", team_id, date, maturity_total(content.change->maturity, answers)};
    r.band = content::band_of(r.total);
    r.answers = answers;
    r.author_id = actor.person_id;
    std::optional<store::Transaction> tx;
    if (sqlite3_get_autocommit(events.db().handle())) tx.emplace(events.db());
    const store::Event e = events.append({kMaturityAssessed, actor.person_id,
                                          {{"team", team_id}, {"date", date}, {"answers", answers},
                                           {"total", r.total}, {"band", content::band_id(r.band)}}});
    apply_change_event(events.db(), e);
    if (tx) tx->commit();
    r.event_id = e.id;
    return r;
}

std::vector<MaturityResult> maturity_trend(store::Database& db, const identity::Actor& actor, const std::string& team_id) {
    require_view_team(actor, team_id);
    std::vector<MaturityResult> out;
    auto st = db.prepare("SELECT event_id, date, total, answers, author_id FROM change_maturity WHERE team_id = ?1 "
                         "ORDER BY date, at_ms, rowid");
    st.bind(1, team_id);
    while (st.step()) {
        MaturityResult r{st.text(0), team_id, st.text(1), static_cast<int>(st.int64(2))};
        r.band = content::band_of(r.total);
        for (const auto& [question, answer] : store::Payload::parse(st.text(3)).items())
            r.answers[question] = static_cast<int>(answer.integer());
        r.author_id = st.text(4);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace trainer::change
