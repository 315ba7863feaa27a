// What the App lends the home flow and the review flow (kiosk/flows/home_flow.hpp,
// review_flow.hpp): the review service over the current content, the person signed in.
#include "kiosk/app_state.hpp"

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

std::optional<HomeFlow::Env> App::home_env(const UiContext& ui) {
    sync_reviews();
    sync_features();
    Session* s = session();
    if (!s || !events_) return std::nullopt;
    HomeFlow::Env env{reviews_.get(), content(), checkin_.get(), evaluations_.get(), *events_, clock_,
                      s->person,      s->actor,  {},             ui,                 stack_,   notice_};
    env.tracks = [this, &ui] {
        auto oe = onboarding_env(ui);
        return oe ? onboarding_flow_.refresh_tracks(*oe) : std::vector<trainer::onboarding::TrackMap>{};
    };
    return env;
}

std::optional<ReviewFlow::Env> App::review_env(const UiContext& ui) {
    if (!session() || !reviews_ || !reviews_content_) return std::nullopt;
    return ReviewFlow::Env{*reviews_, *reviews_content_, clock_, ui, session()->person.id, stack_};
}

} // namespace kiosk
