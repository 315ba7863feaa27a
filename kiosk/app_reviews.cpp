// The App's review session, home and team views, built from trainer services when
// the person moves; grade previews are cached per card.
#include "kiosk/app_state.hpp"
#include "trainer/search/report.hpp"

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

void App::start_review() {
    sync_reviews();
    if (!session_ || !reviews_) return;
    queue_ = reviews_->due_queue(session_->person.id);
    queue_pos_ = 0;
    preview_.reset();
    review_screen_ = ReviewScreen{};
    review_started_ms_ = clock_.now_ms();
    if (queue_.empty()) summary_ = summary_view();
    stack_.push_back(queue_.empty() ? ScreenId::ReviewSummary : ScreenId::Review);
}

void App::grade_current(int rating) {
    if (!session_ || !reviews_ || queue_pos_ >= queue_.size()) return;
    const auto r = trainer::cards::rating_from_int(rating);
    if (!r) return;
    try {
        // Durable before the next card shows (synchronous=FULL commit inside grade()).
        reviews_->grade(session_->person.id, queue_[queue_pos_].card_id, *r);
        pending_grade_.reset();
        save_problem_.clear();
    } catch (const trainer::cards::ReviewError& e) {
        std::cerr << "kiosk: grade refused: " << e.what() << "\n"; // skip this card, nothing written
        pending_grade_.reset();
    } catch (const std::exception& e) {
        // Disk full, database locked...: keep the grade on screen and try again shortly.
        std::cerr << "kiosk: grade not saved yet: " << e.what() << "\n";
        pending_grade_ = rating;
        retry_at_ms_ = clock_.now_ms() + 2000;
        save_problem_ = ui().tr("review.save_retry");
        return;
    }
    ++queue_pos_;
    preview_.reset();
    review_screen_.flipped = false;
    if (queue_pos_ >= queue_.size()) {
        // Cards sent back a few minutes ago (Again, learning steps) may be due again by now:
        // they belong in this session, as in any flashcard app.
        for (auto& item : reviews_->due_queue(session_->person.id))
            if (item.kind == trainer::cards::QueueKind::Due) queue_.push_back(std::move(item));
        if (queue_pos_ >= queue_.size()) {
            summary_ = summary_view();
            stack_.back() = ScreenId::ReviewSummary;
        }
    }
}

ReviewView App::review_view() {
    ReviewView v;
    const auto& item = queue_[queue_pos_];
    v.card = trainer::cards::card_face(*reviews_content_, item.card_id, locale_);
    v.position = static_cast<int>(queue_pos_);
    v.total = static_cast<int>(queue_.size());
    using trainer::cards::QueueKind;
    if (item.kind == QueueKind::Coaching) v.badge = ui().tr("review.badge_coaching");
    else if (item.refreshed) v.badge = ui().tr("review.badge_refreshed");
    else if (item.kind == QueueKind::New) v.badge = ui().tr("review.badge_new");
    if (!preview_ || preview_->card_id != item.card_id) {
        try {
            preview_ = reviews_->preview(session_->person.id, item.card_id);
        } catch (const std::exception& e) {
            std::cerr << "kiosk: " << e.what() << "\n";
            preview_ = trainer::cards::GradeOptions{item.card_id, 0, {}};
        }
    }
    for (const auto& o : preview_->options)
        v.buttons.push_back({static_cast<int>(o.rating),
                             trainer::i18n::format_interval(catalog_, locale_, o.interval_minutes)});
    v.save_problem = save_problem_;
    return v;
}

ReviewSummaryView App::summary_view() {
    ReviewSummaryView v;
    if (!session_ || !reviews_) return v;
    try {
        const auto s = reviews_->session_summary(session_->person.id, review_started_ms_);
        v.reviewed = s.reviewed;
        v.again = s.again;
        v.new_cards = s.new_cards;
        if (s.next_due_ms) {
            const long long minutes = std::max<long long>(1, (*s.next_due_ms - clock_.now_ms()) / 60000);
            v.next_due = trainer::i18n::format_interval(catalog_, locale_, minutes);
        }
    } catch (const std::exception& e) {
        std::cerr << "kiosk: " << e.what() << "\n";
    }
    return v;
}

} // namespace kiosk
