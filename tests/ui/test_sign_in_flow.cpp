// The sign-in flow (kiosk/flows/sign_in_flow.hpp) without a window: a name or a badge, then the
// PIN, checked on a worker thread against an in-memory database. A wrong PIN and an unknown badge
// read the same; after the free failures the pad says how long to wait; the right PIN signs in.
#include "flow_fixture.hpp"
#include "harness.hpp"

#include "kiosk/flows/sign_in_flow.hpp"
#include "trainer/identity/pin.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

using namespace kiosk;
using namespace trainer;

namespace {

struct World : test::FlowWorld {
    World() { stack = {ScreenId::Decks}; }
    SignInFlow::Env env(const UiContext& ui) { return {&auth, &db, &events, ui, stack}; }
};

// Submits `pin` and waits for the worker thread's answer.
std::optional<identity::Person> submit(SignInFlow& flow, SignInFlow::Env& env, const std::string& pin) {
    REQUIRE(flow.apply(SubmitPin{pin}, env));
    REQUIRE(flow.busy());
    for (int k = 0; k < 2000 && flow.busy(); ++k) {
        if (auto p = flow.finish(env)) return p;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK_FALSE(flow.busy());
    return std::nullopt;
}

} // namespace

TEST_CASE("the sign-in flow takes a name, then the PIN; the wrong PIN leaves the pad up saying so", "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    SignInFlow flow;
    flow.apply(StartLogin{}, env);
    CHECK(w.stack == std::vector<ScreenId>{ScreenId::Decks, ScreenId::Login});
    CHECK_FALSE(flow.pin_step());
    flow.apply(PickPerson{"anna.kowalska", "Anna Kowalska"}, env);
    CHECK(flow.pin_step());
    CHECK_FALSE(submit(flow, env, "0000"));
    CHECK(flow.pin_step()); // still the pad
    CHECK(w.stack.back() == ScreenId::Login);
    const auto person = submit(flow, env, "1111");
    REQUIRE(person);
    CHECK(person->id == "anna.kowalska");
    CHECK(person->locale == "pl");
    CHECK_FALSE(flow.pin_step()); // a clean first step for the next person
}

TEST_CASE("Back on the PIN pad of a picked name goes back to the names, then closes sign-in", "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    SignInFlow flow;
    flow.apply(StartLogin{}, env);
    flow.apply(PickPerson{"anna.kowalska", "Anna Kowalska"}, env);
    CHECK(flow.apply(Back{}, env)); // the flow's: back to the names
    CHECK_FALSE(flow.pin_step());
    CHECK(w.stack.back() == ScreenId::Login);
    CHECK_FALSE(flow.apply(Back{}, env)); // the router's: the login screen closes
}

TEST_CASE("an unknown badge reads like a wrong PIN, and after the free failures the pad says how long to wait",
          "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    SignInFlow flow;
    flow.apply(BadgeScanned{"B-9999"}, env);
    CHECK(w.stack.back() == ScreenId::Login);
    CHECK(flow.pin_step());
    CHECK_FALSE(submit(flow, env, "1111"));
    const std::string rejected = ui.tr("login.rejected");
    CHECK(flow.message() == rejected);
    // The known badge, the wrong PIN twice (the policy's free failures): locked for 30 s.
    flow.apply(BadgeScanned{"B-1001"}, env);
    CHECK(flow.message().empty());
    CHECK_FALSE(submit(flow, env, "0000"));
    CHECK(flow.message() == rejected);
    CHECK_FALSE(submit(flow, env, "0000"));
    flow.apply(BadgeScanned{"B-1001"}, env);
    CHECK_FALSE(submit(flow, env, "1111")); // even the right PIN waits
    CHECK(flow.message() == LoginScreen::locked_message(ui, 30'000)); // says a lead can unlock it
    w.clock.advance_ms(31'000);
    flow.apply(BadgeScanned{"B-1001"}, env);
    const auto person = submit(flow, env, "1111");
    REQUIRE(person);
    CHECK(person->id == "anna.kowalska");
}
