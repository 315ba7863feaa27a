// FSRS replay throughput: parse + schedule + format of 200k reviews through the same code path
// as `trainer fsrs replay`. Prints one line `fsrs_replay_steps_per_sec <number>`; no pass/fail.
#include "trainer/core/time.hpp"
#include "trainer/fsrs/replay.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr int kCards = 2000;
constexpr int kReviewsPerCard = 100;

// Deterministic histories: mostly Good, some Again/Hard/Easy, gaps from minutes to two months.
std::vector<std::string> make_inputs() {
    std::mt19937_64 rng(20240101);
    std::discrete_distribution<int> rating({10, 10, 70, 10});
    std::uniform_int_distribution<std::int64_t> gap_min(1, 60 * 24 * 60);
    std::vector<std::string> inputs;
    inputs.reserve(kCards);
    for (int c = 0; c < kCards; ++c) {
        nlohmann::json reviews = nlohmann::json::array();
        trainer::TimeMs t = 1704110400000 + c * 60'000;
        for (int i = 0; i < kReviewsPerCard; ++i) {
            reviews.push_back({{"time", trainer::format_iso_ms(t)}, {"rating", rating(rng) + 1}});
            t += gap_min(rng) * trainer::kMsPerMinute;
        }
        nlohmann::json params = {{"enable_short_term", c % 4 != 0}, {"enable_fuzz", c % 2 == 0}};
        inputs.push_back(nlohmann::json({{"params", params}, {"reviews", reviews}}).dump());
    }
    return inputs;
}

} // namespace

int main() {
    const auto inputs = make_inputs();
    std::size_t bytes = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& in : inputs) bytes += trainer::fsrs::replay(in).size();
    const std::chrono::duration<double> secs = std::chrono::steady_clock::now() - start;
    const double steps = static_cast<double>(kCards) * kReviewsPerCard;
    if (bytes == 0) return 1; // keeps the work observable
    std::printf("fsrs_replay_steps_per_sec %.0f\n", steps / secs.count());
    return 0;
}
