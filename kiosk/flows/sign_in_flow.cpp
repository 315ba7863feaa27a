#include "kiosk/flows/sign_in_flow.hpp"

#include "trainer/identity/people.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>

namespace kiosk {

std::future<trainer::identity::PinCheck> check_pin_async(const trainer::identity::AuthService& auth,
                                                         trainer::identity::LoginAttempt attempt, std::string pin) {
    // Argon2id takes a noticeable moment: keep the window responsive while it runs.
    return std::async(std::launch::async, [&auth, a = std::move(attempt), pin = std::move(pin)]() mutable {
        auto check = a.needs_check() ? auth.check(a, pin) : trainer::identity::PinCheck{};
        sodium_memzero(pin.data(), pin.size());
        return check;
    });
}

void SignInFlow::apply(const SignInIntent& intent, Env& env) {
    if (std::holds_alternative<StartLogin>(intent)) {
        screen_.reset();
        if (env.stack.back() != ScreenId::Login) env.stack.push_back(ScreenId::Login);
    } else if (const auto* p = std::get_if<PickPerson>(&intent)) {
        screen_.step = LoginScreen::Step::Pin;
        screen_.person_id = p->person_id;
        screen_.display_name = p->display_name;
        screen_.message.clear();
        if (env.auth) attempt_ = env.auth->begin_by_id(p->person_id);
        if (attempt_.throttled) screen_.message = LoginScreen::locked_message(env.ui, attempt_.retry_after_ms);
        else if (!attempt_.person_id.empty() && attempt_.pin_hash.empty()) // picked by name: no secret told
            screen_.message = env.ui.tr("login.no_pin");
    } else if (const auto* b = std::get_if<BadgeScanned>(&intent)) {
        if (!env.auth || busy()) return;
        screen_.reset();
        screen_.step = LoginScreen::Step::Pin;
        attempt_ = env.auth->begin_by_badge(b->badge);
        screen_.skip_keys = true; // the scan's digits and Enter are not a PIN
        if (attempt_.throttled) screen_.message = LoginScreen::locked_message(env.ui, attempt_.retry_after_ms);
        if (env.stack.back() != ScreenId::Login) env.stack.push_back(ScreenId::Login);
    }
}

bool SignInFlow::apply(const ScreenIntent& intent, Env& env) {
    if (env.stack.back() != ScreenId::Login) return false;
    if (const auto* s = std::get_if<SubmitPin>(&intent)) {
        if (!env.auth || busy()) return true;
        std::string pin = s->pin;
        screen_.wipe_pin();
        start_check(env, std::move(pin));
        return true;
    }
    if (std::holds_alternative<Back>(intent)) {
        const bool to_names = pin_step() && !screen_.person_id.empty();
        screen_.reset();
        return to_names; // otherwise the router closes the login screen
    }
    return false;
}

void SignInFlow::begin_session(Session s) { session_ = std::move(s); }

void SignInFlow::end_session(const std::string& reason, trainer::identity::AuthService* auth) {
    if (session_ && auth) auth->logout(session_->person.id, reason);
    session_.reset();
    screen_.reset();
}

void SignInFlow::start_check(Env& env, std::string pin) {
    screen_.busy = true;
    check_ = check_pin_async(*env.auth, attempt_, std::move(pin));
}

std::optional<trainer::identity::Person> SignInFlow::finish(Env& env) {
    if (!check_.valid() || check_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    const auto check = check_.get();
    screen_.busy = false;
    if (!env.auth) return std::nullopt;
    const auto result = env.auth->finish(attempt_, check);
    using trainer::identity::LoginStatus;
    if (result.status == LoginStatus::Ok && result.person) {
        screen_.reset();
        return result.person;
    }
    screen_.wipe_pin();
    if (result.status == LoginStatus::Throttled)
        screen_.message = LoginScreen::locked_message(env.ui, result.retry_after_ms);
    else // wrong PIN, unknown badge and inactive account read the same: nothing to learn from it
        screen_.message = env.ui.tr("login.rejected");
    return std::nullopt;
}

Intent SignInFlow::draw(Env& env) {
    std::vector<trainer::identity::RosterEntry> roster;
    if (env.db && env.events) roster = trainer::identity::PeopleService(*env.db, *env.events).roster();
    return screen_.draw(env.ui, roster);
}

} // namespace kiosk
