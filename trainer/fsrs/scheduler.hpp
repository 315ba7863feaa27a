#pragma once
// The FSRS-6 card state machine of ts-fsrs 5.4.2: BasicScheduler ((re)learning steps in minutes,
// enable_short_term) and LongTermScheduler (day intervals only). Pure: time is passed in.
#include "trainer/core/clock.hpp"
#include "trainer/fsrs/model.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trainer::fsrs {

enum class State { New = 0, Learning = 1, Review = 2, Relearning = 3 };
enum class Rating { Again = 1, Hard = 2, Good = 3, Easy = 4 };

const char* state_name(State s); // "New", "Learning", "Review", "Relearning"
std::optional<State> state_from_name(std::string_view name);

struct Card {
    TimeMs due = 0;
    double stability = 0;  // 0 while New
    double difficulty = 0; // 0 while New
    std::int64_t scheduled_days = 0; // 0 for a minute step
    int learning_steps = 0;          // index of the current (re)learning step
    int reps = 0;
    int lapses = 0; // Again from Review only
    State state = State::New;
    std::optional<TimeMs> last_review;
};

// A card never reviewed, due now.
Card new_card(TimeMs now);

// The card after each of the four ratings (what each button on the review screen would do).
struct Preview {
    std::array<Card, 4> cards;
    const Card& operator[](Rating r) const { return cards[static_cast<std::size_t>(r) - 1]; }
};

class Scheduler {
public:
    // Parameters are normalized (clipped) as ts-fsrs does; throws ParamError when unusable.
    explicit Scheduler(const Parameters& p);

    const Parameters& params() const { return model_.params(); }
    const Model& model() const { return model_; }

    // All four outcomes of reviewing `card` at `now`. Throws std::invalid_argument when `now` is
    // on an earlier UTC day than the card's last review.
    Preview preview(const Card& card, TimeMs now) const;
    // The card after rating it at `now`.
    Card review(const Card& card, TimeMs now, Rating rating) const;
    // Display-only recall probability now (0 for New): whole 24-hour days since the last review.
    double retrievability(const Card& card, TimeMs now) const;
    // The t of retrievability(): whole 24-hour days since the last review, at least 0.
    static std::int64_t whole_days_since_review(const Card& card, TimeMs now);

    // Elapsed days the scheduler uses: UTC calendar days since last_review (0 for New).
    static std::int64_t elapsed_days(const Card& card, TimeMs now);
    // ts-fsrs DefaultInitSeedStrategy: "<now ms>_<reps after this review>_<D*S before it>".
    static std::string fuzz_seed(const Card& card, TimeMs now);

private:
    struct Context;
    Preview preview_basic(const Context& c) const;
    Preview preview_long_term(const Context& c) const;
    void apply_learning_steps(const Context& c, Card& next, Rating g, State to_state) const;
    std::int64_t interval_days(const Context& c, double stability) const;

    Model model_;
};

} // namespace trainer::fsrs
