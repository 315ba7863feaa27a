// fsrs::RecallCheck (the mastery rule's "retrievability >= 0.9" for a whole team's schedules)
// gives exactly the answer of comparing Scheduler::retrievability, for every decay the parameters
// allow, around the edge of its shortcut and for the cards the shortcut leaves to the exact path.
#include "trainer/core/time.hpp"
#include "trainer/fsrs/recall_check.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace trainer;

// Named, not anonymous: the unity build puts several test files in one unit.
namespace recall_check_test {

using fsrs::Card;
using fsrs::Parameters;
using fsrs::RecallCheck;
using fsrs::Scheduler;
using fsrs::State;

constexpr TimeMs kReviewedAt = 1704110400000; // 2024-01-01 12:00 UTC

Card reviewed(double stability) {
    Card c;
    c.state = State::Review;
    c.stability = stability;
    c.last_review = kReviewedAt;
    return c;
}

// Days `from` to `to`, each just before, at and an hour after its edge.
int disagreements(const Scheduler& s, const RecallCheck& check, double threshold, const Card& c, int from, int to) {
    int wrong = 0;
    for (int d = from; d <= to; ++d)
        for (TimeMs at : {kReviewedAt + d * kMsPerDay - 1, kReviewedAt + d * kMsPerDay, kReviewedAt + d * kMsPerDay + 3600000}) {
            const bool exact = s.retrievability(c, at) >= threshold;
            if (check(c, at) != exact) {
                ++wrong;
                UNSCOPED_INFO("S " << c.stability << ", at day " << d << ": exact " << exact);
            }
        }
    return wrong;
}

} // namespace recall_check_test

TEST_CASE("the recall check agrees with retrievability >= R for every stability and day", "[fsrs]") {
    using namespace recall_check_test;
    std::mt19937_64 rng(13);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (double w20 : {0.1, 0.1542, 0.3, 0.5, 0.8}) {
        Parameters p;
        p.w[20] = w20;
        const Scheduler s{p};
        for (double threshold : {0.9, 0.5, 0.97}) {
            const RecallCheck check(s, threshold);
            INFO("w20 " << w20 << ", threshold " << threshold);
            CHECK(check.has_band()); // the shortcut is in use, so this test covers it
            const double q = (std::pow(threshold, 1.0 / s.model().decay()) - 1.0) / s.model().factor();
            int wrong = 0;
            // Stabilities whose threshold day lands on, just inside and just outside the band's
            // edges and a whole day, and random ones from the smallest FSRS gives to ten years.
            // Days from 0 to well past the threshold's (the band is 3 % either side of it).
            for (int day : {1, 2, 3, 5, 8, 13, 29, 30, 31, 34, 35, 36, 97, 180, 365, 1000, 3650})
                for (double edge : {1.0, 0.97, 1.03, 0.9699999, 1.0300001, 0.9700001, 1.0299999})
                    for (double nudge : {-1e-9, 0.0, 1e-9})
                        wrong += disagreements(s, check, threshold, reviewed(day / (q * edge) + nudge),
                                               day * 9 / 10, day * 11 / 10 + 1) +
                                 disagreements(s, check, threshold, reviewed(day / (q * edge) + nudge), 0, 0);
            for (int i = 0; i < 200; ++i) {
                const double stability = 0.01 * std::pow(365000.0, unit(rng));
                const int at = static_cast<int>(stability * q);
                wrong += disagreements(s, check, threshold, reviewed(stability), std::max(0, at - 3), at + 3) +
                         disagreements(s, check, threshold, reviewed(stability), 0, 1);
            }
            CHECK(wrong == 0);
        }
    }
}

TEST_CASE("the recall check leaves odd cards to the exact rule", "[fsrs]") {
    using namespace recall_check_test;
    const Scheduler s{Parameters{}};
    const RecallCheck check(s, 0.9);
    REQUIRE(check.has_band());
    Card c = reviewed(30);
    for (const Card& odd : {fsrs::new_card(kReviewedAt), reviewed(0.0), reviewed(0.001), reviewed(-4.0),
                            reviewed(std::numeric_limits<double>::quiet_NaN()),
                            reviewed(std::numeric_limits<double>::infinity())}) {
        INFO("state " << fsrs::state_name(odd.state) << ", S " << odd.stability);
        for (TimeMs at : {kReviewedAt - kMsPerDay, kReviewedAt, kReviewedAt + kMsPerDay, kReviewedAt + 40 * kMsPerDay})
            CHECK(check(odd, at) == (s.retrievability(odd, at) >= 0.9));
    }
    c.last_review.reset(); // reviewed, but no time recorded: t is 0
    CHECK(check(c, kReviewedAt) == (s.retrievability(c, kReviewedAt) >= 0.9));
    // A card reviewed "tomorrow" by a clock that was ahead: t clamps to 0, recalled.
    CHECK(check(reviewed(2.0), kReviewedAt - 3 * kMsPerDay));
}
