// Issue 12 §7: random histories from three devices, merged in many random arrival orders, give the
// same derived state (a canonical dump of every derived table) as one import of everything.
#include "trainer/app/projections.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/events.hpp"
#include "trainer/sync/exchange.hpp"
#include "trainer/sync/rebuild_check.hpp"
#include "trainer/store/tombstone.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>

using namespace trainer;
using nlohmann::json;
using sync::WireEvent;

namespace {

constexpr TimeMs kStart = 1'767'225'600'000; // 2026-01-01T00:00:00Z
const std::vector<std::string> kPeople = {"ana", "boris", "celia", "dmitri"};
const std::vector<std::string> kCards = {"c1", "c2", "c3"};
const std::vector<std::string> kPhases = {"denial", "resistance", "exploration", "commitment"};

struct Device {
    std::string id;
    TimeMs clock;
    int counter = 0;
};

// One device's history: every kind of record the projections derive state from.
class Generator {
public:
    explicit Generator(std::uint32_t seed) : rng_(seed) {}

    std::vector<WireEvent> history() {
        std::vector<WireEvent> out;
        std::vector<Device> devices = {{"desk-a", kStart}, {"desk-b", kStart + 7}, {"kiosk-c", kStart + 3}};
        // The admin's device knows everyone first; the others learn of them by merging.
        Device& admin = devices[0];
        out.push_back(make(admin, "people.team_created", "root", {{"team", "north"}, {"name", "North"}}));
        for (const auto& p : kPeople) {
            out.push_back(make(admin, "person.added", "root",
                               {{"person", p}, {"display_name", "Name of " + p}, {"role", p == "dmitri" ? "lead" : "agent"},
                                {"locale", "en"}, {"badge_id", "B-" + p}, {"external_id", json()}, {"hire_date", json()}}));
            out.push_back(make(admin, p == "dmitri" ? "people.team_lead_set" : "people.team_member_added", "root",
                               {{"team", "north"}, {"person", p}}));
        }
        for (int step = 0; step < 120; ++step) {
            Device& d = devices[pick(devices.size())];
            // Clocks move at different speeds; sometimes two devices write in the same millisecond.
            d.clock += static_cast<TimeMs>(pick(3) == 0 ? 0 : 1 + pick(6 * 3'600'000));
            out.push_back(random_event(d));
            // Halfway, the admin erases Celia; the other devices keep writing about her until they
            // hear of it.
            if (step == 60)
                out.push_back(make(admin, "person.erased", "root",
                                   {{"person", "erased-celia0000"}, {"person_key", store::person_key("org-p", "celia")}}));
        }
        return out;
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

    WireEvent make(Device& d, const std::string& type, const std::string& person, json payload) {
        const std::string id = d.id + "-" + std::to_string(++d.counter);
        return {id, "org-p", d.id, d.clock, type, person, payload.dump()};
    }

    WireEvent random_event(Device& d) {
        const std::string who = kPeople[pick(kPeople.size())];
        const std::string card = kCards[pick(kCards.size())];
        switch (pick(11)) {
        case 0:
        case 1:
        case 2:
            return make(d, "card.reviewed", who,
                        {{"card", card}, {"card_version", pick(5) == 0 ? 2 : 1}, {"rating", 1 + pick(4)}});
        case 3:
            return make(d, "coaching.assigned", "dmitri",
                        {{"person", who}, {"card", card}, {"reason", "qa"}, {"source", "qa"}});
        case 4:
            return make(d, "change.checked_in", who,
                        {{"rollout", "r1"}, {"phase", kPhases[pick(4)]}, {"reasons", json::array()}});
        case 5:
            return make(d, "change.lead_assessed", "dmitri",
                        {{"person", who}, {"rollout", "r1"}, {"phase", kPhases[pick(4)]}, {"note", "seen"}});
        case 6: {
            const double pct = static_cast<double>(pick(101));
            return make(d, "qa.evaluated", "dmitri",
                        {{"person", who}, {"scorecard", "sc"}, {"scorecard_version", 1}, {"channel", "phone"},
                         {"date", format_date(d.clock)}, {"evaluator", "dmitri"}, {"source", "kiosk"},
                         {"external_id", ""}, {"comment", "ok"},
                         {"criteria", json::array({{{"id", "greet"}, {"outcome", pct > 50 ? "met" : "not_met"}}})},
                         {"score", {{"percent", pct}, {"earned", pct}, {"possible", 100.0}, {"critical_failed", false},
                                    {"scored", true}}}});
        }
        case 7: {
            const int attempt = 1 + static_cast<int>(pick(2));
            return make(d, pick(2) ? "onboarding.attempt_started" : "onboarding.attempt_finished", who,
                        {{"person", who}, {"module", "k1"}, {"version", 1}, {"attempt", attempt}, {"seed", 7},
                         {"started_ms", d.clock - 60'000}, {"ended_ms", d.clock}, {"score", 0.5 + 0.1 * attempt},
                         {"passed", attempt == 2}});
        }
        case 8:
            return make(d, "pin.changed", who, {{"person", who}, {"hash", "$argon2id$v=19$fake$" + d.id + std::to_string(d.counter)}});
        case 9:
            return make(d, "person.locale_changed", who, {{"person", who}, {"locale", pick(2) ? "pl" : "ru"}});
        default:
            if (pick(4) == 0) return make(d, "person.deactivated", "root", {{"person", who}});
            return make(d, pick(2) ? "auth.failed" : "auth.login", who, {{"reason", "wrong_pin"}});
        }
    }

    std::mt19937 rng_;
};

std::string merged_state(const std::vector<WireEvent>& events, std::mt19937& rng, bool shuffle) {
    auto db = store::Database::open_memory();
    sync::set_organisation_id(db, "org-p");
    FixedClock clock(kStart + 400LL * 86'400'000); // nothing is "from the future"
    std::vector<WireEvent> order = events;
    if (shuffle) std::shuffle(order.begin(), order.end(), rng);
    // Arrive in random batches, some of them twice (a stick carried to the same kiosk again).
    for (std::size_t at = 0; at < order.size();) {
        const std::size_t n = std::min<std::size_t>(order.size() - at, 1 + rng() % 40);
        std::span<const WireEvent> batch(order.data() + at, n);
        sync::import_events(db, batch, {&clock, "property"});
        if (rng() % 5 == 0) sync::import_events(db, batch, {&clock, "property again"});
        at += n;
    }
    // Only the derived tables: the sync.* audit events differ by arrival, the state must not.
    return sync::canonical_dump(db, sync::derived_tables(app::all_projections()));
}

// Every arrival order drawn from `seed` must give the reference state (one import in write order).
void check_arrival_orders(std::uint32_t seed, int orders) {
    Generator gen(12345);
    const auto events = gen.history();
    std::mt19937 rng(seed);
    const std::string reference = merged_state(events, rng, false);
    REQUIRE(reference.find("card_state") != std::string::npos);
    REQUIRE(reference.find("qa_evaluations") != std::string::npos);
    REQUIRE(reference.find("change_phase_latest") != std::string::npos);
    REQUIRE(reference.find("people (") != std::string::npos);
    // The erasure holds whatever arrived first: nothing of Celia in any derived table.
    REQUIRE(reference.find("celia") == std::string::npos);
    REQUIRE(reference.find("'ana'") != std::string::npos);
    for (int round = 0; round < orders; ++round) {
        INFO("arrival order " << round << " of seed " << seed);
        const std::string state = merged_state(events, rng, true);
        if (state != reference) {
            // Show the first differing line, not two pages of dump.
            std::size_t i = 0;
            while (i < state.size() && i < reference.size() && state[i] == reference[i]) ++i;
            const auto line_start = reference.rfind('\n', i) == std::string::npos ? 0 : reference.rfind('\n', i) + 1;
            FAIL("differs at: " << reference.substr(line_start, 200) << "\n got: " << state.substr(line_start, 200));
        }
    }
}

} // namespace

// 200 random arrival orders in four independent draws of 50, so ctest runs them side by side.
TEST_CASE("three devices' histories merged in 200 random arrival orders give identical derived state (orders 1-50)",
          "[sync][slow]") {
    check_arrival_orders(777, 50);
}

TEST_CASE("three devices' histories merged in 200 random arrival orders give identical derived state (orders 51-100)",
          "[sync][slow]") {
    check_arrival_orders(778, 50);
}

TEST_CASE("three devices' histories merged in 200 random arrival orders give identical derived state (orders 101-150)",
          "[sync][slow]") {
    check_arrival_orders(779, 50);
}

TEST_CASE("three devices' histories merged in 200 random arrival orders give identical derived state (orders 151-200)",
          "[sync][slow]") {
    check_arrival_orders(780, 50);
}
