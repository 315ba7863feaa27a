#pragma once
// How reviews are scheduled on this kiosk (DESIGN §4.2): desired retention, the daily new-card
// limit, the two-button pass/fail mode and the FSRS step settings.
#include "trainer/fsrs/params.hpp"
#include "trainer/store/payload.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace trainer::cards {

constexpr double kMinRetention = 0.7;  // exclusive: below this, reviews stop being worth it
constexpr double kMaxRetention = 0.99; // inclusive: above this, the workload explodes
constexpr int kMaxNewCardsPerDay = 1000;
constexpr std::int64_t kMaxIntervalDays = 36500;

struct ReviewConfig {
    double desired_retention = 0.9;
    int new_cards_per_day = 10;
    bool pass_fail_mode = false; // two buttons: Again and Good
    bool enable_short_term = true;
    std::vector<std::int64_t> learning_steps = {1, 10}; // minutes
    std::vector<std::int64_t> relearning_steps = {10};  // minutes
    std::int64_t maximum_interval = kMaxIntervalDays;   // days

    // The FSRS parameters this config stands for (default weights, no fuzz).
    fsrs::Parameters fsrs_parameters() const;
    // The same keys as from_json reads; steps as "10m" strings.
    nlohmann::json to_json() const;
};

// Reads a JSON object such as {"desired_retention": 0.85, "learning_steps": ["1m", "10m"]}.
// Every key is optional. Each bad entry (unknown key, wrong type, value out of range) is appended
// to *errors as "review config: <key>: <what was expected>, got <what was found>" and its default
// is kept. With errors == nullptr, any error throws std::invalid_argument listing them all.
ReviewConfig from_json(const nlohmann::json& j, std::vector<std::string>* errors);

// The FSRS settings a review was graded with: the payload names them ("scheduler") only when they
// differ from the defaults, so every device replays the same schedule (issue 12 §2).
store::Payload scheduler_settings(const ReviewConfig& c);
// The FSRS parameters a review's "scheduler" settings stand for (what scheduler_settings() wrote).
fsrs::Parameters parameters_of_settings(const store::Payload& settings);

} // namespace trainer::cards
