#include "trainer/fsrs/scheduler.hpp"

#include "trainer/core/time.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace trainer::fsrs {

namespace {

constexpr std::array<Rating, 4> kRatings = {Rating::Again, Rating::Hard, Rating::Good, Rating::Easy};

int grade_of(Rating r) { return static_cast<int>(r); }

struct StepResult {
    std::int64_t minutes = 0; // 0: no step applies, the card graduates
    int next_step = 0;
};

// ts-fsrs BasicLearningStepsStrategy for one grade. Hard is always the mean of the first two
// steps (1.5x the only step), whatever the current step: that is what the reference does.
StepResult learning_step(const Parameters& p, State state, int cur, Rating g) {
    const auto& steps = (state == State::Relearning || state == State::Review) ? p.relearning_steps
                                                                                : p.learning_steps;
    const auto n = static_cast<int>(steps.size());
    if (n == 0 || cur >= n) return {};
    const auto at = [&](int i) { return steps[static_cast<std::size_t>(i)]; };
    if (state == State::Review) {
        if (g == Rating::Again) return {at(std::max(0, cur)), 0};
        return {};
    }
    switch (g) {
    case Rating::Again: return {at(0), 0};
    case Rating::Hard: {
        const double m = n == 1 ? static_cast<double>(at(0)) * 1.5
                                : static_cast<double>(at(0) + at(1)) / 2.0;
        return {static_cast<std::int64_t>(js_round(m)), cur};
    }
    case Rating::Good:
        if (cur + 1 < n && at(cur + 1) != 0) return {at(cur + 1), cur + 1};
        return {};
    case Rating::Easy: return {};
    }
    return {};
}

} // namespace

const char* state_name(State s) {
    switch (s) {
    case State::New: return "New";
    case State::Learning: return "Learning";
    case State::Review: return "Review";
    case State::Relearning: return "Relearning";
    }
    return "?";
}

std::optional<State> state_from_name(std::string_view name) {
    for (State s : {State::New, State::Learning, State::Review, State::Relearning})
        if (name == state_name(s)) return s;
    return std::nullopt;
}

Card new_card(TimeMs now) {
    Card c;
    c.due = now;
    return c;
}

// One review in progress: the card as it was, the same card with this review counted, and
// the per-review fuzz draw (ts-fsrs seeds one Alea per review, shared by all grades).
struct Scheduler::Context {
    const Card& last;
    Card current;
    TimeMs now;
    std::int64_t t;
    double fuzz_u;
};

Scheduler::Scheduler(const Parameters& p) : model_(p) {}

std::int64_t Scheduler::elapsed_days(const Card& card, TimeMs now) {
    if (card.state == State::New || !card.last_review) return 0;
    return utc_day(now) - utc_day(*card.last_review);
}

std::string Scheduler::fuzz_seed(const Card& card, TimeMs now) {
    return std::to_string(now) + "_" + std::to_string(card.reps + 1) + "_" +
           js_number_string(card.difficulty * card.stability);
}

std::int64_t Scheduler::interval_days(const Context& c, double stability) const {
    const std::int64_t ivl = model_.next_interval(stability);
    if (!params().enable_fuzz) return ivl;
    return apply_fuzz(ivl, c.t, params().maximum_interval, c.fuzz_u);
}

Preview Scheduler::preview(const Card& card, TimeMs now) const {
    Context c{card, card, now, elapsed_days(card, now), 0.0};
    if (c.t < 0)
        throw std::invalid_argument("review at " + format_iso_ms(now) +
                                    " is on an earlier day than the last review " +
                                    format_iso_ms(*card.last_review));
    c.current.last_review = now;
    c.current.reps += 1;
    if (params().enable_fuzz) c.fuzz_u = Alea(fuzz_seed(card, now)).next();
    return params().enable_short_term ? preview_basic(c) : preview_long_term(c);
}

Card Scheduler::review(const Card& card, TimeMs now, Rating rating) const {
    if (grade_of(rating) < 1 || grade_of(rating) > 4)
        throw std::invalid_argument("rating " + std::to_string(grade_of(rating)) + " is outside 1-4");
    return preview(card, now)[rating];
}

std::int64_t Scheduler::whole_days_since_review(const Card& card, TimeMs now) {
    const TimeMs since = card.last_review ? now - *card.last_review : 0;
    return std::max<std::int64_t>(static_cast<std::int64_t>(std::floor(static_cast<double>(since) / kMsPerDay)), 0);
}

