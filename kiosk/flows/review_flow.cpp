#include "kiosk/flows/review_flow.hpp"

#include "trainer/i18n/catalog.hpp"

#include <algorithm>
#include <iostream>

namespace kiosk {

namespace {
void log_problem(trainer::cards::ReviewSession& s) {
    if (auto problem = s.take_problem(); !problem.empty()) std::cerr << "kiosk: " << problem << "\n";
}
} // namespace

void ReviewFlow::apply(const ReviewIntent& intent, Env& env) {
    if (std::holds_alternative<StartReview>(intent)) start(env);
    else if (const auto* g = std::get_if<GradeCard>(&intent); g && session_) after_grade(session_->grade(g->rating), env);
}

bool ReviewFlow::apply(const ScreenIntent& intent, Env& env) {
    if (std::holds_alternative<FlipCard>(intent) && env.stack.back() == ScreenId::Review) {
        screen_.flipped = true;
        return true;
    }
    return false;
}

void ReviewFlow::reset() {
    if (session_)
        for (const auto& grade : session_->stop_writing())
            std::cerr << "kiosk: grade NOT saved (the database stayed unavailable): " << grade << "\n";
    session_.reset();
    screen_ = ReviewScreen{};
    save_problem_.clear();
    save_notice_.clear();
    summary_ = ReviewSummaryView{};
}

void ReviewFlow::start(Env& env) {
    reset();
    // Grades are committed by a writer thread of their own (trainer/cards/grade_writer.hpp), so the
    // window keeps drawing while another program holds the write lock (issue 16 point 8).
    session_.emplace(env.reviews, env.clock, env.person_id, trainer::cards::ReviewSession::Commit{},
                     /*in_background=*/true);
    if (session_->finished()) summary_ = summary(env);
    env.stack.push_back(session_->finished() ? ScreenId::ReviewSummary : ScreenId::Review);
}

void ReviewFlow::after_grade(trainer::cards::ReviewSession::Outcome outcome, Env& env) {
    using Outcome = trainer::cards::ReviewSession::Outcome;
    if (outcome == Outcome::Pending || (outcome == Outcome::Ignored && session_->pending_rating())) {
        // Disk full, database locked...: the grade stays on screen and is tried again shortly. A
        // commit that merely takes a moment (the writer thread, a slow disk) says nothing.
        if (session_->save_delayed()) {
            log_problem(*session_);
            save_problem_ = env.ui.tr(session_->save_waits_for_disk_space() ? "review.save_retry_disk_full"
                                                                             : "review.save_retry");
        }
        return;
    }
    if (outcome == Outcome::Ignored) return;
    log_problem(*session_);
    // Shown saved only once committed: a grade that had to wait says so when it is in.
    save_notice_ = outcome == Outcome::Saved && !save_problem_.empty() ? env.ui.tr("review.saved_late") : "";
    save_problem_.clear();
    screen_.flipped = false;
    if (session_->finished()) {
        summary_ = summary(env);
        if (env.stack.back() == ScreenId::Review) env.stack.back() = ScreenId::ReviewSummary;
    }
}

Intent ReviewFlow::draw(ScreenId screen, Env& env) {
    if (screen == ScreenId::ReviewSummary) return screen_.draw_summary(env.ui, summary_);
    if (screen != ScreenId::Review || !session_) return NoIntent{};
    after_grade(session_->retry_if_due(), env);
    if (env.stack.back() != ScreenId::Review || session_->finished()) return NoIntent{};
    return screen_.draw(env.ui, view(env));
}

ReviewView ReviewFlow::view(Env& env) {
    ReviewView v;
    const auto& item = *session_->current();
    v.card = trainer::cards::card_face(env.content, item.card_id, env.ui.locale);
    v.position = static_cast<int>(session_->position());
    v.total = static_cast<int>(session_->total());
    using trainer::cards::QueueKind;
    if (item.kind == QueueKind::Coaching) v.badge = env.ui.tr("review.badge_coaching");
    else if (item.refreshed) v.badge = env.ui.tr("review.badge_refreshed");
    else if (item.kind == QueueKind::New) v.badge = env.ui.tr("review.badge_new");
    const auto& preview = session_->preview();
    log_problem(*session_);
    std::vector<long long> minutes;
    for (const auto& o : preview.options) minutes.push_back(o.interval_minutes);
    const auto labels = trainer::i18n::format_intervals(env.ui.catalog, env.ui.locale, minutes); // distinct labels
    for (std::size_t i = 0; i < preview.options.size(); ++i)
        v.buttons.push_back({static_cast<int>(preview.options[i].rating), labels[i]});
    v.save_problem = save_problem_;
    v.save_notice = save_notice_;
    return v;
}

ReviewSummaryView ReviewFlow::summary(Env& env) {
    ReviewSummaryView v;
    try {
        const auto s = session_->summary();
        v.reviewed = s.reviewed;
        v.again = s.again;
        v.new_cards = s.new_cards;
        if (s.next_due_ms) {
            const long long minutes = std::max<long long>(1, (*s.next_due_ms - env.clock.now_ms()) / 60000);
            v.next_due = trainer::i18n::format_interval(env.ui.catalog, env.ui.locale, minutes);
        }
    } catch (const std::exception& e) {
        std::cerr << "kiosk: " << e.what() << "\n";
    }
    return v;
}

} // namespace kiosk
