// FSRS-6 scheduler against the ts-fsrs 5.4.2 reference data (tests/data/fsrs, copied from the
// shared spec): replay cases, every unit vector, every sequence step with its 4-grade preview,
// the fuzz sequences, bad input, and the real `trainer fsrs replay` binary.
//
// [SECTION] helpers
// [SECTION] replay cases (cases.json)
// [SECTION] unit vectors (fsrs_vectors.json -> unit)
// [SECTION] sequences step by step (fsrs_vectors.json -> sequences)
// [SECTION] parameters and bad input
// [SECTION] the CLI binary
#include "support.hpp"

#include "trainer/core/time.hpp"
#include "trainer/fsrs/replay.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <algorithm>
#include <sstream>

using namespace trainer;
using namespace trainer::fsrs;
using nlohmann::json;

namespace {

// [SECTION] helpers -----------------------------------------------------------------------------

// SPEC §6: libm may differ from V8 in the last ulp; S, D and R may differ by 1e-8 at most.
constexpr double kTol = 1e-8;

const json& vectors() {
    static const json v = json::parse(test::read_file(TRAINER_TEST_DATA "/fsrs/fsrs_vectors.json"));
    return v;
}

const json& cases() {
    static const json c = json::parse(test::read_file(TRAINER_TEST_DATA "/fsrs/cases.json"));
    return c;
}

TimeMs iso(const json& s) {
    auto t = parse_iso_ms(s.get<std::string>());
    REQUIRE(t);
    return *t;
}

Model model_with(const json& params) { return Model(parse_parameters(params)); }

bool near(double a, double b) { return std::fabs(a - b) <= kTol; }

// The fields the vectors give for every preview outcome and every card after a review.
void check_card(const Card& got, const json& want, const std::string& where) {
    INFO(where);
    CHECK(format_iso_ms(got.due) == want["due"].get<std::string>());
    CHECK(near(got.stability, want["stability"].get<double>()));
    CHECK(near(got.difficulty, want["difficulty"].get<double>()));
    CHECK(got.scheduled_days == want["scheduled_days"].get<std::int64_t>());
    CHECK(std::string(state_name(got.state)) == want["state"].get<std::string>());
    CHECK(got.learning_steps == want["learning_steps"].get<int>());
    if (want.contains("reps")) {
        CHECK(got.reps == want["reps"].get<int>());
        CHECK(got.lapses == want["lapses"].get<int>());
        REQUIRE(got.last_review);
        CHECK(format_iso_ms(*got.last_review) == want["last_review"].get<std::string>());
    }
}

// Runs one recorded card history and checks every step, including all four previews.
// Returns the number of steps checked.
std::size_t check_steps(const json& params, const json& steps, const std::string& name) {
    const Scheduler scheduler(parse_parameters(params));
    Card card = new_card(iso(steps.at(0)["review_time"]));
    for (const auto& step : steps) {
        const std::string where = name + " step " + std::to_string(step["step"].get<int>());
        INFO(where);
        const TimeMs now = iso(step["review_time"]);
        CHECK(std::string(state_name(card.state)) == step["state_before"].get<std::string>());
        CHECK(Scheduler::elapsed_days(card, now) == step["elapsed_days_used"].get<std::int64_t>());
        if (step["retrievability_before"].is_null()) {
            CHECK(card.state == State::New);
        } else {
            CHECK(near(scheduler.retrievability(card, now), step["retrievability_before"].get<double>()));
        }
        const Preview p = scheduler.preview(card, now);
        for (int g = 1; g <= 4; ++g)
            check_card(p[static_cast<Rating>(g)], step["preview_all_grades"][std::to_string(g)],
                       where + " preview grade " + std::to_string(g));
        const Card next = scheduler.review(card, now, static_cast<Rating>(step["rating"].get<int>()));
        check_card(next, step["after"], where + " after");
        CHECK((next.due - now) / kMsPerMinute == step["interval_minutes"].get<std::int64_t>());
        card = next;
    }
    return steps.size();
}

std::string replay_error(const std::string& input) {
    try {
        replay(input);
    } catch (const ReplayError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

// [SECTION] replay cases (cases.json) -------------------------------------------------------------

TEST_CASE("every replay case reproduces ts-fsrs exactly", "[fsrs]") {
    const auto& all = cases()["cases"];
    REQUIRE(all.size() >= 11);
    for (const auto& c : all) {
        INFO("case " << c["name"].get<std::string>());
        const json input = {{"params", c["params"]}, {"reviews", c["reviews"]}};
        const json out = json::parse(replay(input.dump()));
        const auto& expected = c["expected"];
        REQUIRE(out.size() == expected.size());
        for (std::size_t i = 0; i < out.size(); ++i) {
            INFO("review " << i);
            const auto& got = out[i];
            const auto& want = expected[i];
            CHECK(got.size() == 7);
            CHECK(got["due"] == want["due"]);
            CHECK(got["scheduled_days"] == want["scheduled_days"]);
            CHECK(got["state"] == want["state"]);
            CHECK(got["reps"] == want["reps"]);
            CHECK(got["lapses"] == want["lapses"]);
            CHECK(near(got["stability"].get<double>(), want["stability"].get<double>()));
            CHECK(near(got["difficulty"].get<double>(), want["difficulty"].get<double>()));
        }
    }
}

TEST_CASE("replay output numbers round-trip and an empty review list gives an empty array", "[fsrs]") {
    const std::string out = replay(R"({"reviews":[{"time":"2024-01-01T12:00:00Z","rating":4},
                                                  {"time":"2024-01-09T12:00:00.000Z","rating":4}]})");
    const json j = json::parse(out);
    REQUIRE(j.size() == 2);
    CHECK(j[1]["stability"].get<double>() == 65.62422648);
    CHECK(j[1]["difficulty"].get<double>() == 1.0);
    CHECK(j[1]["due"] == "2024-03-15T12:00:00.000Z");
    CHECK(out.find("65.62422648") != std::string::npos);
    CHECK(replay(R"({"reviews":[]})") == "[]\n");
}

// [SECTION] unit vectors (fsrs_vectors.json -> unit) ----------------------------------------------

TEST_CASE("decay, factor and interval modifiers match ts-fsrs", "[fsrs]") {
    const auto& k = vectors()["constants"];
    const Model m{Parameters{}};
    CHECK(m.decay() == k["decay"].get<double>());
    CHECK(m.factor() == k["factor_rounded8"].get<double>());
    CHECK(m.interval_modifier() == 1.0);
    for (const auto& [r, im] : k["interval_modifier_by_retention"].items()) {
        INFO("retention " << r);
        Parameters p;
        p.request_retention = std::stod(r);
        CHECK(near(Model(p).interval_modifier(), im.get<double>()));
    }
}

TEST_CASE("initial stability and difficulty match ts-fsrs", "[fsrs]") {
    const auto& u = vectors()["unit"];
    const Model m{Parameters{}};
    for (int g = 1; g <= 4; ++g) {
        CHECK(m.init_stability(g) == u["init_stability"][std::to_string(g)].get<double>());
        CHECK(near(m.init_difficulty_raw(g), u["init_difficulty_raw"][std::to_string(g)].get<double>()));
    }
}

TEST_CASE("the forgetting curve matches every ts-fsrs sample", "[fsrs]") {
    const Model m{Parameters{}};
    const auto& list = vectors()["unit"]["forgetting_curve"];
    REQUIRE(list.size() == 40);
    for (const auto& v : list) {
        INFO("t=" << v["t"] << " s=" << v["s"]);
        CHECK(near(m.forgetting_curve(v["t"].get<double>(), v["s"].get<double>()), v["r"].get<double>()));
    }
}

TEST_CASE("next intervals match ts-fsrs for each retention and maximum interval", "[fsrs]") {
    const auto& u = vectors()["unit"];
    for (const auto& v : u["next_interval"]) {
        INFO("r=" << v["request_retention"] << " s=" << v["s"]);
        CHECK(model_with({{"request_retention", v["request_retention"]}}).next_interval(v["s"].get<double>()) ==
              v["interval"].get<std::int64_t>());
    }
    for (const auto& v : u["next_interval_max_interval_100"])
        CHECK(model_with({{"maximum_interval", 100}}).next_interval(v["s"].get<double>()) ==
              v["interval"].get<std::int64_t>());
    for (const auto& v : u["next_interval_s1_by_retention"]) {
        INFO("r=" << v["request_retention"]);
        CHECK(model_with({{"request_retention", v["request_retention"]}, {"maximum_interval", 1e9}})
                  .next_interval(1.0) == v["interval"].get<std::int64_t>());
    }
}

TEST_CASE("difficulty and stability updates match ts-fsrs", "[fsrs]") {
    const auto& u = vectors()["unit"];
    const Model m{Parameters{}};
    for (const auto& v : u["next_difficulty"]) {
        INFO("d=" << v["d"] << " g=" << v["g"]);
        CHECK(near(m.next_difficulty(v["d"].get<double>(), v["g"].get<int>()), v["next_d"].get<double>()));
    }
    for (const auto& v : u["next_recall_stability"]) {
        INFO("d=" << v["d"] << " s=" << v["s"] << " r=" << v["r"] << " g=" << v["g"]);
        CHECK(near(m.next_recall_stability(v["d"].get<double>(), v["s"].get<double>(), v["r"].get<double>(),
                                           v["g"].get<int>()),
                   v["s_new"].get<double>()));
    }
    for (const auto& v : u["next_forget_stability"]) {
        INFO("d=" << v["d"] << " s=" << v["s"] << " r=" << v["r"]);
        CHECK(near(m.next_forget_stability(v["d"].get<double>(), v["s"].get<double>(), v["r"].get<double>()),
                   v["s_f_raw"].get<double>()));
    }
    for (const auto& v : u["next_short_term_stability"]) {
        INFO("s=" << v["s"] << " g=" << v["g"]);
        CHECK(near(m.next_short_term_stability(v["s"].get<double>(), v["g"].get<int>()), v["s_new"].get<double>()));
    }
}

TEST_CASE("next_state matches ts-fsrs with short-term on and off", "[fsrs]") {
    const auto& list = vectors()["unit"]["next_state"];
    REQUIRE(list.size() == 40);
    for (const auto& v : list) {
        INFO("short_term=" << v["enable_short_term"] << " d=" << v["d"] << " s=" << v["s"] << " t=" << v["t"]
                           << " g=" << v["g"]);
        const Model m = model_with({{"enable_short_term", v["enable_short_term"]}});
        const MemoryState s = m.next_state({v["d"].get<double>(), v["s"].get<double>()},
                                           v["t"].get<std::int64_t>(), v["g"].get<int>());
        CHECK(near(s.difficulty, v["difficulty"].get<double>()));
        CHECK(near(s.stability, v["stability"].get<double>()));
    }
}

TEST_CASE("the memory state chain matches ts-fsrs in both modes", "[fsrs]") {
    for (const auto& [mode, chain] : vectors()["unit"]["memory_state_chain"].items()) {
        const Model m = model_with({{"enable_short_term", mode == "short_term"}});
        MemoryState s;
        for (const auto& v : chain) {
            INFO(mode << " g=" << v["g"] << " t=" << v["t"]);
            s = m.next_state(s, v["t"].get<std::int64_t>(), v["g"].get<int>());
            CHECK(near(s.difficulty, v["difficulty"].get<double>()));
            CHECK(near(s.stability, v["stability"].get<double>()));
        }
    }
}

TEST_CASE("fuzz ranges match ts-fsrs get_fuzz_range", "[fsrs]") {
    const auto& list = vectors()["unit"]["get_fuzz_range"];
    REQUIRE(list.size() == 36);
    for (const auto& v : list) {
        INFO("ivl=" << v["interval"] << " t=" << v["elapsed_days"]);
        const FuzzRange r = fuzz_range(v["interval"].get<std::int64_t>(), v["elapsed_days"].get<std::int64_t>(),
                                       v["maximum_interval"].get<std::int64_t>());
        CHECK(r.min_ivl == v["min_ivl"].get<std::int64_t>());
        CHECK(r.max_ivl == v["max_ivl"].get<std::int64_t>());
    }
}

TEST_CASE("the Alea port draws the documented first number for a ts-fsrs seed", "[fsrs]") {
    // SPEC §5.5: seed "1704283800000_3_4.86951564456" gives u = 0.2552329911850393 and, for
    // interval 11 at t = 2 (range [9, 13]), the fuzzed interval 10.
    CHECK(Alea("1704283800000_3_4.86951564456").next() == 0.2552329911850393);
    CHECK(apply_fuzz(11, 2, 36500, 0.2552329911850393) == 10);
    CHECK(apply_fuzz(2, 0, 36500, 0.99) == 2); // below 2.5 days: never fuzzed
    Alea a("seed"), b("seed"), c("other");
    const double first = a.next();
    CHECK(first == b.next());
    CHECK(first != c.next());
    CHECK(a.next() != first);
}

TEST_CASE("numbers print like JavaScript for the fuzz seed", "[fsrs]") {
    CHECK(js_number_string(0) == "0");
    CHECK(js_number_string(4.86951564456) == "4.86951564456");
    // Expected strings printed by node 20 for the same doubles.
    CHECK(js_number_string(2.3065 * 2.11810397) == "4.885406806805");
    CHECK(js_number_string(10.97104786 * 2.1043314) == "23.086720502700803");
    CHECK(js_number_string(1.0 / 3) == "0.3333333333333333");
    CHECK(js_number_string(123e-20) == "1.23e-18");
    CHECK(js_number_string(5e-324) == "5e-324");
    CHECK(js_number_string(1.7976931348623157e308) == "1.7976931348623157e+308");
    CHECK(js_number_string(100) == "100");
    CHECK(js_number_string(1e21) == "1e+21");
    CHECK(js_number_string(123456789012345680000.0) == "123456789012345680000");
    CHECK(js_number_string(0.000001) == "0.000001");
    CHECK(js_number_string(0.0000001) == "1e-7");
    CHECK(js_number_string(-1.5) == "-1.5");
    CHECK(js_number_string(0.1 + 0.2) == "0.30000000000000004");
    CHECK(Scheduler::fuzz_seed(new_card(1704283800000), 1704283800000) == "1704283800000_1_0");
}

TEST_CASE("rounding follows JavaScript Math.round and toFixed", "[fsrs]") {
    CHECK(js_round(2.5) == 3);
    CHECK(js_round(-2.5) == -2);
    CHECK(js_round(0.49999999999999994) == 0);
    CHECK(r8(0.123456785) == 0.12345679);
    CHECK(js_to_fixed8(1.0 / 512) == 0.00195313); // an exact tie: toFixed rounds up
    CHECK(js_to_fixed8(2.3065) == 2.3065);
    CHECK(js_to_fixed8(1.234567894) == 1.23456789);
}

// [SECTION] sequences step by step (fsrs_vectors.json -> sequences) -------------------------------

TEST_CASE("every sequence step and its four-grade preview match ts-fsrs", "[fsrs]") {
    const auto& seqs = vectors()["sequences"];
    std::size_t checked = 0;
    for (const char* config : {"short_term_default_steps", "long_term_no_steps", "short_term_empty_steps"}) {
        const auto& cfg = seqs[config];
        REQUIRE(cfg["at_due"].size() == 4);
        for (const auto& [name, seq] : cfg["at_due"].items())
            checked += check_steps(cfg["params"], seq["steps"], std::string(config) + "/" + name);
    }
    CHECK(checked == 3 * (5 + 7 + 4 + 13));
}

TEST_CASE("the explicit timeline with early and late reviews matches ts-fsrs", "[fsrs]") {
    const auto& tl = vectors()["sequences"]["explicit_timeline"];
    REQUIRE(tl["results"].size() == 2);
    for (const auto& [config, steps] : tl["results"].items()) {
        REQUIRE(steps.size() == 7);
        check_steps(vectors()["sequences"][config]["params"], steps, "timeline/" + config);
    }
}

TEST_CASE("fuzzed sequences reproduce ts-fsrs with the Alea port", "[fsrs]") {
    const auto& seqs = vectors()["sequences"];
    for (const char* name : {"fuzz_enabled_example", "fuzz_enabled_example_D", "fuzz_enabled_example_D_long_term"}) {
        const auto& s = seqs[name];
        REQUIRE(s["params"]["enable_fuzz"] == true);
        check_steps(s["params"], s["steps"], name);
    }
    // Without fuzz the same A sequence gives 11 and 46 days, with fuzz 10 and 48 (SPEC §7.5).
    const auto& fuzzed = seqs["fuzz_enabled_example"]["steps"];
    CHECK(fuzzed[2]["after"]["scheduled_days"] == 10);
    CHECK(fuzzed[3]["after"]["scheduled_days"] == 48);
}

TEST_CASE("a day-long learning step counts as Review but keeps its step index", "[fsrs]") {
    // Checked against ts-fsrs 5.4.2 with learning_steps ["10m", "1d"].
    Parameters p;
    p.learning_steps = {10, 1440};
    const Scheduler s(p);
    const TimeMs t0 = *parse_iso_ms("2024-01-01T12:00:00.000Z");
    Card c = s.review(new_card(t0), t0, Rating::Good);
    CHECK(c.state == State::Review);
    CHECK(c.learning_steps == 1);
    CHECK(c.scheduled_days == 1);
    CHECK(c.due == t0 + kMsPerDay);
    // Again from Review at step 1: relearning has only step 0, so the card graduates at once.
    c = s.review(c, c.due, Rating::Again);
    CHECK(c.state == State::Review);
    CHECK(c.lapses == 1);
    CHECK(c.learning_steps == 0);
    CHECK(c.stability == 0.57129918);
    CHECK(c.difficulty == 7.39450274);
    CHECK(format_iso_ms(c.due) == "2024-01-03T12:00:00.000Z");
}

TEST_CASE("retrievability for display uses whole 24-hour days and is 0 for New cards", "[fsrs]") {
    const Scheduler s{Parameters{}};
    const TimeMs t0 = 1704110400000;
    CHECK(s.retrievability(new_card(t0), t0) == 0);
    Card c = s.review(new_card(t0), t0, Rating::Easy); // S = 8.2956
    CHECK(s.retrievability(c, t0) == 1);
    CHECK(s.retrievability(c, t0 + kMsPerDay - 1) == 1);
    CHECK(s.retrievability(c, t0 + kMsPerDay) == s.model().forgetting_curve(1, 8.2956));
    CHECK(s.retrievability(c, t0 - kMsPerDay) == 1); // a clock behind the review: t clamps to 0
}

TEST_CASE("elapsed days count UTC calendar days, not 24-hour periods", "[fsrs]") {
    Card c = new_card(0);
    c.state = State::Review;
    c.last_review = *parse_iso_ms("2024-01-01T23:59:00Z");
    CHECK(Scheduler::elapsed_days(c, *parse_iso_ms("2024-01-02T00:01:00Z")) == 1);
    c.last_review = *parse_iso_ms("2024-01-01T00:01:00Z");
    CHECK(Scheduler::elapsed_days(c, *parse_iso_ms("2024-01-01T23:59:00Z")) == 0);
    const Scheduler s{Parameters{}};
    CHECK_THROWS_AS(s.preview(c, *parse_iso_ms("2023-12-31T23:00:00Z")), std::invalid_argument);
}

// [SECTION] parameters and bad input ---------------------------------------------------------------

TEST_CASE("w17 and w18 get a lower ceiling with several relearning steps", "[fsrs]") {
    CHECK(w17_w18_ceiling(kDefaultWeights, 1) == 2.0);
    CHECK(w17_w18_ceiling(kDefaultWeights, 2) == 0.60045935);
    CHECK(clip_weights(kDefaultWeights, 2, true) == kDefaultWeights);
    CHECK(clip_weights(kDefaultWeights, 3, true)[17] == 0.49027301);
    CHECK(clip_weights(kDefaultWeights, 5, true)[17] == 0.37976384);
    Weights w = kDefaultWeights;
    w[0] = -1;
    w[4] = 42;
    w[19] = 0;
    w[20] = 0.05;
    const Weights on = clip_weights(w, 1, true), off = clip_weights(w, 1, false);
    CHECK(on[0] == kStabilityMin);
    CHECK(on[4] == 10);
    CHECK(on[19] == 0.01);
    CHECK(off[19] == 0);
    CHECK(on[20] == 0.1);
}

TEST_CASE("step strings parse as minutes and reject anything else", "[fsrs]") {
    CHECK(parse_step("1m") == 1);
    CHECK(parse_step("10m") == 10);
    CHECK(parse_step("2h") == 120);
    CHECK(parse_step("1d") == 1440);
    CHECK(parse_step("0m") == 0);
    for (const char* bad : {"", "m", "10", "1.5m", "-1m", " 1m", "1 m", "1w", "10M", "1mm"}) {
        INFO(bad);
        CHECK_FALSE(parse_step(bad));
    }
    CHECK(format_step(10) == "10m");
    CHECK(format_step(120) == "2h");
    CHECK(format_step(2880) == "2d");
}

TEST_CASE("parameters parse from JSON with clear errors", "[fsrs]") {
    const Parameters d = parse_parameters(json::object());
    CHECK(d.w == kDefaultWeights);
    CHECK(d.request_retention == 0.9);
    CHECK(d.maximum_interval == 36500);
    CHECK(d.enable_short_term);
    CHECK_FALSE(d.enable_fuzz);
    CHECK(d.learning_steps == std::vector<std::int64_t>{1, 10});
    CHECK(d.relearning_steps == std::vector<std::int64_t>{10});
    const Parameters p = parse_parameters(
        {{"relearning_steps", {"10m", "1h", "2h"}}, {"learning_steps", json::array()}, {"enable_fuzz", true}});
    CHECK(p.relearning_steps == std::vector<std::int64_t>{10, 60, 120});
    CHECK(p.learning_steps.empty());
    CHECK(p.w[17] == 0.49027301); // clipped for three relearning steps
    auto error = [](const json& j) {
        try {
            parse_parameters(j);
        } catch (const ParamError& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    CHECK_THAT(error({{"w", {1, 2, 3}}}), Catch::Contains("params.w") && Catch::Contains("21 numbers") &&
                                               Catch::Contains("got 3"));
    CHECK_THAT(error({{"colour", 1}}), Catch::Contains("unknown key \"colour\""));
    CHECK_THAT(error({{"request_retention", 0}}), Catch::Contains("request_retention"));
    CHECK_THAT(error({{"request_retention", 1.5}}), Catch::Contains("(0, 1]"));
    CHECK_THAT(error({{"request_retention", "high"}}), Catch::Contains("expected a number"));
    CHECK_THAT(error({{"maximum_interval", 10.5}}), Catch::Contains("maximum_interval"));
    CHECK_THAT(error({{"maximum_interval", 0}}), Catch::Contains("maximum_interval"));
    CHECK_THAT(error({{"enable_fuzz", 1}}), Catch::Contains("params.enable_fuzz: expected true or false"));
    CHECK_THAT(error({{"learning_steps", {"1m", "5x"}}}), Catch::Contains("params.learning_steps[1]") &&
                                                              Catch::Contains("\"5x\""));
    CHECK_THAT(error({{"learning_steps", "1m"}}), Catch::Contains("expected an array"));
    json w = json::array();
    for (double x : kDefaultWeights) w.push_back(x);
    w[5] = "x";
    CHECK_THAT(error({{"w", w}}), Catch::Contains("params.w[5]: expected a number"));
    CHECK_THAT(error(json::array()), Catch::Contains("expected an object"));
}

TEST_CASE("bad replay input is refused with one line naming the problem and the review", "[fsrs]") {
    const std::string ok_first = R"({"time":"2024-01-01T12:00:00.000Z","rating":3})";
    const std::vector<std::pair<std::string, std::vector<std::string>>> bad = {
        {"{not json", {"not JSON"}},
        {"", {"not JSON"}},
        {"[]", {"expected an object"}},
        {R"({"params":{}})", {"missing \"reviews\""}},
        {R"({"reviews":{}})", {"reviews: expected an array"}},
        {R"({"reviews":[],"extra":1})", {"unknown key \"extra\""}},
        {"{\"reviews\":[" + ok_first + R"(,{"time":"2024-01-02T12:00:00.000Z","rating":5}]})",
         {"reviews[1]", "rating 5", "outside 1-4"}},
        {R"({"reviews":[{"time":"2024-01-01T12:00:00.000Z","rating":0}]})", {"reviews[0]", "outside 1-4"}},
        {R"({"reviews":[{"time":"2024-01-01T12:00:00.000Z","rating":2.5}]})", {"reviews[0]", "2.5"}},
        {R"({"reviews":[{"time":"2024-01-01T12:00:00.000Z","rating":"3"}]})", {"reviews[0]", "outside 1-4"}},
        {"{\"reviews\":[" + ok_first + R"(,{"time":"2024-01-01T11:59:59.999Z","rating":3}]})",
         {"reviews[1]", "goes backwards", "reviews[0]"}},
        {"{\"reviews\":[" + ok_first + R"(,{"time":"yesterday","rating":3}]})",
         {"reviews[1].time", "bad time string", "yesterday"}},
        {R"({"reviews":[{"time":1704110400000,"rating":3}]})", {"reviews[0].time", "expected a UTC time string"}},
        {R"({"reviews":[{"time":"2024-01-01T12:00:00.000Z","rating":3,"note":"x"}]})",
         {"reviews[0]", "unknown key \"note\""}},
        {R"({"reviews":[{"rating":3}]})", {"reviews[0]", "missing \"time\""}},
        {R"({"reviews":[3]})", {"reviews[0]", "expected an object"}},
        {R"({"params":{"w":[1,2]},"reviews":[]})", {"params.w", "21"}},
        {R"({"params":{"speed":1},"reviews":[]})", {"params", "unknown key \"speed\""}},
    };
    for (const auto& [input, fragments] : bad) {
        INFO("input: " << input);
        const std::string msg = replay_error(input);
        for (const auto& f : fragments) CHECK_THAT(msg, Catch::Contains(f));
        CHECK(msg.find('\n') == std::string::npos);
    }
}

TEST_CASE("each bad replay file in tests/data/fsrs/bad is refused with its documented message", "[fsrs]") {
    // tests/data/fsrs/bad/README.md lists "file | fragment" rows; every row must hold.
    const std::string readme = test::read_file(TRAINER_TEST_DATA "/fsrs/bad/README.md");
    std::size_t rows = 0;
    std::istringstream lines(readme);
    for (std::string line; std::getline(lines, line);) {
        if (!line.starts_with("| `")) continue;
        const auto file_end = line.find('`', 3);
        const auto frag_start = line.find('`', file_end + 1);
        const auto frag_end = line.find('`', frag_start + 1);
        REQUIRE(frag_end != std::string::npos);
        const std::string file = line.substr(3, file_end - 3);
        const std::string fragment = line.substr(frag_start + 1, frag_end - frag_start - 1);
        INFO(file);
        const std::string text = test::read_file(std::string(TRAINER_TEST_DATA "/fsrs/bad/") + file);
        REQUIRE_FALSE(text.empty());
        CHECK_THAT(replay_error(text), Catch::Contains(fragment));
        ++rows;
    }
    CHECK(rows >= 5);
}

// [SECTION] the CLI binary -------------------------------------------------------------------------

TEST_CASE("trainer fsrs replay runs a case file and refuses a bad one without output", "[fsrs][cli]") {
    test::TempDir dir;
    const auto& c = cases()["cases"][1]; // short_term_default_steps/B
    test::write_file(dir / "case.json", json({{"params", c["params"]}, {"reviews", c["reviews"]}}).dump());
    const std::string bin = TRAINER_BIN_DIR "/trainer";
    const auto run = [&](const std::string& args, std::string& out, std::string& err) {
        const std::string o = (dir / "out.txt").string(), e = (dir / "err.txt").string();
        const int rc = test::run_command("{ " + bin + " fsrs replay " + args + " >" + o + " 2>" + e + "; }");
        out = test::read_file(o);
        err = test::read_file(e);
        return rc;
    };
    std::string out, err;
    REQUIRE(run((dir / "case.json").string(), out, err) == 0);
    CHECK(err.empty());
    const json got = json::parse(out);
    REQUIRE(got.size() == c["expected"].size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i]["due"] == c["expected"][i]["due"]);
        CHECK(got[i]["state"] == c["expected"][i]["state"]);
        CHECK(got[i]["scheduled_days"] == c["expected"][i]["scheduled_days"]);
        CHECK(near(got[i]["stability"].get<double>(), c["expected"][i]["stability"].get<double>()));
    }
    // The same input on standard input.
    REQUIRE(run("< " + (dir / "case.json").string(), out, err) == 0);
    CHECK(json::parse(out) == got);

    CHECK(run(std::string(TRAINER_TEST_DATA "/fsrs/bad/rating_out_of_range.json"), out, err) != 0);
    CHECK(out.empty());
    CHECK_THAT(err, Catch::Contains("reviews[2]") && Catch::Contains("outside 1-4"));
    CHECK(std::count(err.begin(), err.end(), '\n') == 1);

    CHECK(run((dir / "missing.json").string(), out, err) != 0);
    CHECK(out.empty());
    CHECK_THAT(err, Catch::Contains("cannot read"));
}
