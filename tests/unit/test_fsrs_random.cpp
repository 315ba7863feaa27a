// FSRS-6 scheduler against 300 random replay cases generated with ts-fsrs 5.4.2
// (tests/data/fsrs/random_cases.json; how they were made: random_cases.md).
#include "support.hpp"

#include "trainer/fsrs/replay.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

using nlohmann::json;

namespace {

// Same tolerance as test_fsrs.cpp (SPEC §6): S and D within 1e-8.
constexpr double kRandomTol = 1e-8;

bool near_random(double a, double b) { return std::fabs(a - b) <= kRandomTol; }

} // namespace

TEST_CASE("every random replay case reproduces ts-fsrs exactly", "[fsrs][fsrs-random]") {
    const json all = json::parse(test::read_file(TRAINER_TEST_DATA "/fsrs/random_cases.json"))["cases"];
    REQUIRE(all.size() == 300);
    for (const auto& c : all) {
        const std::string name = c["name"].get<std::string>();
        INFO("case " << name);
        const json input = {{"params", c["params"]}, {"reviews", c["reviews"]}};
        json out;
        try {
            out = json::parse(trainer::fsrs::replay(input.dump()));
        } catch (const std::exception& e) {
            FAIL_CHECK("case " << name << ": replay threw: " << e.what());
            continue;
        }
        const auto& expected = c["expected"];
        REQUIRE(out.size() == expected.size());
        for (std::size_t i = 0; i < out.size(); ++i) {
            INFO("case " << name << " review " << i);
            const auto& got = out[i];
            const auto& want = expected[i];
            CHECK(got["due"] == want["due"]);
            CHECK(got["scheduled_days"] == want["scheduled_days"]);
            CHECK(got["state"] == want["state"]);
            CHECK(got["reps"] == want["reps"]);
            CHECK(got["lapses"] == want["lapses"]);
            CHECK(near_random(got["stability"].get<double>(), want["stability"].get<double>()));
            CHECK(near_random(got["difficulty"].get<double>(), want["difficulty"].get<double>()));
        }
    }
}
