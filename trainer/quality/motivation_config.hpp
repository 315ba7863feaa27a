#pragma once
// The motivation (bonus) rules (DESIGN §4.5), read from a JSON file (shipped:
// config/motivation.json; format: docs/motivation.md). Every key is optional:
//   {"period": "month" | "quarter",
//    "weights": {"quality": 50, "training": 25, "mastery": 25, "csat": 0, "nps": 0, "ces": 0},
//    "training": {"modules": ["module-id", ...]},
//    "gates": {"min_quality": 85, "min_evaluations": 2, "required_modules": ["module-id", ...]},
//    "qa_pass_mark": 85}
#include "trainer/quality/period.hpp"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace trainer::content {
struct ContentSet;
}

namespace trainer::quality {

// The components of the index, in the order the exports show them.
inline constexpr const char* kComponents[] = {"quality", "training", "mastery", "csat", "nps", "ces"};

struct MotivationConfig {
    PeriodKind period = PeriodKind::Month;
    std::map<std::string, double> weights = {{"quality", 50}, {"training", 25}, {"mastery", 25},
                                             {"csat", 0},     {"nps", 0},       {"ces", 0}};
    std::vector<std::string> training_modules; // what training completion counts
    // Gates: every one must hold for the agent to be eligible.
    std::optional<double> min_quality = 85.0;  // mean QA score % in the period
    int min_evaluations = 1;                   // scored QA evaluations in the period
    std::vector<std::string> required_modules; // completed by the end of the period
    double qa_pass_mark = 85.0;                // an evaluation at or above it "passed" (xAPI)
};

class ConfigError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Every problem is listed in the message ("motivation config: /weights/quality: ..."); nothing is
// half-applied.
MotivationConfig motivation_config_from_json(const nlohmann::json& j);
// Reads the file with file:line:column for every problem; with `content`, module ids are checked
// against its onboarding modules too (a module that does not exist is refused, not counted as 0 %).
MotivationConfig read_motivation_config(const std::filesystem::path& path,
                                        const content::ContentSet* content = nullptr);
nlohmann::json to_json(const MotivationConfig& c);

} // namespace trainer::quality
