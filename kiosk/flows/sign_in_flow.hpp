#pragma once
// The sign-in job (DESIGN §4.7): pick a name or scan a badge, then the PIN. It owns the login
// screen's view state and the attempt, checks the PIN on a worker thread (Argon2id takes a
// noticeable moment) and says why a try failed — wrong PIN, unknown badge and inactive account
// alike, lockout with its wait. Who is signed in afterwards is the app's (the top bar shows it).
// Tested without a window (tests/ui/test_sign_in_flow.cpp) against an in-memory database.
#include "kiosk/intent.hpp"
#include "kiosk/screen_id.hpp"
#include "kiosk/screens/login_screen.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/identity/auth.hpp"

#include <future>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// The slow Argon2id PIN check on a worker thread (sign-in and signatures); the PIN copy is wiped.
std::future<trainer::identity::PinCheck> check_pin_async(const trainer::identity::AuthService& auth,
                                                         trainer::identity::LoginAttempt attempt, std::string pin);

class SignInFlow {
public:
    // What the flow works with, lent by the app for one call; all null without a database.
    struct Env {
        trainer::identity::AuthService* auth;
        trainer::store::Database* db;
        trainer::store::EventStore* events;
        const UiContext& ui;
        std::vector<ScreenId>& stack;
    };

    // StartLogin, PickPerson, BadgeScanned, SubmitPin, and Back on the PIN step of a picked name
    // (back to the names); false for anything else.
    bool apply(const Intent& intent, Env& env);
    // Draws ScreenId::Login: the names (from the roster) or the PIN pad.
    Intent draw(Env& env);
    // Once the PIN check has finished: the person now signed in, or nothing (the pad says why).
    std::optional<trainer::identity::Person> finish(Env& env);
    // A PIN is being checked.
    bool busy() const { return check_.valid(); }
    // The PIN pad is up (keyboard digits are a PIN, not a badge).
    bool pin_step() const { return screen_.step == LoginScreen::Step::Pin; }
    // Why the last try failed (translated); empty before one failed.
    const std::string& message() const { return screen_.message; }
    // Back to the names, the typed PIN wiped (sign-out, cancel, another badge).
    void reset() { screen_.reset(); }
    // Waits for a PIN check still running (the app is closing).
    void wait() {
        if (check_.valid()) check_.wait();
        screen_.wipe_pin();
    }

private:
    void start_check(Env& env, std::string pin);

    LoginScreen screen_;
    trainer::identity::LoginAttempt attempt_;
    std::future<trainer::identity::PinCheck> check_;
};

} // namespace kiosk
