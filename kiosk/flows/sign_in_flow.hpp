#pragma once
// The sign-in job (DESIGN §4.7): pick a name or scan a badge, then the PIN. It owns the login
// screen's view state and the attempt, checks the PIN on a worker thread (Argon2id takes a
// noticeable moment) and says why a try failed — wrong PIN, unknown badge and inactive account
// alike, lockout with its wait. Who is signed in afterwards is the flow's too (the Session: the
// app starts it from finish(), ends it at sign-out, a new badge or idle logout).
// Tested without a window (tests/ui/test_sign_in_flow.cpp) against an in-memory database.
#include "kiosk/intent.hpp"
#include "kiosk/screen_id.hpp"
#include "kiosk/screens/login_screen.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/identity/people.hpp"

#include <future>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// The slow Argon2id PIN check on a worker thread (sign-in and signatures); the PIN copy is wiped.
std::future<trainer::identity::PinCheck> check_pin_async(const trainer::identity::AuthService& auth,
                                                         trainer::identity::LoginAttempt attempt, std::string pin);

// Who is signed in at this kiosk.
struct Session {
    trainer::identity::Person person;
    trainer::identity::Actor actor;
    trainer::TimeMs last_input_ms = 0;
};

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

    // StartLogin, PickPerson, BadgeScanned.
    void apply(const SignInIntent& intent, Env& env);
    // SubmitPin on the pad; Back on the PIN step of a picked name (back to the names). False for
    // anything else (a Back that closes sign-in is the router's).
    bool apply(const ScreenIntent& intent, Env& env);
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
    // The person signed in, if anyone.
    const Session* session() const { return session_ ? &*session_ : nullptr; }
    Session* session() { return session_ ? &*session_ : nullptr; }
    void begin_session(Session s);
    // Sign-out (`reason`: "user", "idle", "badge"; audited through `auth` when there is one).
    void end_session(const std::string& reason, trainer::identity::AuthService* auth);
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
    std::optional<Session> session_;
};

} // namespace kiosk
