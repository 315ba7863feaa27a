#pragma once
// Signing with the lead's own PIN (DESIGN §4.3, §4.5): a skills sign-off (the lead flow's form) or
// a QA evaluation (the quality flow's). This flow owns the PIN pad (ScreenId::Sign) and the check:
// the PIN is checked off the UI thread and counted towards lockout like a sign-in, and the pad
// restates what is signed. What the signature records is the form's flow's (LeadFlow::sign_off,
// QualityFlow::finish_signature); the app hands the finished check to it.
#include "kiosk/intent.hpp"
#include "kiosk/screen_id.hpp"
#include "kiosk/screens/login_screen.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/identity/auth.hpp"

#include <functional>
#include <future>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// What a PIN typed on the Sign screen is for.
enum class SignPurpose { Signoff, Evaluation };

class SignatureFlow {
public:
    // What the flow works with, lent by the app for one call.
    struct Env {
        trainer::identity::AuthService* auth;
        const trainer::identity::Person& signer; // the lead signed in
        const UiContext& ui;
        std::vector<ScreenId>& stack;
        // What is about to be signed, restated on the pad (the form's flow says it).
        std::function<std::string(SignPurpose)> what;
    };
    // A PIN check that has finished and was not throttled: the form's flow signs with it.
    struct Checked {
        SignPurpose purpose;
        trainer::identity::LoginAttempt attempt;
        trainer::identity::PinCheck check;
    };

    // BeginSignature (from the sign-off form or the QA evaluation on top): the pad opens on top;
    // CancelSignature: back to the form, unless a PIN is being checked.
    void apply(const SignatureIntent& intent, Env& env);
    // SubmitPin and Back on the pad; false when the pad is not on top.
    bool apply(const ScreenIntent& intent, Env& env);
    Intent draw(ScreenId screen, Env& env);
    // Once the check has finished: what to sign with, or nothing (still running, or throttled —
    // then the pad says how long to wait).
    std::optional<Checked> finish(Env& env);
    // The form's flow refused the signature: the pad says why, the PIN is wiped.
    void refuse(const std::string& why);
    // After a language switch: the pad in the new language.
    void relocalise(Env& env);
    bool busy() const { return check_.valid(); }
    SignPurpose purpose() const { return purpose_; }
    // Sign-out or closing: nothing typed stays.
    void reset();
    void wait() {
        if (check_.valid()) check_.wait();
        pad_.wipe_pin();
    }

private:
    void fill_pad(Env& env);

    SignPurpose purpose_ = SignPurpose::Signoff;
    LoginScreen pad_;
    trainer::identity::LoginAttempt attempt_;
    std::future<trainer::identity::PinCheck> check_;
};

} // namespace kiosk
