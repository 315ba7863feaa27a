#include "trainer/fsrs/replay.hpp"

#include "trainer/core/json_parse.hpp"
#include "trainer/core/time.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace trainer::fsrs {

namespace {

std::string review_at(std::size_t i) { return "reviews[" + std::to_string(i) + "]"; }

ReplayReview parse_review(const nlohmann::json& r, std::size_t i) {
    const std::string at = review_at(i);
    if (!r.is_object())
        throw ReplayError(at + ": expected an object {\"time\", \"rating\"}, got " +
                          std::string(r.type_name()));
    for (const auto& [key, v] : r.items())
        if (key != "time" && key != "rating")
            throw ReplayError(at + ": unknown key " + nlohmann::json(key).dump() +
                              " (known: time, rating)");
    if (!r.contains("time")) throw ReplayError(at + ": missing \"time\"");
    if (!r.contains("rating")) throw ReplayError(at + ": missing \"rating\"");
    const auto& time = r["time"];
    if (!time.is_string())
        throw ReplayError(at + ".time: expected a UTC time string, got " +
                          std::string(time.type_name()));
    const auto t = parse_iso_ms(time.get_ref<const std::string&>());
    if (!t)
        throw ReplayError(at + ".time: bad time string " + time.dump() +
                          " (expected e.g. \"2024-01-01T12:00:00.000Z\")");
    const auto& rating = r["rating"];
    const double g = rating.is_number() ? rating.get<double>() : NAN;
    if (!rating.is_number() || g != std::floor(g) || g < 1 || g > 4)
        throw ReplayError(at + ".rating: rating " + rating.dump() +
                          " is outside 1-4 (1 Again, 2 Hard, 3 Good, 4 Easy)");
    return {*t, static_cast<Rating>(static_cast<int>(g))};
}

} // namespace

ReplayInput parse_replay_input(std::string_view text) {
    nlohmann::json j;
    if (const auto problem = parse_json(text, j)) {
        if (problem->kind == JsonProblem::Kind::Syntax) throw ReplayError("input is not JSON: " + problem->reason);
        // A number beyond a double ("1e999"): named with where it is.
        throw ReplayError("input" +
                          (problem->offset == std::string_view::npos ? std::string()
                                                                     : " at " + line_column(text, problem->offset)) +
                          ": " + problem->reason);
    }
    if (!j.is_object())
        throw ReplayError("input: expected an object {\"params\", \"reviews\"}, got " +
                          std::string(j.type_name()));
    for (const auto& [key, v] : j.items())
        if (key != "params" && key != "reviews")
            throw ReplayError("input: unknown key " + nlohmann::json(key).dump() +
                              " (known: params, reviews)");
    ReplayInput in;
    if (j.contains("params")) {
        try {
            in.params = parse_parameters(j["params"], "params");
        } catch (const ParamError& e) {
            throw ReplayError(e.what());
        }
    }
    if (!j.contains("reviews")) throw ReplayError("input: missing \"reviews\" (an array)");
    const auto& reviews = j["reviews"];
    if (!reviews.is_array())
        throw ReplayError("reviews: expected an array, got " + std::string(reviews.type_name()));
    in.reviews.reserve(reviews.size());
    for (std::size_t i = 0; i < reviews.size(); ++i) {
        in.reviews.push_back(parse_review(reviews[i], i));
        if (i > 0 && in.reviews[i].time < in.reviews[i - 1].time)
            throw ReplayError(review_at(i) + ".time: " + format_iso_ms(in.reviews[i].time) +
                              " goes backwards (" + review_at(i - 1) + " is at " +
                              format_iso_ms(in.reviews[i - 1].time) + ")");
    }
    return in;
}

std::vector<Card> run_replay(const ReplayInput& input) {
    std::vector<Card> out;
    if (input.reviews.empty()) return out;
    Scheduler scheduler(input.params);
    Card card = new_card(input.reviews.front().time);
    out.reserve(input.reviews.size());
    for (std::size_t i = 0; i < input.reviews.size(); ++i) {
        try {
            card = scheduler.review(card, input.reviews[i].time, input.reviews[i].rating);
        } catch (const std::exception& e) {
            throw ReplayError(review_at(i) + ": " + e.what());
        }
        out.push_back(card);
    }
    return out;
}

std::string format_replay_output(const std::vector<Card>& cards) {
    std::string out = "[";
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const Card& c = cards[i];
        nlohmann::ordered_json o;
        o["due"] = format_iso_ms(c.due);
        o["stability"] = c.stability;
        o["difficulty"] = c.difficulty;
        o["scheduled_days"] = c.scheduled_days;
        o["state"] = state_name(c.state);
        o["reps"] = c.reps;
        o["lapses"] = c.lapses;
        out += (i == 0 ? "\n  " : ",\n  ") + o.dump();
    }
    out += cards.empty() ? "]\n" : "\n]\n";
    return out;
}

std::string replay(std::string_view text) {
    try {
        return format_replay_output(run_replay(parse_replay_input(text)));
    } catch (const ReplayError&) {
        throw;
    } catch (const std::exception& e) {
        throw ReplayError(e.what());
    }
}

} // namespace trainer::fsrs
