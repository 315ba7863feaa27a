// Signing with the lead's own PIN (DESIGN §4.3, §4.5): the signature flow owns the PIN pad and the
// check (kiosk/flows/signature_flow.hpp); once the check has finished, the flow of the form on
// screen signs with it — the lead flow's sign-off or the quality flow's evaluation.
#include "kiosk/app_state.hpp"

namespace kiosk {

std::optional<SignatureFlow::Env> App::signature_env(const UiContext& ui) {
    const Session* s = session();
    if (!s) return std::nullopt;
    return SignatureFlow::Env{auth_.get(), s->person, ui, stack_, [this, &ui](SignPurpose purpose) {
                                  return purpose == SignPurpose::Evaluation ? quality_flow_.signing_what(ui)
                                                                            : lead_flow_.signing_what(ui);
                              }};
}

void App::finish_sign_check() {
    const UiContext ui = this->ui();
    auto env = signature_env(ui);
    if (!env) return;
    const bool was_busy = signature_flow_.busy();
    const auto done = signature_flow_.finish(*env);
    if (was_busy && !signature_flow_.busy()) redraw_ = true; // signed, refused or throttled: the pad says
    if (!done) return;
    const std::vector<ScreenId> before = stack_;
    std::string why;
    if (done->purpose == SignPurpose::Evaluation) {
        auto qenv = quality_env(ui);
        if (!qenv) return;
        if (quality_flow_.finish_signature(done->attempt, done->check, why, *qenv) == QualityFlow::Signed::Rejected)
            signature_flow_.refuse(why);
    } else {
        auto lenv = lead_env(ui);
        if (!lenv) return;
        if (!lead_flow_.sign_off(done->attempt, done->check, why, *lenv)) signature_flow_.refuse(why);
    }
    resume_if_due(before, FlowId::Signature); // the screen the lead signed from shows it
}

} // namespace kiosk

