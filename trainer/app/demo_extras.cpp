#include "trainer/app/demo_extras.hpp"

#include "trainer/content/onboarding_model.hpp"
#include "trainer/content/quality_model.hpp"
#include "trainer/core/time.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/onboarding/assignment.hpp"
#include "trainer/onboarding/service.hpp"
#include "trainer/quality/coaching.hpp"
#include "trainer/quality/records.hpp"
#include "trainer/quality/period.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

namespace trainer::app {
namespace {

// Walks a track as a diligent new hire would: every page read, every quiz question answered
// right, every scenario answered with its best response; stops at the first skills module (asking
// for the sign-off) or after `max_modules`. Returns true when a sign-off was requested.
bool walk_track(store::Database& db, onboarding::OnboardingService& svc, const content::OnboardingContent& onb,
                const content::Track& track, const std::string& person, int max_modules) {
    const identity::Actor me = identity::actor_for(db, person);
    int walked = 0;
    for (const auto& tm : track.modules) {
        const content::Module* m = onb.find_module(tm.module);
        if (!m) return false;
        if (walked == max_modules) {
            if (!m->pages.empty()) svc.view_page(me, m->id, 0); // opened: in progress
            return false;
        }
        for (int p = 0; p < static_cast<int>(m->pages.size()); ++p) svc.view_page(me, m->id, p);
        switch (m->pillar) {
        case content::Pillar::Knowledge: {
            const auto quiz = svc.start_quiz(me, m->id, "en");
            for (const auto& q : quiz.questions) {
                const content::QuizQuestion* cq = m->quiz.find_question(q.id);
                std::vector<std::string> right;
                for (const auto& o : cq->options)
                    if (o.correct) right.push_back(o.id);
                svc.answer_question(me, m->id, q.id, right, "en");
            }
            break;
        }
        case content::Pillar::Attitude:
            for (const auto& s : m->scenarios) {
                const content::ScenarioOption* best = &s.options.front();
                for (const auto& o : s.options)
                    if (o.value > best->value) best = &o;
                svc.answer_scenario(me, m->id, s.id, best->id, "", "en");
            }
            break;
        case content::Pillar::Skills:
            svc.request_signoff(me, m->id);
            return true;
        }
        ++walked;
    }
    return false;
}

std::string day_in_month(const quality::Period& p, int day, const std::string& today) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.8s%02d", p.from_date.c_str(), day); // "2026-11-" + "06"
    const std::string d = buf;
    return d > today ? today : d;
}

} // namespace

DemoExtras seed_demo_extras(store::Database& db, store::EventStore& events, const Clock& clock,
                            const content::ContentSet& content) {
    DemoExtras out;
    if (content.onboarding && !content.onboarding->tracks.empty() &&
        events.count({.type = "onboarding.track_assigned"}) == 0) {
        const auto& onb = *content.onboarding;
        const auto& track = onb.tracks.front();
        onboarding::OnboardingService svc(events, onb);
        const struct {
            const char* person;
            int modules; // before stopping; a large number: up to the first skills module
        } plan[] = {{"anna.kowalska", 99}, {"james.oconnor", 99}, {"emily.carter", 1}};
        for (const auto& p : plan) {
            if (!identity::read_person(db, p.person)) continue;
            out.tracks_assigned += onboarding::assign_track(events, onb, identity::cli_admin(), track.id, p.person) ? 1 : 0;
            out.signoff_requests += walk_track(db, svc, onb, track, p.person, p.modules) ? 1 : 0;
        }
    }
    if (content.quality && !content.quality->scorecards.empty() && events.count({.type = quality::kQaEvaluated}) == 0) {
        const auto& sc = content.quality->scorecards.front();
        const std::string today = format_date(clock.now_ms());
        const auto now_period = quality::period_of(today, quality::PeriodKind::Month);
        const quality::Period periods[] = {quality::previous(*now_period), *now_period};
        std::mt19937 rng(20261101);
        std::uniform_real_distribution<double> u(0, 1);
        const struct {
            const char* person;
            const char* lead;
            double skill; // chance that a criterion is met
        } agents[] = {{"anna.kowalska", "marek.nowak", 0.82},   {"dmitri.volkov", "marek.nowak", 0.93},
                      {"emily.carter", "marek.nowak", 0.88},    {"olga.smirnova", "natalia.ivanova", 0.95},
                      {"piotr.wisniewski", "natalia.ivanova", 0.8}, {"james.oconnor", "natalia.ivanova", 0.9}};
        store::Transaction tx(db);
        for (const auto& a : agents) {
            if (!identity::read_person(db, a.person) || !identity::read_person(db, a.lead)) continue;
            for (const auto& period : periods)
                for (int day : {6, 19}) {
                    quality::Evaluation e;
                    e.person_id = a.person;
                    e.scorecard_id = sc.id;
                    e.scorecard_version = sc.version;
                    e.channel = sc.channels.front();
                    e.date = day_in_month(period, day, today);
                    e.evaluator = a.lead;
                    e.source = "kiosk";
                    std::map<std::string, quality::Outcome> outcomes;
                    for (const content::Criterion* c : sc.criteria()) {
                        const double chance = c->critical ? 0.98 : a.skill;
                        outcomes[c->id] = u(rng) < chance ? quality::Outcome::Met : quality::Outcome::NotMet;
                        e.criteria.push_back({c->id, outcomes[c->id]});
                    }
                    e.score = quality::score(sc, outcomes);
                    e.recorded_ms = clock.now_ms();
                    quality::store_evaluation(events, e, a.lead);
                    quality::assign_coaching_for(events, sc, e, a.lead);
                    ++out.evaluations;
                }
            // Customer feedback from the survey tool: a handful of answers a month.
            if (events.count({.type = quality::kSurveyAnswered, .person_id = a.person}) == 0)
                for (const auto& period : periods)
                    for (int k = 0; k < 8; ++k) {
                        quality::SurveyAnswer s;
                        s.person_id = a.person;
                        s.date = day_in_month(period, 2 + 3 * k, today);
                        const double mood = std::clamp(a.skill + (u(rng) - 0.5) * 0.5, 0.0, 1.0);
                        s.csat = 1 + static_cast<int>(std::lround(mood * 4));
                        s.nps = static_cast<int>(std::lround(mood * 10));
                        s.ces = 1 + static_cast<int>(std::lround(mood * 6));
                        s.source = "import:demo-survey";
                        s.external_id = std::string(a.person) + "-" + period.label + "-" + std::to_string(k);
                        quality::store_survey_answer(events, s, "");
                    }
        }
        tx.commit();
    }
    return out;
}

} // namespace trainer::app
