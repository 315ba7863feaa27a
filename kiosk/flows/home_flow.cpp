#include "kiosk/flows/home_flow.hpp"
#include "kiosk/flows/refusal.hpp"

#include "trainer/app/lead_home.hpp"
#include "trainer/cards/browse.hpp"
#include "trainer/cards/review_service.hpp"
#include "trainer/change/checkin.hpp"
#include "trainer/i18n/format.hpp"
#include "trainer/quality/entry.hpp"

#include <iostream>
#include <map>

namespace kiosk {

void HomeFlow::open(Env& env) {
    reset();
    env.stack.assign(1, ScreenId::Home);
    refresh(env);
    offer_checkin(env);
}

void HomeFlow::on_resume(ScreenId screen, Env& env) {
    if (screen == ScreenId::Home) refresh(env);
}

void HomeFlow::refresh(Env& env) {
    view_ = HomeView{};
    // Who is greeted, even with no content to review (a refused first load): never "Hello, ".
    view_.name = env.person.display_name;
    if (!env.reviews) return;
    const auto& ui = env.ui;
    const std::string& locale = ui.locale;
    view_.leads = env.actor.role && *env.actor.role != trainer::identity::Role::Agent;
    try {
        // Why each coaching card is there, in the person's language: the QA criterion not met and
        // when, or the skill step not shown at a sign-off.
        std::map<std::string, trainer::quality::CoachingReason> qa;
        if (env.evaluations)
            for (auto& r : env.evaluations->coaching_reasons(env.actor, env.person.id, locale))
                qa[r.card_id] = std::move(r);
        for (const auto& q : env.reviews->due_queue(env.person.id)) {
            using trainer::cards::QueueKind;
            if (q.kind == QueueKind::New) ++view_.fresh;
            else ++view_.due;
            if (q.kind != QueueKind::Coaching) continue;
            ++view_.coaching;
            const auto face = trainer::cards::card_face(env.content, q.card_id, locale);
            const auto it = qa.find(q.card_id);
            if (it != qa.end())
                view_.coaching_reasons.push_back(ui.tr("home.coaching_qa", {{"card", face.text.title},
                                                                            {"date", trainer::i18n::format_iso_day(it->second.evaluation_date, locale)},
                                                                            {"criterion", it->second.criterion_title}}));
            else if (q.source == "skills")
                view_.coaching_reasons.push_back(ui.tr("home.coaching_skills", {{"card", face.text.title}}));
            else
                view_.coaching_reasons.push_back(face.text.title);
        }
        const auto m = env.reviews->mastery_summary(env.actor, env.person.id);
        view_.mastered = m.mastered;
        view_.total = m.total;
        const auto tracks = env.tracks ? env.tracks() : std::vector<trainer::onboarding::TrackMap>{};
        view_.has_tracks = !tracks.empty();
        if (!tracks.empty()) {
            const auto& t = tracks.front(); // the first track leads
            view_.onboarding_percent = t.percent;
            // Next: where they left off, else the first open module.
            const std::string next = t.resume ? t.resume->module_id : t.next.empty() ? "" : t.next.front();
            for (const auto& tile : t.modules)
                if (tile.module_id == next) view_.next_module = tile.title;
        }
        view_.has_scores = env.evaluations != nullptr;
        if (view_.leads) // what waits for a lead (issue 14, point 7)
            view_.lead = trainer::app::lead_home(env.events, env.clock, env.content, env.actor, locale);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: " << e.what() << "\n";
    }
}

void HomeFlow::offer_checkin(Env& env) {
    if (!env.checkin) return;
    try {
        const auto due = env.checkin->due(env.person.id);
        if (due.empty()) return;
        checkin_rollout_ = due.front().id;
        checkin_screen_ = SurveyScreen{};
        env.stack.push_back(ScreenId::Checkin);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: " << e.what() << "\n";
    }
}

void HomeFlow::apply(const HomeIntent& intent, Env& env) {
    try {
        if (const auto* c = std::get_if<SubmitCheckin>(&intent)) {
            if (!env.checkin) return;
            env.checkin->check_in(env.actor, env.person.id, c->rollout_id, c->answers);
            env.notice = env.ui.tr("checkin.thanks");
        }
        if (env.stack.back() == ScreenId::Checkin) env.stack.pop_back(); // sent, or "later"
    } catch (const std::exception& e) {
        checkin_screen_.message = refusal(env.ui, e);
    }
}

Intent HomeFlow::draw(ScreenId screen, Env& env) {
    if (screen == ScreenId::Home) return home_screen_.draw(env.ui, view_, env.content);
    if (screen != ScreenId::Checkin || !env.content.change) return NoIntent{};
    const auto& ui = env.ui;
    const auto& change = *env.content.change;
    const auto* rollout = change.find_rollout(checkin_rollout_);
    SurveyForm f;
    f.title = ui.tr("checkin.heading");
    f.intro = ui.tr("checkin.intro",
                    {{"rollout", rollout ? trainer::content::pick(rollout->title, ui.locale) : checkin_rollout_}});
    for (const auto& s : change.pulse) f.items.push_back({s.id, trainer::content::pick(s.text, ui.locale)});
    f.min = trainer::content::kPulseMin;
    for (const auto& l : change.scale) f.labels.push_back(trainer::content::pick(l, ui.locale));
    f.submit = ui.tr("checkin.submit");
    f.later = ui.tr("checkin.later");
    switch (checkin_screen_.draw(ui, f)) {
    case SurveyScreen::Result::Submit: return SubmitCheckin{checkin_rollout_, checkin_screen_.answers};
    case SurveyScreen::Result::Later: return SkipCheckin{};
    default: return NoIntent{};
    }
}

} // namespace kiosk
