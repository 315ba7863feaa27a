#include "trainer/fsrs/params.hpp"

#include "trainer/fsrs/model.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace trainer::fsrs {

namespace {

struct Range {
    double lo, hi;
};

// ts-fsrs CLAMP_PARAMETERS(ceiling, enable_short_term).
std::array<Range, kWeightCount> clamp_ranges(double ceiling, bool enable_short_term) {
    return {{{kStabilityMin, kInitStabilityMax},
             {kStabilityMin, kInitStabilityMax},
             {kStabilityMin, kInitStabilityMax},
             {kStabilityMin, kInitStabilityMax},
             {1, 10},
             {0.001, 4},
             {0.001, 4},
             {0.001, 0.75},
             {0, 4.5},
             {0, 0.8},
             {0.001, 3.5},
             {0.001, 5},
             {0.001, 0.25},
             {0.001, 0.9},
             {0, 4},
             {0, 1},
             {1, 6},
             {0, ceiling},
             {0, ceiling},
             {enable_short_term ? 0.01 : 0.0, 0.8},
             {0.1, 0.8}}};
}

double clip_one(double v, Range r) { return std::min(std::max(std::isnan(v) ? 0.0 : v, r.lo), r.hi); }

std::string type_name(const nlohmann::json& v) { return v.type_name(); }

std::vector<std::int64_t> parse_steps(const nlohmann::json& v, const std::string& where) {
    if (!v.is_array())
        throw ParamError(where + ": expected an array of step strings like \"10m\", got " +
                         type_name(v));
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string at = where + "[" + std::to_string(i) + "]";
        if (!v[i].is_string())
            throw ParamError(at + ": expected a step string like \"10m\", got " + type_name(v[i]));
        const auto& s = v[i].get_ref<const std::string&>();
        auto m = parse_step(s);
        if (!m)
            throw ParamError(at + ": bad step " + nlohmann::json(s).dump() +
                             " (expected a whole number then m, h or d, e.g. \"10m\", \"1d\")");
        if (*m > kMaxStepMinutes) throw ParamError(at + ": step " + nlohmann::json(s).dump() + " is longer than 100 years");
        out.push_back(*m);
    }
    return out;
}

bool get_bool(const nlohmann::json& v, const std::string& where) {
    if (!v.is_boolean()) throw ParamError(where + ": expected true or false, got " + type_name(v));
    return v.get<bool>();
}

} // namespace

double w17_w18_ceiling(const Weights& w, std::size_t relearning_step_count) {
    constexpr double kCeiling = 2.0;
    if (relearning_step_count <= 1) return kCeiling;
    const auto r = clamp_ranges(kCeiling, true);
    const double w11 = clip_one(w[11], r[11]);
    const double w13 = clip_one(w[13], r[13]);
    const double w14 = clip_one(w[14], r[14]);
    // Post-lapse S at D=1, R=0.7, S=1 times e^(n*w17*w18) must stay <= 1.
    const double value = -(std::log(w11) + std::log(std::pow(2.0, w13) - 1.0) + w14 * 0.3) /
                         static_cast<double>(relearning_step_count);
    return std::min(std::max(r8(std::sqrt(std::max(value, 0.0))), 0.01), kCeiling);
}

Weights clip_weights(const Weights& w, std::size_t relearning_step_count, bool enable_short_term) {
    const auto ranges = clamp_ranges(w17_w18_ceiling(w, relearning_step_count), enable_short_term);
    Weights out{};
    for (std::size_t i = 0; i < kWeightCount; ++i) out[i] = clip_one(w[i], ranges[i]);
    return out;
}

Parameters normalized(Parameters p) {
    if (!(p.request_retention > 0 && p.request_retention <= 1))
        throw ParamError("request_retention must be in (0, 1], got " +
                         nlohmann::json(p.request_retention).dump());
    if (p.maximum_interval < 1 || p.maximum_interval > kMaxIntervalLimit)
        throw ParamError("maximum_interval must be a whole number of days from 1 to " +
                         std::to_string(kMaxIntervalLimit) + ", got " +
                         std::to_string(p.maximum_interval));
    for (const auto* steps : {&p.learning_steps, &p.relearning_steps})
        for (auto m : *steps)
            if (m < 0 || m > kMaxStepMinutes)
                throw ParamError("a (re)learning step must be 0 to 100 years, got " +
                                 std::to_string(m) + " minutes");
    p.w = clip_weights(p.w, p.relearning_steps.size(), p.enable_short_term);
    return p;
}

std::optional<std::int64_t> parse_step(std::string_view s) {
    if (s.size() < 2 || s.size() > 12) return std::nullopt;
    std::int64_t value = 0;
    for (char c : s.substr(0, s.size() - 1)) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    switch (s.back()) {
    case 'm': return value;
    case 'h': return value * 60;
    case 'd': return value * kMinutesPerDay;
    default: return std::nullopt;
    }
}

std::string format_step(std::int64_t minutes) {
    if (minutes > 0 && minutes % kMinutesPerDay == 0) return std::to_string(minutes / kMinutesPerDay) + "d";
    if (minutes > 0 && minutes % 60 == 0) return std::to_string(minutes / 60) + "h";
    return std::to_string(minutes) + "m";
}

Parameters parse_parameters(const nlohmann::json& j, const std::string& where) {
    if (!j.is_object()) throw ParamError(where + ": expected an object, got " + type_name(j));
    Parameters p;
    for (const auto& [key, v] : j.items()) {
        const std::string at = where + "." + key;
        if (key == "w") {
            if (!v.is_array() || v.size() != kWeightCount)
                throw ParamError(at + ": expected an array of " + std::to_string(kWeightCount) +
                                 " numbers (FSRS-6), got " +
                                 (v.is_array() ? std::to_string(v.size()) + " elements" : type_name(v)));
            for (std::size_t i = 0; i < kWeightCount; ++i) {
                if (!v[i].is_number())
                    throw ParamError(at + "[" + std::to_string(i) + "]: expected a number, got " +
                                     type_name(v[i]));
                p.w[i] = v[i].get<double>();
            }
        } else if (key == "request_retention") {
            if (!v.is_number()) throw ParamError(at + ": expected a number, got " + type_name(v));
            p.request_retention = v.get<double>();
            if (!(p.request_retention > 0 && p.request_retention <= 1))
                throw ParamError(at + ": must be in (0, 1], got " + v.dump());
        } else if (key == "maximum_interval") {
            const double d = v.is_number() ? v.get<double>() : -1;
            if (!v.is_number() || d != std::floor(d) || d < 1 || d > double(kMaxIntervalLimit))
                throw ParamError(at + ": expected a whole number of days from 1 to " +
                                 std::to_string(kMaxIntervalLimit) + ", got " + v.dump());
            p.maximum_interval = static_cast<std::int64_t>(d);
        } else if (key == "enable_short_term") {
            p.enable_short_term = get_bool(v, at);
        } else if (key == "enable_fuzz") {
            p.enable_fuzz = get_bool(v, at);
        } else if (key == "learning_steps") {
            p.learning_steps = parse_steps(v, at);
        } else if (key == "relearning_steps") {
            p.relearning_steps = parse_steps(v, at);
        } else {
            throw ParamError(where + ": unknown key " + nlohmann::json(key).dump() +
                             " (known: w, request_retention, maximum_interval, enable_short_term, "
                             "learning_steps, relearning_steps, enable_fuzz)");
        }
    }
    return normalized(std::move(p));
}

} // namespace trainer::fsrs
