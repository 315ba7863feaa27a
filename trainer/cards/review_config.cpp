#include "trainer/cards/review_config.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <stdexcept>

namespace trainer::cards {

namespace {

constexpr const char* kPrefix = "review config: ";
constexpr const char* kKnownKeys = "desired_retention, new_cards_per_day, pass_fail_mode, "
                                   "enable_short_term, learning_steps, relearning_steps, "
                                   "maximum_interval";

std::string found(const nlohmann::json& v) {
    std::string text = v.dump();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return std::string(v.type_name()) + " " + text;
}

struct Reader {
    std::vector<std::string>& errors;

    void fail(const std::string& key, const std::string& expected, const nlohmann::json& v) {
        errors.push_back(kPrefix + key + ": expected " + expected + ", got " + found(v));
    }

    void boolean(const std::string& key, const nlohmann::json& v, bool& out) {
        if (v.is_boolean())
            out = v.get<bool>();
        else
            fail(key, "true or false", v);
    }

    void whole(const std::string& key, const nlohmann::json& v, std::int64_t lo, std::int64_t hi,
               std::int64_t& out) {
        const std::string range = "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
        if (v.is_number_integer()) {
            const auto n = v.get<std::int64_t>();
            if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(hi))
                return fail(key, range, v);
            if (n < lo || n > hi) return fail(key, range, v);
            out = n;
        } else {
            fail(key, range, v);
        }
    }

    void steps(const std::string& key, const nlohmann::json& v, std::vector<std::int64_t>& out) {
        if (!v.is_array()) return fail(key, "an array of steps like [\"1m\", \"10m\"]", v);
        std::vector<std::int64_t> parsed;
        bool ok = true;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string at = key + "[" + std::to_string(i) + "]";
            const auto m = v[i].is_string() ? fsrs::parse_step(v[i].get_ref<const std::string&>())
                                            : std::nullopt;
            if (!m || *m > fsrs::kMaxStepMinutes) {
                fail(at, "a step of up to 100 years: a whole number then m, h or d (\"10m\", \"1d\")", v[i]);
                ok = false;
            } else {
                parsed.push_back(*m);
            }
        }
        if (ok) out = std::move(parsed);
    }
};

} // namespace

fsrs::Parameters ReviewConfig::fsrs_parameters() const {
    fsrs::Parameters p;
    p.request_retention = desired_retention;
    p.maximum_interval = maximum_interval;
    p.enable_short_term = enable_short_term;
    p.learning_steps = learning_steps;
    p.relearning_steps = relearning_steps;
    p.enable_fuzz = false; // the schedule a person sees must be the one the event log replays
    return p;
}

nlohmann::json ReviewConfig::to_json() const {
    auto steps = [](const std::vector<std::int64_t>& v) {
        nlohmann::json a = nlohmann::json::array();
        for (auto m : v) a.push_back(fsrs::format_step(m));
        return a;
    };
    return {{"desired_retention", desired_retention}, {"new_cards_per_day", new_cards_per_day},
            {"pass_fail_mode", pass_fail_mode},       {"enable_short_term", enable_short_term},
            {"learning_steps", steps(learning_steps)}, {"relearning_steps", steps(relearning_steps)},
            {"maximum_interval", maximum_interval}};
}

ReviewConfig from_json(const nlohmann::json& j, std::vector<std::string>* errors) {
    ReviewConfig c;
    std::vector<std::string> local;
    Reader r{errors ? *errors : local};
    const std::size_t before = r.errors.size();
    if (!j.is_object()) {
        r.errors.push_back(std::string(kPrefix) + "expected a JSON object, got " + found(j));
    } else {
        for (const auto& [key, v] : j.items()) {
            if (key == "desired_retention") {
                const double x = v.is_number() ? v.get<double>() : NAN;
                if (!(x > kMinRetention && x <= kMaxRetention))
                    r.fail(key, "a number in (0.7, 0.99]", v);
                else
                    c.desired_retention = x;
            } else if (key == "new_cards_per_day") {
                std::int64_t n = c.new_cards_per_day;
                r.whole(key, v, 0, kMaxNewCardsPerDay, n);
                c.new_cards_per_day = static_cast<int>(n);
            } else if (key == "pass_fail_mode") {
                r.boolean(key, v, c.pass_fail_mode);
            } else if (key == "enable_short_term") {
                r.boolean(key, v, c.enable_short_term);
            } else if (key == "learning_steps") {
                r.steps(key, v, c.learning_steps);
            } else if (key == "relearning_steps") {
                r.steps(key, v, c.relearning_steps);
            } else if (key == "maximum_interval") {
                r.whole(key, v, 1, kMaxIntervalDays, c.maximum_interval);
            } else {
                r.errors.push_back(kPrefix + key + ": unknown key (expected one of " + kKnownKeys + ")");
            }
        }
    }
    if (!errors && r.errors.size() > before) {
        std::string all;
        for (const auto& e : r.errors) all += (all.empty() ? "" : "\n") + e;
        throw std::invalid_argument(all);
    }
    return c;
}

store::Payload scheduler_settings(const ReviewConfig& c) {
    nlohmann::json j = c.to_json();
    j.erase("new_cards_per_day");
    j.erase("pass_fail_mode");
    return store::Payload(std::move(j));
}

fsrs::Parameters parameters_of_settings(const store::Payload& settings) {
    return from_json(settings.json(), nullptr).fsrs_parameters();
}

} // namespace trainer::cards
