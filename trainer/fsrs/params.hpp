#pragma once
// FSRS-6 scheduler parameters with the defaults and clipping rules of ts-fsrs 5.4.2
// (the reference implementation; see tests/data/fsrs and SPEC §3).
#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::fsrs {

constexpr std::size_t kWeightCount = 21;
using Weights = std::array<double, kWeightCount>;

// The FSRS-6 defaults (median of 10k Anki collections), identical in ts-fsrs, py-fsrs and fsrs-rs.
constexpr Weights kDefaultWeights = {0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
                                     0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
                                     1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

constexpr double kStabilityMin = 0.001;  // S_MIN
constexpr double kStabilityMax = 36500;  // S_MAX
constexpr double kInitStabilityMax = 100;
constexpr std::int64_t kMinutesPerDay = 1440;
// Longest accepted (re)learning step and maximum interval: a century is already absurd.
constexpr std::int64_t kMaxStepMinutes = 36500 * kMinutesPerDay;
constexpr std::int64_t kMaxIntervalLimit = 1'000'000'000;

// A parameter set that cannot be used; the message names the field.
class ParamError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Parameters {
    Weights w = kDefaultWeights;
    double request_retention = 0.9;
    std::int64_t maximum_interval = 36500; // days
    bool enable_short_term = true;         // true: BasicScheduler with steps; false: LongTermScheduler
    std::vector<std::int64_t> learning_steps = {1, 10}; // minutes
    std::vector<std::int64_t> relearning_steps = {10};  // minutes
    bool enable_fuzz = false;
};

// The ceiling for w17 and w18: 2, or lower with >= 2 relearning steps so that n same-day
// relearning steps cannot lift post-lapse stability above the pre-lapse value (ts-fsrs clipParameters).
double w17_w18_ceiling(const Weights& w, std::size_t relearning_step_count);
// Each weight clamped into its ts-fsrs range (CLAMP_PARAMETERS); NaN becomes 0 first, as in JS `|| 0`.
Weights clip_weights(const Weights& w, std::size_t relearning_step_count, bool enable_short_term);
// Checks retention in (0, 1], maximum interval and steps, and clips w; throws ParamError.
Parameters normalized(Parameters p);

// "1m", "10m", "2h", "1d" -> minutes; nullopt for anything else (no sign, no spaces, no fraction).
std::optional<std::int64_t> parse_step(std::string_view s);
// Minutes back to the shortest step string ("90" -> "90m", "120" -> "2h", "1440" -> "1d").
std::string format_step(std::int64_t minutes);

// The `params` object of the replay contract. Every key is optional; unknown keys, a `w` that is
// not 21 numbers, wrong types and bad steps throw ParamError naming `where` + the key.
// The result is normalized.
Parameters parse_parameters(const nlohmann::json& j, const std::string& where = "params");

} // namespace trainer::fsrs
