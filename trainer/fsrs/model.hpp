#pragma once
// The FSRS-6 memory model: forgetting curve, intervals, stability and difficulty updates, and
// the interval fuzz. Bit-for-bit ts-fsrs 5.4.2: it rounds to 8 decimals (r8) at the exact points
// used here, and its fuzz draws from an Alea PRNG seeded per review (SPEC §4, §5.5).
#include "trainer/fsrs/params.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trainer::fsrs {

// ECMAScript Math.round: nearest integer, ties toward +infinity (not std::round).
double js_round(double x);
// ts-fsrs roundTo(x, 8) = Math.round(x * 1e8) / 1e8.
double r8(double x);
// ECMAScript Number.prototype.toFixed(8) read back as a number (exact decimal, ties up).
double js_to_fixed8(double x);
// ECMAScript Number::toString (shortest round-trip digits, JS exponent rules); used in fuzz seeds.
std::string js_number_string(double x);

struct MemoryState {
    double difficulty = 0;
    double stability = 0;
};

class Model {
public:
    // `p` is normalized first (throws ParamError when unusable).
    explicit Model(const Parameters& p);

    const Parameters& params() const { return p_; }
    double decay() const { return decay_; }                     // -w20
    double factor() const { return factor_; }                   // r8(0.9^(1/decay) - 1)
    double interval_modifier() const { return interval_modifier_; }

    // R(t, S), t in whole days.
    double forgetting_curve(double elapsed_days, double stability) const;
    // Interval for S at the requested retention, in days: min(max(1, round(S*IM)), maximum_interval).
    std::int64_t next_interval(double stability) const;

    double init_stability(int grade) const;       // max(w[G-1], 0.1)
    double init_difficulty_raw(int grade) const;  // r8(w4 - e^(w5 (G-1)) + 1), may be < 1
    double next_difficulty(double d, int grade) const;
    double next_recall_stability(double d, double s, double r, int grade) const;
    double next_forget_stability(double d, double s, double r) const; // before the post-lapse cap
    double next_short_term_stability(double s, int grade) const;
    // New memory state after a review `elapsed_days` after the last one. A state of (0, 0) is
    // a New card. `r` defaults to R(t, S). Throws std::invalid_argument for t < 0 or grade not 1-4.
    MemoryState next_state(MemoryState m, std::int64_t elapsed_days, int grade,
                           std::optional<double> r = std::nullopt) const;

private:
    Parameters p_;
    double decay_;
    double factor_;
    double interval_modifier_;
};

// [SECTION] Fuzz ------------------------------------------------------------------------------

struct FuzzRange {
    std::int64_t min_ivl;
    std::int64_t max_ivl;
};
// ts-fsrs get_fuzz_range: Anki's fuzz widths, at least elapsed_days + 1 when the interval allows.
FuzzRange fuzz_range(std::int64_t interval, std::int64_t elapsed_days, std::int64_t maximum_interval);
// The interval picked from the fuzz range by u in [0, 1); intervals < 2.5 days are never fuzzed.
std::int64_t apply_fuzz(std::int64_t interval, std::int64_t elapsed_days,
                        std::int64_t maximum_interval, double u);

// Johannes Baagøe's Alea PRNG with its Mash string hash, as in ts-fsrs alea.ts / seedrandom.
class Alea {
public:
    explicit Alea(std::string_view seed);
    double next(); // uniform in [0, 1)

private:
    double c_ = 1, s0_ = 0, s1_ = 0, s2_ = 0;
};

} // namespace trainer::fsrs
