// The lead flow's skills sign-off (DESIGN §4.3): what its signature restates and records, once the
// signature flow has checked the lead's PIN (kiosk/flows/signature_flow.hpp).
#include "kiosk/flows/lead_flow.hpp"
#include "kiosk/flows/refusal.hpp"

#include "trainer/onboarding/signoff.hpp"

namespace kiosk {

std::string LeadFlow::signing_what(const UiContext& ui) const {
    const auto& r = signoff_screen_.request;
    const auto shown = signoff_screen_.shown.size();
    const bool passed = trainer::onboarding::signoff_passed(shown, r.steps.size(), r.pass_mark);
    return ui.tr("sign.what_signoff", {{"person", r.display_name},
                                       {"module", r.module_title},
                                       {"shown", std::to_string(shown)},
                                       {"steps", std::to_string(r.steps.size())},
                                       {"result", ui.tr(passed ? "sign.passed" : "sign.not_passed")}});
}

bool LeadFlow::sign_off(const trainer::identity::LoginAttempt& attempt, const trainer::identity::PinCheck& check,
                        std::string& pad_message, Env& env) {
    const UiContext& ui = env.ui;
    if (!env.signoff) return false;
    try {
        trainer::onboarding::SignoffInput in;
        in.person = signoff_screen_.request.person_id;
        in.module = signoff_screen_.request.module_id;
        in.steps_shown.assign(signoff_screen_.shown.begin(), signoff_screen_.shown.end());
        in.note = signoff_screen_.note;
        const auto res = env.signoff->sign_checked(env.actor, in, attempt, check);
        env.notice = ui.tr(res.completion.passed ? "sign.done_passed" : "sign.done_failed",
                           {{"name", signoff_screen_.request.display_name}});
        if (!res.coached_cards.empty()) {
            env.notice += ' ';
            env.notice += ui.count("sign.coached", static_cast<long long>(res.coached_cards.size()));
        }
        // Back past the PIN pad and the form to where the lead came from (which reads its
        // figures again as it comes back on top).
        while (env.stack.size() > 1 && (env.stack.back() == ScreenId::Sign || env.stack.back() == ScreenId::Signoff))
            env.stack.pop_back();
        return true;
    } catch (const trainer::identity::AccessDenied& e) {
        pad_message = check.matched ? refusal(ui, e) : ui.tr("sign.rejected");
    } catch (const std::exception& e) {
        pad_message = refusal(ui, e);
    }
    return false;
}

} // namespace kiosk
