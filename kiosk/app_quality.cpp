// The App lends the quality flow (kiosk/flows/quality_flow.cpp) its services: a lead's evaluation
// signed with their PIN, and the agent's own evaluations, trend and motivation index.
#include "kiosk/app_state.hpp"

namespace kiosk {

std::optional<QualityFlow::Env> App::quality_env(const UiContext& ui) {
    if (!session() || !evaluations_ || !features_content_) return std::nullopt;
    return QualityFlow::Env{*evaluations_,   *db_,  *events_, clock_, *features_content_, motivation_,
                            session()->actor, session()->person.id, ui, stack_, notice_};
}

} // namespace kiosk
