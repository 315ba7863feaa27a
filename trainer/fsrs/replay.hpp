#pragma once
// The `trainer fsrs replay` contract: {"params": {...}, "reviews": [{"time", "rating"}, ...]}
// in, a JSON array with the card after each review out. The card starts New at the first
// review's time. Errors are one line naming the problem and the review index; never partial output.
#include "trainer/fsrs/scheduler.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::fsrs {

class ReplayError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ReplayReview {
    TimeMs time = 0;
    Rating rating = Rating::Good;
};

struct ReplayInput {
    Parameters params;
    std::vector<ReplayReview> reviews;
};

// Parses and validates the whole input (JSON, keys, types, ratings 1-4, times in order).
ReplayInput parse_replay_input(std::string_view text);
// The card after each review.
std::vector<Card> run_replay(const ReplayInput& input);
// JSON array text, one object per line, with a trailing newline. Numbers round-trip.
std::string format_replay_output(const std::vector<Card>& cards);
// parse + run + format; throws ReplayError.
std::string replay(std::string_view text);

} // namespace trainer::fsrs
