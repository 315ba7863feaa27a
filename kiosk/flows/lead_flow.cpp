#include "kiosk/flows/lead_flow.hpp"
#include "kiosk/flows/refusal.hpp"

#include "trainer/app/dashboard_hooks.hpp"
#include "trainer/change/maturity.hpp"
#include "trainer/change/phase_explanation.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/dashboard/dashboard.hpp"
#include "trainer/identity/team_roster.hpp"
#include "trainer/quality/motivation.hpp"
#include "trainer/quality/team_trend.hpp"

#include <iostream>

namespace kiosk {

void LeadFlow::apply(const LeadIntent& intent, Env& env) {
    const UiContext& ui = env.ui;
    try {
        if (std::holds_alternative<ShowTeam>(intent)) {
            refresh_team(env);
            env.stack.push_back(ScreenId::Team);
        } else if (const auto* u = std::get_if<UnlockPerson>(&intent)) {
            try {
                env.auth.reset_throttle(env.actor, u->person_id); // checks the team, audited
            } catch (const std::exception& e) {
                std::cerr << "kiosk: " << e.what() << "\n";
            }
            refresh_team(env);
        } else if (const auto* d = std::get_if<ShowDashboard>(&intent)) {
            refresh_dashboard(env, d->team_id);
            if (env.stack.back() != ScreenId::Dashboard) env.stack.push_back(ScreenId::Dashboard);
        } else if (const auto* p = std::get_if<ShowPerson>(&intent)) {
            person_screen_ = PersonScreen{};
            // The person's row is the dashboard's: read unless the dashboard on top was just read
            // (it is read whenever it comes on top); from the lead's home or a team list it is not.
            if (env.stack.back() != ScreenId::Dashboard || dash_.teams.empty()) refresh_dashboard(env);
            refresh_person(env, p->person_id);
            env.stack.push_back(ScreenId::Person);
        } else if (const auto* a = std::get_if<AssessPhase>(&intent)) {
            if (!env.checkin) return;
            env.checkin->assess(env.actor, a->person_id, a->rollout_id, static_cast<trainer::content::Phase>(a->phase),
                                a->note);
            refresh_dashboard(env);
            refresh_person(env, a->person_id);
            person_screen_ = PersonScreen{};
            person_screen_.message = ui.tr("person.saved");
        } else if (std::holds_alternative<ShowMaturity>(intent)) {
            if (!env.content.change) return;
            maturity_screen_ = SurveyScreen{};
            env.stack.push_back(ScreenId::Maturity);
        } else if (const auto* m = std::get_if<SubmitMaturity>(&intent)) {
            const auto r = trainer::change::record_maturity(env.events, env.actor, env.content, dash_.team_id,
                                                            trainer::org_today(env.clock), m->answers);
            env.notice = ui.tr("maturity.saved", {{"total", std::to_string(r.total)}});
            if (env.stack.back() == ScreenId::Maturity) env.stack.pop_back();
            refresh_dashboard(env);
        } else if (const auto* o = std::get_if<OpenSignoff>(&intent)) {
            if (!env.signoff) return;
            for (auto& r : env.signoff->queue(env.actor, ui.locale))
                if (r.person_id == o->person_id && r.module_id == o->module_id) {
                    signoff_screen_.open(std::move(r));
                    env.stack.push_back(ScreenId::Signoff);
                }
        }
    } catch (const std::exception& e) {
        const std::string why = refusal(ui, e);
        if (env.stack.back() == ScreenId::Maturity) maturity_screen_.message = why;
        else if (env.stack.back() == ScreenId::Person) person_screen_.message = why;
        else env.notice = why;
    }
}

void LeadFlow::refresh_team(Env& env) {
    team_rows_.clear();
    try {
        team_rows_ = trainer::identity::team_roster(env.db, env.events, env.auth, env.actor, env.clock.now_ms());
    } catch (const std::exception& e) {
        std::cerr << "kiosk: " << e.what() << "\n";
    }
}

void LeadFlow::refresh_dashboard(Env& env, const std::string& team_id) {
    const std::string wanted = team_id.empty() ? dash_.team_id : team_id;
    dash_ = DashboardData{};
    dash_.qa_pass_mark = env.motivation.qa_pass_mark;
    try {
        trainer::dashboard::DashboardService svc(
            env.db, env.clock, env.content,
            trainer::app::dashboard_hooks(env.db, env.events, env.clock, env.content, env.actor, env.motivation));
        dash_.teams = svc.teams(env.actor);
        if (dash_.teams.empty()) {
            dash_.problem = env.ui.tr("dash.no_team");
            return;
        }
        dash_.team_id = dash_.teams.front().first;
        for (const auto& [id, name] : dash_.teams)
            if (id == wanted) dash_.team_id = id;
        dash_.overview = svc.team_overview(env.actor, dash_.team_id);
        dash_.heatmap = svc.heatmap(env.actor, dash_.team_id, dash_.overview.rollout_id);
        dash_.phases = svc.phase_distribution(env.actor, dash_.team_id, dash_.overview.rollout_id);
        dash_.signoffs = svc.signoff_queue(env.actor, dash_.team_id);
        dash_.maturity = svc.maturity_trend(env.actor, dash_.team_id);
        fill_team_quality(env);
    } catch (const std::exception& e) {
        dash_.problem = refusal(env.ui, e);
    }
}

void LeadFlow::fill_team_quality(Env& env) {
    if (!env.content.quality) return;
    const auto today = trainer::org_today(env.clock);
    if (const auto period = trainer::quality::period_of(today, env.motivation.period)) {
        const auto report = trainer::quality::motivation_report(env.db, env.events, env.clock, env.content,
                                                                env.motivation, env.actor, *period);
        for (const auto& t : report.teams)
            if (t.team_id == dash_.team_id) dash_.rollup = t;
    }
    // The team's mean QA score for each of the last six months (trainer/quality/team_trend.hpp).
    std::vector<std::string> members;
    for (const auto& r : dash_.overview.rows) members.push_back(r.person_id);
    for (auto& m : trainer::quality::team_qa_by_month(env.db, env.actor, members, today))
        dash_.qa_months.push_back({std::move(m.period), m.evaluations, m.mean});
}

void LeadFlow::refresh_person(Env& env, const std::string& person_id) {
    person_ = PersonData{};
    person_.row.person_id = person_id;
    for (const auto& r : dash_.overview.rows)
        if (r.person_id == person_id) person_.row = r;
    person_.rollout_id = dash_.overview.rollout_id;
    for (const auto& item : dash_.signoffs.items)
        if (item.person_id == person_id && item.yours) person_.signoffs.push_back(item); // only what this viewer may sign
    try {
        if (env.checkin && !person_.rollout_id.empty()) {
            person_.history = env.checkin->history(env.actor, person_id, person_.rollout_id);
            for (auto& w : trainer::change::explain_latest_phase(env.events, env.content, person_.history, env.ui.locale))
                person_.why.push_back(WhyLine{static_cast<int>(w.dimension), w.score, w.below, w.threshold,
                                              std::move(w.answers)});
        }
        if (env.evaluations) {
            person_.scores = env.evaluations->scores(env.actor, person_id);
            person_.can_evaluate = trainer::quality::EvaluationService::can_evaluate(env.actor, person_id);
        }
        if (const auto period = trainer::quality::period_of(trainer::org_today(env.clock), env.motivation.period))
            person_.motivation = trainer::quality::motivation_for(env.db, env.events, env.clock, env.content,
                                                                  env.motivation, env.actor, person_id, *period);
    } catch (const std::exception& e) {
        person_screen_.message = refusal(env.ui, e);
    }
}

void LeadFlow::relocalise(Env& env) {
    for (const ScreenId id : env.stack) switch (id) {
        case ScreenId::Dashboard: refresh_dashboard(env); break;
        case ScreenId::Person: refresh_person(env, person_.row.person_id); break;
        case ScreenId::Signoff:
            if (env.signoff)
                for (auto& r : env.signoff->queue(env.actor, env.ui.locale))
                    if (r.person_id == signoff_screen_.request.person_id && r.module_id == signoff_screen_.request.module_id)
                        signoff_screen_.request = std::move(r);
            break;
        default: break;
        }
}

void LeadFlow::on_resume(ScreenId screen, Env& env) {
    switch (screen) {
    case ScreenId::Team: refresh_team(env); break;
    case ScreenId::Dashboard: refresh_dashboard(env); break;
    case ScreenId::Person:
        refresh_dashboard(env); // the person's row is the dashboard's
        refresh_person(env, person_.row.person_id);
        break;
    default: break;
    }
}

Intent LeadFlow::draw(ScreenId screen, Env& env) {
    switch (screen) {
    case ScreenId::Team: return team_screen_.draw(env.ui, team_rows_, env.clock.now_ms());
    case ScreenId::Dashboard: return dashboard_screen_.draw(env.ui, dash_, env.content);
    case ScreenId::Person: return person_screen_.draw(env.ui, person_, env.motivation, env.content);
    case ScreenId::Maturity: return draw_maturity(env);
    case ScreenId::Signoff: return signoff_screen_.draw(env.ui, env.content);
    default: return NoIntent{};
    }
}

Intent LeadFlow::draw_maturity(Env& env) {
    if (!env.content.change) return NoIntent{};
    const auto& change = *env.content.change;
    const auto& ui = env.ui;
    SurveyForm f;
    f.title = ui.tr("maturity.heading", {{"team", dash_.overview.team_name}});
    f.intro = ui.tr("maturity.intro");
    for (const auto& q : change.maturity) f.items.push_back({q.id, trainer::content::pick(q.text, ui.locale)});
    f.min = 0;
    for (const auto& l : change.maturity_answers) f.labels.push_back(trainer::content::pick(l, ui.locale));
    f.submit = ui.tr("maturity.save");
    f.show_total = true;
    int total = 0; // the running total of the answers given so far, as the form shows it
    for (const auto& [id, v] : maturity_screen_.answers) total += v;
    f.total_readings.push_back(trainer::content::pick(
        change.maturity_bands[static_cast<std::size_t>(trainer::content::band_of(total))], ui.locale));
    switch (maturity_screen_.draw(ui, f)) {
    case SurveyScreen::Result::Submit: return SubmitMaturity{maturity_screen_.answers};
    case SurveyScreen::Result::Back: return Back{};
    default: return NoIntent{};
    }
}

} // namespace kiosk
