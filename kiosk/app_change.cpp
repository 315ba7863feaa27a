// The App's change and QA services (DESIGN §4.4, §4.5) and what it lends the lead flow
// (kiosk/flows/lead_flow.cpp).
#include "kiosk/app_state.hpp"
#include "trainer/app/dashboard_hooks.hpp"
#include "trainer/quality/motivation.hpp"

#include <iostream>

namespace kiosk {

void App::sync_change_and_quality() {
    const auto& content = features_content_;
    checkin_.reset();
    evaluations_.reset();
    if (content->change) checkin_ = std::make_unique<trainer::change::CheckinService>(*events_, clock_, *content);
    if (content->quality) evaluations_ = std::make_unique<trainer::quality::EvaluationService>(*db_, *events_, clock_, *content);
    try {
        motivation_ = trainer::app::motivation_config_near(options_.content, content.get());
        motivation_problem_ = false;
    } catch (const std::exception& e) {
        // Checked against the content as the CLI does (issue 16 point 5): the log has every
        // file:line:column, the lead a calm banner on the screens that show the figures.
        std::cerr << "kiosk: motivation rules not used, the figures use the defaults: " << e.what() << "\n";
        motivation_ = {};
        motivation_problem_ = true;
    }
}

std::optional<LeadFlow::Env> App::lead_env(const UiContext& ui) {
    sync_features();
    if (!session() || !auth_ || !features_content_) return std::nullopt;
    return LeadFlow::Env{*db_,          *events_,          clock_,           *features_content_,
                         motivation_,   *auth_,            checkin_.get(),   evaluations_.get(),
                         signoff_.get(), session()->actor, ui,               stack_,
                         notice_};
}

} // namespace kiosk
