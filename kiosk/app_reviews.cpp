// The App's home and team views, built from trainer services when the person
// moves; the review itself is a flow (kiosk/flows/review_flow.cpp).
#include "kiosk/app_state.hpp"
#include "trainer/app/lead_home.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <sodium.h>

#include <algorithm>
#include <map>
#include <iostream>

namespace kiosk {

void App::sync_reviews() {
    const auto& content = library_->state().content;
    if (!db_ || !content) return;
    if (!reviews_) {
        trainer::cards::ReviewConfig cfg;
        cfg.pass_fail_mode = options_.pass_fail;
        cfg.new_cards_per_day = options_.new_per_day;
        reviews_ = std::make_unique<trainer::cards::ReviewService>(*db_, *events_, clock_, *content, cfg);
    } else if (reviews_content_ != content) {
        reviews_->set_content(*content);
    }
    reviews_content_ = content;
}

void App::refresh_home() {
    sync_reviews();
    home_view_ = HomeView{};
    if (!session_ || !reviews_) return;
    home_view_.name = session_->person.display_name;
    home_view_.leads = session_->actor.role && *session_->actor.role != trainer::identity::Role::Agent;
    try {
        // Why each coaching card is there, in the person's language: the QA criterion not met and
        // when, or the skill step not shown at a sign-off.
        std::map<std::string, trainer::quality::CoachingReason> qa;
        if (evaluations_)
            for (auto& r : evaluations_->coaching_reasons(session_->actor, session_->person.id, locale_))
                qa[r.card_id] = std::move(r);
        const UiContext ui = this->ui();
        for (const auto& q : reviews_->due_queue(session_->person.id)) {
            using trainer::cards::QueueKind;
            if (q.kind == QueueKind::New) ++home_view_.fresh;
            else ++home_view_.due;
            if (q.kind == QueueKind::Coaching) {
                ++home_view_.coaching;
                const auto face = trainer::cards::card_face(*reviews_content_, q.card_id, locale_);
                const auto it = qa.find(q.card_id);
                if (it != qa.end())
                    home_view_.coaching_reasons.push_back(ui.tr("home.coaching_qa", {{"card", face.text.title},
                                                                                      {"date", it->second.evaluation_date},
                                                                                      {"criterion", it->second.criterion_title}}));
                else if (q.source == "skills")
                    home_view_.coaching_reasons.push_back(ui.tr("home.coaching_skills", {{"card", face.text.title}}));
                else
                    home_view_.coaching_reasons.push_back(face.text.title);
            }
        }
        const auto m = reviews_->mastery_summary(session_->actor, session_->person.id);
        home_view_.mastered = m.mastered;
        home_view_.total = m.total;
        std::vector<trainer::onboarding::TrackMap> tracks;
        if (auto env = onboarding_env(ui)) tracks = onboarding_flow_.refresh_tracks(*env);
        home_view_.has_tracks = !tracks.empty();
        for (const auto& t : tracks) {
            home_view_.onboarding_percent = t.percent; // the first track leads
            // Next: where they left off, else the first open module.
            const std::string next = t.resume ? t.resume->module_id : t.next.empty() ? "" : t.next.front();
            for (const auto& tile : t.modules)
                if (tile.module_id == next) home_view_.next_module = tile.title;
            break;
        }
        home_view_.has_scores = evaluations_ != nullptr;
        if (home_view_.leads && features_content_) // what waits for a lead (issue 14, point 7)
            home_view_.lead = trainer::app::lead_home(*events_, clock_, *features_content_, session_->actor, locale_);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: " << e.what() << "\n";
    }
}

std::optional<ReviewFlow::Env> App::review_env(const UiContext& ui) {
    if (!session_ || !reviews_ || !reviews_content_) return std::nullopt;
    return ReviewFlow::Env{*reviews_, *reviews_content_, clock_, ui, session_->person.id, stack_};
}

bool App::apply_review(const Intent& intent) {
    if (std::holds_alternative<StartReview>(intent)) sync_reviews();
    const UiContext ui = this->ui();
    auto env = review_env(ui);
    return env && review_flow_.apply(intent, *env);
}

} // namespace kiosk