double Scheduler::retrievability(const Card& card, TimeMs now) const {
    if (card.state == State::New) return 0;
    return model_.forgetting_curve(static_cast<double>(whole_days_since_review(card, now)), js_to_fixed8(card.stability));
}

void Scheduler::apply_learning_steps(const Context& c, Card& next, Rating g, State to_state) const {
    const StepResult step = learning_step(params(), c.current.state, c.current.learning_steps, g);
    const std::int64_t m = std::max<std::int64_t>(0, step.minutes);
    if (m > 0 && m < kMinutesPerDay) {
        next.learning_steps = step.next_step;
        next.scheduled_days = 0;
        next.state = to_state;
        next.due = c.now + m * kMsPerMinute;
    } else if (m >= kMinutesPerDay) {
        // A step of a day or more ("1d") counts as Review but keeps its step index.
        next.state = State::Review;
        next.learning_steps = step.next_step;
        next.due = c.now + m * kMsPerMinute;
        next.scheduled_days = m / kMinutesPerDay;
    } else {
        next.state = State::Review;
        next.learning_steps = 0;
        const std::int64_t ivl = interval_days(c, next.stability);
        next.scheduled_days = ivl;
        next.due = c.now + ivl * kMsPerDay;
    }
}

Preview Scheduler::preview_basic(const Context& c) const {
    Preview out;
    const MemoryState before{c.current.difficulty, c.current.stability};
    auto with_state = [&](MemoryState m) {
        Card card = c.current;
        card.difficulty = m.difficulty;
        card.stability = m.stability;
        return card;
    };
    if (c.last.state != State::Review) {
        // New (initial memory state) or (re)learning (same-day formula when t = 0).
        const State to = c.last.state == State::New ? State::Learning : c.last.state;
        for (Rating g : kRatings) {
            Card& next = out.cards[static_cast<std::size_t>(grade_of(g) - 1)];
            next = with_state(model_.next_state(before, c.t, grade_of(g)));
            apply_learning_steps(c, next, g, to);
        }
        return out;
    }
    const double r = model_.forgetting_curve(static_cast<double>(c.t), c.current.stability);
    for (Rating g : kRatings)
        out.cards[static_cast<std::size_t>(grade_of(g) - 1)] =
            with_state(model_.next_state(before, c.t, grade_of(g), r));
    auto& [again, hard, good, easy] = out.cards;
    std::int64_t h = interval_days(c, hard.stability);
    std::int64_t g = interval_days(c, good.stability);
    h = std::min(h, g);
    g = std::max(g, h + 1);
    const std::int64_t e = std::max(interval_days(c, easy.stability), g + 1);
    const std::array<std::pair<Card*, std::int64_t>, 3> graded = {{{&hard, h}, {&good, g}, {&easy, e}}};
    for (auto [card, ivl] : graded) {
        card->scheduled_days = ivl;
        card->due = c.now + ivl * kMsPerDay;
        card->state = State::Review;
        card->learning_steps = 0;
    }
    apply_learning_steps(c, again, Rating::Again, State::Relearning);
    again.lapses += 1;
    return out;
}

Preview Scheduler::preview_long_term(const Context& c) const {
    Preview out;
    const bool is_new = c.last.state == State::New;
    const MemoryState before{c.current.difficulty, c.current.stability};
    const std::optional<double> r =
        is_new ? std::nullopt
               : std::optional<double>(
                     model_.forgetting_curve(static_cast<double>(c.t), c.current.stability));
    const std::int64_t t = is_new ? 0 : c.t;
    std::array<std::int64_t, 4> ivl{};
    for (Rating g : kRatings) {
        const auto i = static_cast<std::size_t>(grade_of(g) - 1);
        const MemoryState m = model_.next_state(before, t, grade_of(g), r);
        out.cards[i] = c.current;
        out.cards[i].difficulty = m.difficulty;
        out.cards[i].stability = m.stability;
        ivl[i] = interval_days(c, m.stability);
    }
    // Again < Hard < Good < Easy, each at least a day apart.
    ivl[0] = std::min(ivl[0], ivl[1]);
    ivl[1] = std::max(ivl[1], ivl[0] + 1);
    ivl[2] = std::max(ivl[2], ivl[1] + 1);
    ivl[3] = std::max(ivl[3], ivl[2] + 1);
    for (std::size_t i = 0; i < 4; ++i) {
        out.cards[i].scheduled_days = ivl[i];
        out.cards[i].due = c.now + ivl[i] * kMsPerDay;
        out.cards[i].state = State::Review;
        out.cards[i].learning_steps = 0;
    }
    if (!is_new) out.cards[0].lapses += 1;
    return out;
}

} // namespace trainer::fsrs
