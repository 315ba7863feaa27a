#include "trainer/identity/auth.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>

namespace trainer::identity {

const char* login_status_name(LoginStatus s) {
    switch (s) {
    case LoginStatus::Ok:
        return "ok";
    case LoginStatus::Rejected:
        return "rejected";
    case LoginStatus::Throttled:
        return "throttled";
    case LoginStatus::Inactive:
        return "inactive";
    }
    return "unknown";
}

TimeMs lock_wait_ms(const ThrottlePolicy& p, int failures) {
    if (failures < p.free_failures) return 0;
    TimeMs wait = p.first_wait_ms;
    for (int i = p.free_failures; i < failures && wait < p.max_wait_ms; ++i)
        wait *= 2;
    return std::min(wait, p.max_wait_ms);
}

ThrottleState after_failure(const ThrottlePolicy& p, ThrottleState s, TimeMs now) {
    ++s.failures;
    const TimeMs wait = lock_wait_ms(p, s.failures);
    if (wait > 0) s.locked_until_ms = now + wait;
    return s;
}

namespace {

ThrottleState read_throttle(store::Database& db, const std::string& person_id) {
    auto st =
        db.prepare("SELECT failures, locked_until_ms FROM auth_throttle WHERE person_id = ?1");
    st.bind(1, person_id);
    if (!st.step()) return {};
    return {static_cast<int>(st.int64(0)), st.int64(1)};
}

void write_throttle(store::Database& db, const std::string& person_id, ThrottleState s) {
    db.prepare("INSERT INTO auth_throttle (person_id, failures, locked_until_ms) "
               "SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM people WHERE id = ?1) "
               "ON CONFLICT (person_id) DO UPDATE SET failures = excluded.failures, "
               "locked_until_ms = excluded.locked_until_ms")
        .bind_all(person_id, static_cast<std::int64_t>(s.failures), s.locked_until_ms)
        .run();
}

void clear_throttle(store::Database& db, const std::string& person_id) {
    db.prepare("DELETE FROM auth_throttle WHERE person_id = ?1").bind_all(person_id).run();
}

} // namespace

AuthService::AuthService(store::Database& db, store::EventStore& events, const Clock& clock,
                         AuthOptions options)
    : db_(db), events_(events), clock_(clock), options_(options) {}

LoginAttempt AuthService::begin(const std::string& method, std::optional<Person> p) {
    LoginAttempt a;
    a.method = method;
    if (!p) return a;
    a.person_id = p->id;
    auto st = db_.prepare("SELECT pin_hash FROM people WHERE id = ?1");
    st.bind(1, p->id);
    if (st.step() && !st.is_null(0)) a.pin_hash = st.text(0);
    const ThrottleState t = read_throttle(db_, p->id);
    const TimeMs now = clock_.now_ms();
    if (t.locked_until_ms > now) {
        a.throttled = true;
        a.retry_after_ms = t.locked_until_ms - now;
    }
    return a;
}

LoginAttempt AuthService::begin_by_id(const std::string& person_id) {
    return begin("id", read_person(db_, person_id));
}

LoginAttempt AuthService::begin_by_badge(const std::string& badge) {
    return begin("badge", badge.empty() ? std::nullopt : read_person_by_badge(db_, badge));
}

PinCheck AuthService::check(const LoginAttempt& a, std::string_view pin) const {
    PinCheck c;
    if (a.throttled) return c;
    if (a.pin_hash.empty()) {
        // Unknown person or no PIN: spend the same Argon2 work so timing does not tell.
        if (!pin_problem(pin)) (void)hash_pin(pin, options_.cost);
        return c;
    }
    c.matched = verify_pin(a.pin_hash, pin);
    if (c.matched && pin_needs_rehash(a.pin_hash, options_.cost))
        c.new_hash = hash_pin(pin, options_.cost);
    return c;
}

LoginResult AuthService::finish(const LoginAttempt& a, const PinCheck& c) {
    const TimeMs now = clock_.now_ms();
    LoginResult r;
    store::Transaction tx(db_);
    auto record = [&](const std::string& type, store::Payload payload) {
        payload.set("method", a.method);
        events_.append({type, a.person_id, std::move(payload), {}, now});
    };
    if (a.person_id.empty()) {
        record("auth.failed", {{"reason", "unknown"}});
        tx.commit();
        return r;
    }
    ThrottleState t = read_throttle(db_, a.person_id);
    if (a.throttled || t.locked_until_ms > now) {
        // Checked against the stored state again: another kiosk may have locked it meanwhile.
        r.status = LoginStatus::Throttled;
        r.retry_after_ms = std::max<TimeMs>(t.locked_until_ms - now, 1000);
        record("auth.throttled", {{"retry_after_ms", r.retry_after_ms}});
        tx.commit();
        return r;
    }
    if (!c.matched) {
        t = after_failure(options_.throttle, t, now);
        write_throttle(db_, a.person_id, t);
        record("auth.failed",
               {{"reason", a.pin_hash.empty() ? "no_pin" : "wrong_pin"}, {"failures", t.failures}});
        if (t.locked_until_ms > now) {
            r.status = LoginStatus::Throttled;
            r.retry_after_ms = t.locked_until_ms - now;
            record("auth.locked", {{"failures", t.failures}, {"wait_ms", r.retry_after_ms}});
        }
        tx.commit();
        return r;
    }
    auto p = read_person(db_, a.person_id);
    if (!p || !p->active) {
        r.status = LoginStatus::Inactive;
        record("auth.failed", {{"reason", "inactive"}});
        tx.commit();
        return r;
    }
    clear_throttle(db_, a.person_id);
    if (!c.new_hash.empty())
        db_.prepare("UPDATE people SET pin_hash = ?2 WHERE id = ?1")
            .bind_all(a.person_id, c.new_hash)
            .run();
    // A rehashed PIN travels in the event like any PIN change (people_projection.cpp).
    store::Payload login{{"rehashed", !c.new_hash.empty()}};
    if (!c.new_hash.empty()) login.set("hash", c.new_hash);
    record("auth.login", std::move(login));
    tx.commit();
    r.status = LoginStatus::Ok;
    r.person = std::move(p);
    return r;
}

LoginResult AuthService::login_by_id(const std::string& person_id, std::string_view pin) {
    const LoginAttempt a = begin_by_id(person_id);
    return finish(a, check(a, pin));
}

LoginResult AuthService::login_by_badge(const std::string& badge, std::string_view pin) {
    const LoginAttempt a = begin_by_badge(badge);
    return finish(a, check(a, pin));
}

void AuthService::logout(const std::string& person_id, const std::string& reason) {
    events_.record({"auth.logout", person_id, {{"reason", reason}}, {}, clock_.now_ms()});
}

void AuthService::reset_throttle(const Actor& actor, const std::string& person_id) {
    if (!read_person(db_, person_id))
        throw PeopleError("no person with id '" + person_id + "' (see `trainer people list`)");
    require_manage_person(actor, person_id);
    store::Transaction tx(db_);
    const ThrottleState before = read_throttle(db_, person_id);
    clear_throttle(db_, person_id);
    events_.append(
        {"auth.reset",
         actor.person_id,
         {{"person", person_id}, {"actor", actor.label()}, {"failures", before.failures}},
         {},
         clock_.now_ms()});
    tx.commit();
}

ThrottleState AuthService::throttle_of(const std::string& person_id) {
    return read_throttle(db_, person_id);
}

store::Projection auth_throttle_projection(ThrottlePolicy policy) {
    return {"auth_throttle", [](store::Database& db) { db.exec("DELETE FROM auth_throttle"); },
            [policy](store::Database& db, const store::Event& e) {
                if (e.type == "auth.failed" && !e.person_id.empty() &&
                    e.payload.string_or("reason", "") != "inactive" &&
                    e.payload.string_or("reason", "") != "unknown") {
                    write_throttle(db, e.person_id,
                                   after_failure(policy, read_throttle(db, e.person_id), e.at_ms));
                } else if (e.type == "auth.login" && !e.person_id.empty()) {
                    clear_throttle(db, e.person_id);
                } else if ((e.type == "auth.reset" || e.type == "pin.changed") &&
                           e.payload.find_string("person")) {
                    clear_throttle(db, *e.payload.find_string("person"));
                }
            }};
}

} // namespace trainer::identity
