// trainer/core/json_parse.hpp: the one parse of outside JSON text, reporting a syntax error and a
// number beyond a double ("1e999", which nlohmann throws as out_of_range) alike, with where.
#include "trainer/core/json_parse.hpp"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using trainer::JsonProblem;
using trainer::parse_json;

TEST_CASE("parse_json reads JSON and reports a syntax error with the byte nlohmann stopped at") {
    nlohmann::json j;
    CHECK_FALSE(parse_json(R"({"a": [1, 2.5, "x"]})", j));
    CHECK(j["a"][1] == 2.5);

    const auto bad = parse_json("{\"a\": 1 \"b\": 2}", j);
    REQUIRE(bad);
    CHECK(bad->kind == JsonProblem::Kind::Syntax);
    CHECK(bad->what.starts_with("[json.exception.parse_error.101]"));
    CHECK_FALSE(bad->reason.starts_with("[json.exception"));
    CHECK(bad->byte == 11); // the END of the unexpected string "b"
    CHECK(bad->offset == 10);
    CHECK(j["a"][1] == 2.5); // unchanged
}

TEST_CASE("parse_json refuses a number beyond a double and says where its literal is") {
    nlohmann::json j;
    const std::string text = "{\n  \"ok\": 1,\n  \"n\": 1e999\n}";
    const auto bad = parse_json(text, j);
    REQUIRE(bad);
    CHECK(bad->kind == JsonProblem::Kind::NumberOutOfRange);
    CHECK(bad->what.starts_with("[json.exception.out_of_range.406]"));
    REQUIRE(bad->offset != std::string::npos);
    CHECK(text.substr(bad->offset, 5) == "1e999");
    CHECK(trainer::line_column(text, bad->offset) == "line 3, column 8");
}

TEST_CASE("parse_json tells each top-level key as it is read, a key given twice included") {
    nlohmann::json j;
    std::vector<std::string> keys;
    CHECK_FALSE(parse_json(R"({"b": {"inner": 1}, "a": 2, "b": 3})", j, [&](const std::string& k) { keys.push_back(k); }));
    CHECK(keys == std::vector<std::string>{"b", "a", "b"});
    CHECK(j["b"] == 3);
}
