// The App's change check-in, the lead dashboard, one person's page and the maturity self-check
// (DESIGN §4.4, §4.6). Figures come from trainer::dashboard with the same hooks as the reports.
#include "kiosk/app_state.hpp"
#include "trainer/core/org_time_zone.hpp"

#include "trainer/app/dashboard_hooks.hpp"
#include "trainer/change/maturity.hpp"
#include "trainer/change/phase_explanation.hpp"
#include "trainer/core/time.hpp"
#include "trainer/dashboard/dashboard.hpp"
#include "trainer/quality/motivation.hpp"
#include "trainer/quality/team_trend.hpp"

#include <iostream>

namespace kiosk {

void App::sync_change_and_quality() {
    const auto& content = features_content_;
    checkin_.reset();
    evaluations_.reset();
    if (content->change) checkin_ = std::make_unique<trainer::change::CheckinService>(*events_, clock_, *content);
    if (content->quality) evaluations_ = std::make_unique<trainer::quality::EvaluationService>(*db_, *events_, clock_, *content);
    try {
        motivation_ = trainer::app::motivation_config_near(options_.content);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: motivation rules not read, using the defaults: " << e.what() << "\n";
        motivation_ = {};
    }
}

void App::offer_checkin() {
    if (!session_ || !checkin_) return;
    try {
        const auto due = checkin_->due(session_->person.id);
        if (due.empty()) return;
        checkin_rollout_ = due.front().id;
        checkin_screen_ = SurveyScreen{};
        stack_.push_back(ScreenId::Checkin);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: " << e.what() << "\n";
    }
}

Intent App::draw_checkin(const UiContext& ui) {
    const auto& change = *features_content_->change;
    const auto* rollout = change.find_rollout(checkin_rollout_);
    SurveyForm f;
    f.title = ui.tr("checkin.heading");
    f.intro = ui.tr("checkin.intro", {{"rollout", rollout ? trainer::content::pick(rollout->title, locale_) : checkin_rollout_}});
    for (const auto& s : change.pulse) f.items.push_back({s.id, trainer::content::pick(s.text, locale_)});
    f.min = trainer::content::kPulseMin;
    for (const auto& l : change.scale) f.labels.push_back(trainer::content::pick(l, locale_));
    f.submit = ui.tr("checkin.submit");
    f.later = ui.tr("checkin.later");
    switch (checkin_screen_.draw(ui, f)) {
    case SurveyScreen::Result::Submit: return SubmitCheckin{checkin_rollout_, checkin_screen_.answers};
    case SurveyScreen::Result::Later: return SkipCheckin{};
    default: return NoIntent{};
    }
}

Intent App::draw_maturity(const UiContext& ui) {
    const auto& change = *features_content_->change;
    SurveyForm f;
    f.title = ui.tr("maturity.heading", {{"team", dash_.overview.team_name}});
    f.intro = ui.tr("maturity.intro");
    for (const auto& q : change.maturity) f.items.push_back({q.id, trainer::content::pick(q.text, locale_)});
    f.min = 0;
    for (const auto& l : change.maturity_answers) f.labels.push_back(trainer::content::pick(l, locale_));
    f.submit = ui.tr("maturity.save");
    f.show_total = true;
    int total = 0;
    for (const auto& [id, v] : maturity_screen_.answers) total += v;
    f.total_readings.push_back(trainer::content::pick(change.maturity_bands[static_cast<std::size_t>(trainer::content::band_of(total))], locale_));
    switch (maturity_screen_.draw(ui, f)) {
    case SurveyScreen::Result::Submit: return SubmitMaturity{maturity_screen_.answers};
    case SurveyScreen::Result::Back: return Back{};
    default: return NoIntent{};
    }
}

void App::refresh_dashboard(const std::string& team_id) {
    sync_features();
    if (!session_ || !features_content_) return;
    const std::string wanted = team_id.empty() ? dash_.team_id : team_id;
    dash_ = DashboardData{};
    dash_.qa_pass_mark = motivation_.qa_pass_mark;
    try {
        trainer::dashboard::DashboardService svc(
            *db_, clock_, *features_content_,
            trainer::app::dashboard_hooks(*db_, *events_, clock_, *features_content_, session_->actor, motivation_));
        dash_.teams = svc.teams(session_->actor);
        if (dash_.teams.empty()) {
            dash_.problem = ui().tr("dash.no_team");
            return;
        }
        dash_.team_id = dash_.teams.front().first;
        for (const auto& [id, name] : dash_.teams)
            if (id == wanted) dash_.team_id = id;
        dash_.overview = svc.team_overview(session_->actor, dash_.team_id);
        dash_.heatmap = svc.heatmap(session_->actor, dash_.team_id, dash_.overview.rollout_id);
        dash_.phases = svc.phase_distribution(session_->actor, dash_.team_id, dash_.overview.rollout_id);
        dash_.signoffs = svc.signoff_queue(session_->actor, dash_.team_id);
        dash_.maturity = svc.maturity_trend(session_->actor, dash_.team_id);
        fill_team_quality();
    } catch (const std::exception& e) {
        dash_.problem = refusal(e);
    }
}

void App::fill_team_quality() {
    if (!features_content_->quality) return;
    const auto today = trainer::org_today(clock_);
    if (const auto period = trainer::quality::period_of(today, motivation_.period)) {
        const auto report = trainer::quality::motivation_report(*db_, *events_, clock_, *features_content_, motivation_,
                                                                session_->actor, *period);
        for (const auto& t : report.teams)
            if (t.team_id == dash_.team_id) dash_.rollup = t;
    }
    // The team's mean QA score for each of the last six months.
    std::vector<std::string> members;
    for (const auto& r : dash_.overview.rows) members.push_back(r.person_id);
    for (auto& m : trainer::quality::team_qa_by_month(*db_, session_->actor, members, today))
        dash_.qa_months.push_back({std::move(m.period), m.evaluations, m.mean});
}

void App::refresh_person(const std::string& person_id) {
    person_ = PersonData{};
    person_.row.person_id = person_id;
    for (const auto& r : dash_.overview.rows)
        if (r.person_id == person_id) person_.row = r;
    person_.rollout_id = dash_.overview.rollout_id;
    for (const auto& item : dash_.signoffs.items)
        if (item.person_id == person_id) person_.signoffs.push_back(item);
    if (!session_) return;
    try {
        if (checkin_ && !person_.rollout_id.empty()) {
            person_.history = checkin_->history(session_->actor, person_id, person_.rollout_id);
            for (auto& w : trainer::change::explain_latest_phase(*events_, *features_content_, person_.history, locale_))
                person_.why.push_back(WhyLine{static_cast<int>(w.dimension), w.score, w.below, w.threshold,
                                              std::move(w.answers)});
        }
        if (evaluations_) {
            person_.scores = evaluations_->scores(session_->actor, person_id);
            person_.can_evaluate = trainer::quality::EvaluationService::can_evaluate(session_->actor, person_id);
        }
        if (const auto period = trainer::quality::period_of(trainer::org_today(clock_), motivation_.period))
            person_.motivation = trainer::quality::motivation_for(*db_, *events_, clock_, *features_content_, motivation_,
                                                                   session_->actor, person_id, *period);
    } catch (const std::exception& e) {
        person_screen_.message = refusal(e);
    }
}

bool App::apply_change(const Intent& intent) {
    if (!session_) return false;
    const UiContext ui = this->ui();
    try {
        if (const auto* c = std::get_if<SubmitCheckin>(&intent)) {
            if (!checkin_) return true;
            checkin_->check_in(session_->actor, session_->person.id, c->rollout_id, c->answers);
            notice_ = ui.tr("checkin.thanks");
            if (stack_.back() == ScreenId::Checkin) stack_.pop_back();
            refresh_home();
        } else if (std::holds_alternative<SkipCheckin>(intent)) {
            if (stack_.back() == ScreenId::Checkin) stack_.pop_back();
        } else if (const auto* d = std::get_if<ShowDashboard>(&intent)) {
            refresh_dashboard(d->team_id);
            if (stack_.back() != ScreenId::Dashboard) stack_.push_back(ScreenId::Dashboard);
        } else if (const auto* p = std::get_if<ShowPerson>(&intent)) {
            person_screen_ = PersonScreen{};
            if (dash_.teams.empty()) refresh_dashboard(); // opened from the lead's home
            refresh_person(p->person_id);
            stack_.push_back(ScreenId::Person);
        } else if (const auto* a = std::get_if<AssessPhase>(&intent)) {
            if (!checkin_) return true;
            checkin_->assess(session_->actor, a->person_id, a->rollout_id, static_cast<trainer::content::Phase>(a->phase), a->note);
            refresh_dashboard();
            refresh_person(a->person_id);
            person_screen_ = PersonScreen{};
            person_screen_.message = ui.tr("person.saved");
        } else if (std::holds_alternative<ShowMaturity>(intent)) {
            if (!features_content_ || !features_content_->change) return true;
            maturity_screen_ = SurveyScreen{};
            stack_.push_back(ScreenId::Maturity);
        } else if (const auto* m = std::get_if<SubmitMaturity>(&intent)) {
            const auto r = trainer::change::record_maturity(*events_, session_->actor, *features_content_, dash_.team_id,
                                                            trainer::org_today(clock_), m->answers);
            notice_ = ui.tr("maturity.saved", {{"total", std::to_string(r.total)}});
            if (stack_.back() == ScreenId::Maturity) stack_.pop_back();
            refresh_dashboard();
        } else {
            return false;
        }
    } catch (const std::exception& e) {
        const std::string why = refusal(e);
        if (stack_.back() == ScreenId::Checkin) checkin_screen_.message = why;
        else if (stack_.back() == ScreenId::Maturity) maturity_screen_.message = why;
        else person_screen_.message = why;
    }
    return true;
}

} // namespace kiosk
