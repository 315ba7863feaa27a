#pragma once
// Login by picking a name (person id) or scanning a badge, then a PIN (DESIGN §4.7).
// Wrong PIN, unknown badge, unknown id and "no PIN set" give the same answer (rejected) after the
// same Argon2 work. Per account, after 5 consecutive failures each further try waits longer
// (30 s doubling, at most 15 min); the counters live in the database and survive restarts.
//
// For a GUI the login is three steps so the slow Argon2 work runs off the UI thread:
//   auto a = auth.begin_by_badge(badge);              // UI thread: one quick read
//   auto c = auth.check(a, pin);                      // worker thread: no database access
//   LoginResult r = auth.finish(a, c);                // UI thread: records the audit events
// login_by_id / login_by_badge do all three in a row.
#include "trainer/identity/people.hpp"
#include "trainer/identity/pin.hpp"
#include "trainer/store/projection.hpp"

#include <optional>
#include <string>

namespace trainer::identity {

enum class LoginStatus { Ok, Rejected, Throttled, Inactive };
const char* login_status_name(LoginStatus s);

struct LoginResult {
    LoginStatus status = LoginStatus::Rejected;
    std::optional<Person> person; // set only when Ok
    TimeMs retry_after_ms = 0;    // when Throttled: how long until the next try is accepted
};

struct ThrottlePolicy {
    int free_failures = 5;            // failures allowed before the first wait
    TimeMs first_wait_ms = 30'000;    // wait after the 5th failure; doubles per further failure
    TimeMs max_wait_ms = 15 * 60'000; // cap
};

struct ThrottleState {
    int failures = 0; // consecutive, since the last success or reset
    TimeMs locked_until_ms = 0;
};

// The wait imposed after `failures` consecutive failures (0 below the threshold).
TimeMs lock_wait_ms(const ThrottlePolicy& p, int failures);
// The state after one more failure at `now`.
ThrottleState after_failure(const ThrottlePolicy& p, ThrottleState s, TimeMs now);

// A login in progress: who was named (if anyone) and what the PIN must match. Opaque to the GUI
// except needs_check().
struct LoginAttempt {
    std::string method;     // "id" | "badge"
    std::string person_id;  // empty when the id/badge is unknown
    std::string pin_hash;   // empty when unknown or no PIN is set
    bool throttled = false; // locked at begin: finish() without check()
    TimeMs retry_after_ms = 0;
    bool needs_check() const { return !throttled; }
};

struct PinCheck {
    bool matched = false;
    std::string new_hash; // set when the stored hash used weaker parameters and was upgraded
};

struct AuthOptions {
    ThrottlePolicy throttle;
    PinCost cost = default_pin_cost(); // a stored hash weaker than this is upgraded on login
};

class AuthService {
  public:
    AuthService(store::Database& db, store::EventStore& events, const Clock& clock,
                AuthOptions options = {});
    AuthService(store::Database&, store::EventStore&, const Clock&&, AuthOptions = {}) = delete;

    LoginAttempt begin_by_id(const std::string& person_id);
    LoginAttempt begin_by_badge(const std::string& badge);
    // Slow (Argon2); safe on another thread: reads only its arguments and the options.
    PinCheck check(const LoginAttempt& attempt, std::string_view pin) const;
    LoginResult finish(const LoginAttempt& attempt, const PinCheck& check);

    LoginResult login_by_id(const std::string& person_id, std::string_view pin);
    LoginResult login_by_badge(const std::string& badge, std::string_view pin);

    // Audits the end of a session: reason "user", "idle" (kiosk timeout) or "badge" (another
    // badge was scanned). The GUI owns the session; this only records it.
    void logout(const std::string& person_id, const std::string& reason);

    // A lead (for their teams' members) or an admin lifts a lockout; audited as auth.reset.
    void reset_throttle(const Actor& actor, const std::string& person_id);
    ThrottleState throttle_of(const std::string& person_id);

  private:
    LoginAttempt begin(const std::string& method, std::optional<Person> p);

    store::Database& db_;
    store::EventStore& events_;
    const Clock& clock_;
    AuthOptions options_;
};

// auth_throttle as a projection of the auth.* events, so `trainer rebuild` can recompute it.
store::Projection auth_throttle_projection(ThrottlePolicy policy = {});

} // namespace trainer::identity
