// The App lends the quality flow (kiosk/flows/quality_flow.cpp) its services: a lead's evaluation
// signed with their PIN, and the agent's own evaluations, trend and motivation index.
#include "kiosk/app_state.hpp"

namespace kiosk {

std::optional<QualityFlow::Env> App::quality_env(const UiContext& ui) {
    if (!session_ || !evaluations_ || !features_content_) return std::nullopt;
    return QualityFlow::Env{*evaluations_, *db_,         *events_,        clock_, *features_content_, motivation_,
                            session_->actor, session_->person.id, ui, stack_, notice_};
}

bool App::apply_quality(const Intent& intent) {
    const UiContext ui = this->ui();
    auto env = quality_env(ui);
    return env && quality_flow_.apply(intent, *env);
}

void App::finish_evaluation_signature(const trainer::identity::PinCheck& check) {
    const UiContext ui = this->ui();
    auto env = quality_env(ui);
    if (!env) return;
    std::string pad_message;
    switch (quality_flow_.finish_signature(sign_attempt_, check, pad_message, *env)) {
    case QualityFlow::Signed::Saved:
        if (auto lead = lead_env(ui)) lead_flow_.after_signature(*lead, quality_flow_.evaluated_person());
        break;
    case QualityFlow::Signed::Rejected:
        sign_pad_.wipe_pin();
        sign_pad_.message = pad_message;
        break;
    case QualityFlow::Signed::DraftProblems: break;
    }
}

} // namespace kiosk
