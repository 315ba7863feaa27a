#include "trainer/fsrs/model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>

namespace trainer::fsrs {

namespace {

double clamp(double v, double lo, double hi) { return std::min(std::max(v, lo), hi); }

void check_grade(int grade) {
    if (grade < 1 || grade > 4)
        throw std::invalid_argument("grade " + std::to_string(grade) + " is outside 1-4");
}

// ECMAScript ToUint32 for the finite, non-negative values Mash produces (all below 2^34).
double to_uint32(double x) {
    if (x < 18446744073709551616.0) // 2^64: the integer conversion truncates exactly
        return static_cast<double>(static_cast<std::uint64_t>(x) & 0xFFFFFFFFu);
    return std::fmod(std::trunc(x), 4294967296.0);
}

class Mash {
public:
    double operator()(std::string_view data) {
        for (unsigned char ch : data) {
            n_ += ch;
            double h = 0.02519603282416938 * n_;
            n_ = to_uint32(h);
            h -= n_;
            h *= n_;
            n_ = to_uint32(h);
            h -= n_;
            n_ += h * 4294967296.0;
        }
        return to_uint32(n_) * kTwoPowMinus32;
    }
    static constexpr double kTwoPowMinus32 = 2.3283064365386963e-10; // exactly 2^-32

private:
    double n_ = 4022871197.0;
};

} // namespace

double js_round(double x) {
    const double f = std::floor(x);
    return (x - f >= 0.5) ? f + 1 : f;
}

double r8(double x) { return js_round(x * 1e8) / 1e8; }

// GCC's 128-bit integer (an extension: -Wpedantic is told so once, here).
__extension__ typedef unsigned __int128 u128;

double js_to_fixed8(double x) {
    if (!std::isfinite(x) || std::fabs(x) >= 1e21) return x;
    const bool negative = x < 0;
    int exp = 0;
    const double f = std::frexp(std::fabs(x), &exp); // |x| = f * 2^exp, f in [0.5, 1)
    const auto m = static_cast<u128>(std::ldexp(f, 53));
    const int e = exp - 53;
    // x * 1e8 exactly = m * 1e8 * 2^e, and m * 1e8 < 2^80: decide the rounding in integers.
    const u128 scaled = m * 100'000'000u;
    u128 n = 0;
    if (e >= 0) {
        if (e > 40) return x; // far beyond 2^53: nothing after the point to round
        n = scaled << e;
    } else if (-e < 127) {
        const int shift = -e;
        n = scaled >> shift;
        const u128 rem = scaled - (n << shift);
        if (2 * rem >= (static_cast<u128>(1) << shift)) ++n; // ties up, as toFixed
    }
    if (n >= (static_cast<u128>(1) << 53)) return x;
    const double v = static_cast<double>(n) / 1e8;
    return negative ? -v : v;
}

std::string js_number_string(double x) {
    if (std::isnan(x)) return "NaN";
    if (x == 0) return "0";
    if (std::isinf(x)) return x < 0 ? "-Infinity" : "Infinity";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific);
    const std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
    const auto epos = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, epos))
        if (c != '.') digits.push_back(c);
    const int n = std::atoi(std::string(sci.substr(epos + 1)).c_str()) + 1; // decimal point position
    const int k = static_cast<int>(digits.size());
    std::string out = x < 0 ? "-" : "";
    if (k <= n && n <= 21) {
        out.append(digits).append(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out.append(digits, 0, static_cast<std::size_t>(n)).append(".").append(digits, static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out.append("0.").append(static_cast<std::size_t>(-n), '0').append(digits);
    } else {
        const int e = n - 1;
        out.append(digits, 0, 1);
        if (k > 1) out.append(".").append(digits, 1);
        out.append(e >= 0 ? "e+" : "e-").append(std::to_string(std::abs(e)));
    }
    return out;
}

// [SECTION] Model ----------------------------------------------------------------------------

Model::Model(const Parameters& p) : p_(normalized(p)) {
    decay_ = -p_.w[20];
    // ts-fsrs computes Math.exp(Math.pow(decay, -1) * Math.log(0.9)) - 1; pow(x, -1) is 1/x.
    factor_ = r8(std::exp((1.0 / decay_) * std::log(0.9)) - 1.0);
    interval_modifier_ = r8((std::pow(p_.request_retention, 1.0 / decay_) - 1.0) / factor_);
}

double Model::forgetting_curve(double elapsed_days, double stability) const {
    return r8(std::pow(1.0 + factor_ * elapsed_days / stability, decay_));
}

std::int64_t Model::next_interval(double stability) const {
    const double ivl = std::max(1.0, js_round(stability * interval_modifier_));
    return static_cast<std::int64_t>(std::min(ivl, static_cast<double>(p_.maximum_interval)));
}

double Model::init_stability(int grade) const {
    check_grade(grade);
    return std::max(p_.w[static_cast<std::size_t>(grade - 1)], 0.1);
}

double Model::init_difficulty_raw(int grade) const {
    check_grade(grade);
    return r8(p_.w[4] - std::exp((grade - 1) * p_.w[5]) + 1.0);
}

double Model::next_difficulty(double d, int grade) const {
    const auto& w = p_.w;
    const double delta_d = -w[6] * (grade - 3);
    // Linear damping: steps shrink as D nears 10; then mean reversion toward D0(Easy).
    const double next_d = d + r8(delta_d * (10.0 - d) / 9.0);
    const double reverted = r8(w[7] * init_difficulty_raw(4) + (1.0 - w[7]) * next_d);
    return clamp(reverted, 1, 10);
}

double Model::next_recall_stability(double d, double s, double r, int grade) const {
    const auto& w = p_.w;
    const double hard_penalty = grade == 2 ? w[15] : 1.0;
    const double easy_bonus = grade == 4 ? w[16] : 1.0;
    return r8(clamp(s * (1.0 + std::exp(w[8]) * (11.0 - d) * std::pow(s, -w[9]) *
                                   (std::exp((1.0 - r) * w[10]) - 1.0) * hard_penalty * easy_bonus),
                    kStabilityMin, kStabilityMax));
}

double Model::next_forget_stability(double d, double s, double r) const {
    const auto& w = p_.w;
    return r8(clamp(w[11] * std::pow(d, -w[12]) * (std::pow(s + 1.0, w[13]) - 1.0) *
                        std::exp((1.0 - r) * w[14]),
                    kStabilityMin, kStabilityMax));
}

double Model::next_short_term_stability(double s, int grade) const {
    const auto& w = p_.w;
    const double sinc = std::pow(s, -w[19]) * std::exp(w[17] * (grade - 3 + w[18]));
    // Hard, Good and Easy never lower S on the same day (FSRS-6 as of ts-fsrs 5.3).
    const double masked = grade >= 2 ? std::max(sinc, 1.0) : sinc;
    return r8(clamp(s * masked, kStabilityMin, kStabilityMax));
}

MemoryState Model::next_state(MemoryState m, std::int64_t elapsed_days, int grade,
                              std::optional<double> r) const {
    if (elapsed_days < 0)
        throw std::invalid_argument("elapsed days " + std::to_string(elapsed_days) + " is negative");
    check_grade(grade);
    const double d = m.difficulty, s = m.stability;
    if (d == 0 && s == 0) return {clamp(init_difficulty_raw(grade), 1, 10), init_stability(grade)};
    if (d < 1 || s < kStabilityMin)
        throw std::invalid_argument("invalid memory state D=" + js_number_string(d) +
                                    " S=" + js_number_string(s));
    const double t = static_cast<double>(elapsed_days);
    const double rr = r ? *r : forgetting_curve(t, s);
    double new_s = 0;
    if (elapsed_days == 0 && p_.enable_short_term) {
        new_s = next_short_term_stability(s, grade);
    } else if (grade == 1) {
        // The post-lapse cap keeps S below its pre-lapse value; with short-term steps ahead it
        // leaves room for the same-day relearning boost e^(w17*w18).
        const double w17 = p_.enable_short_term ? p_.w[17] : 0.0;
        const double w18 = p_.enable_short_term ? p_.w[18] : 0.0;
        const double cap = r8(s / std::exp(w17 * w18));
        new_s = std::min(std::max(cap, kStabilityMin), next_forget_stability(d, s, rr));
    } else {
        new_s = next_recall_stability(d, s, rr, grade);
    }
    return {next_difficulty(d, grade), new_s};
}

// [SECTION] Fuzz -----------------------------------------------------------------------------

FuzzRange fuzz_range(std::int64_t interval, std::int64_t elapsed_days, std::int64_t maximum_interval) {
    struct Band {
        double start, end, factor;
    };
    constexpr Band kBands[] = {{2.5, 7.0, 0.15}, {7.0, 20.0, 0.1}, {20.0, INFINITY, 0.05}};
    const double ivl_in = static_cast<double>(interval);
    double delta = 1.0;
    for (const auto& b : kBands) delta += b.factor * std::max(std::min(ivl_in, b.end) - b.start, 0.0);
    const double ivl = std::min(ivl_in, static_cast<double>(maximum_interval));
    auto lo = static_cast<std::int64_t>(std::max(2.0, js_round(ivl - delta)));
    const auto hi = static_cast<std::int64_t>(
        std::min(js_round(ivl + delta), static_cast<double>(maximum_interval)));
    if (ivl > static_cast<double>(elapsed_days)) lo = std::max(lo, elapsed_days + 1);
    lo = std::min(lo, hi);
    return {lo, hi};
}

std::int64_t apply_fuzz(std::int64_t interval, std::int64_t elapsed_days,
                        std::int64_t maximum_interval, double u) {
    if (static_cast<double>(interval) < 2.5) return interval;
    const auto [lo, hi] = fuzz_range(interval, elapsed_days, maximum_interval);
    return static_cast<std::int64_t>(
        std::floor(u * static_cast<double>(hi - lo + 1) + static_cast<double>(lo)));
}

Alea::Alea(std::string_view seed) {
    Mash mash;
    s0_ = mash(" ");
    s1_ = mash(" ");
    s2_ = mash(" ");
    s0_ -= mash(seed);
    if (s0_ < 0) s0_ += 1;
    s1_ -= mash(seed);
    if (s1_ < 0) s1_ += 1;
    s2_ -= mash(seed);
    if (s2_ < 0) s2_ += 1;
}

double Alea::next() {
    const double t = 2091639.0 * s0_ + c_ * Mash::kTwoPowMinus32;
    s0_ = s1_;
    s1_ = s2_;
    c_ = std::trunc(t); // t | 0 for the small positive t Alea produces
    s2_ = t - c_;
    return s2_;
}

} // namespace trainer::fsrs
