// The App's home and team views and its lookups, built from trainer services when the person
// moves; the review itself is a flow (kiosk/flows/review_flow.cpp).
#include "kiosk/app_state.hpp"
#include "trainer/app/lead_home.hpp"
#include "trainer/cards/search_report.hpp"

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

void App::record_lookup(const std::string& card_id, const std::string& query) {
    sync_reviews();
    if (!session_ || !reviews_) return;
    try {
        reviews_->record_lookup(session_->person.id, card_id, options_.desk ? "desk" : "search", query);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: lookup not recorded: " << e.what() << "\n";
    }
}

void App::record_unopened_search() {
    if (search_query_.empty() || !events_) return;
    try {
        trainer::search::record_unopened(*events_, search_query_, results_key_.empty() ? 0 : results_.size(),
                                         options_.desk ? "desk" : "search");
    } catch (const std::exception& e) {
        std::cerr << "kiosk: search not recorded: " << e.what() << "\n";
    }
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
        refresh_tracks();
        home_view_.has_tracks = !tracks_.empty();
        for (const auto& t : tracks_) {
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

void App::refresh_team() {
    team_rows_.clear();
    if (!session_ || !auth_) return;
    try {
        team_rows_ = trainer::identity::team_roster(*db_, *events_, *auth_, session_->actor, clock_.now_ms());
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
