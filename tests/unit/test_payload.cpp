// The event payload without nlohmann in its header (trainer/store/payload.hpp): what the builder
// writes must be byte for byte what nlohmann's dump() wrote before (event ids, hashes, files and
// the central store compare stored text), and the getters must fail as at()/value() did.
#include "trainer/store/payload.hpp"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using trainer::store::Payload;
using json = nlohmann::json;

TEST_CASE("a payload built from fields is exactly nlohmann's dump of the same object") {
    const std::string card = "c-1";
    const std::string unicode = "Za\xc5\xbc\xc3\xb3\xc5\x82\xc4\x87 \xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xf0\x9f\x98\x80";
    const std::string escapes = std::string("quote \" backslash \\ tab \t nl \n cr \r bell \x07 nul ") + '\0' + " del \x7f";
    const std::vector<std::string> tags{"b", "a", unicode};
    const std::int64_t big = std::numeric_limits<std::int64_t>::max();
    const std::int64_t small = std::numeric_limits<std::int64_t>::min();
    const std::uint64_t ubig = std::numeric_limits<std::uint64_t>::max();

    const Payload p{{"card", card},
                    {"rating", 3},
                    {"zeta", "last key written first"},
                    {"unicode", unicode},
                    {"escapes", escapes},
                    {"tenth", 0.1},
                    {"huge", 1e300},
                    {"tiny", 5e-324},
                    {"third", 1.0 / 3.0},
                    {"whole_double", 2.0},
                    {"negative_zero", -0.0},
                    {"int64_max", big},
                    {"int64_min", small},
                    {"uint64_max", ubig},
                    {"short", static_cast<short>(-7)},
                    {"flag", true},
                    {"off", false},
                    {"nothing", nullptr},
                    {"tags", tags},
                    {"nested", Payload{{"b", 1}, {"a", Payload{{"deep", "x"}}}}},
                    {"literal", {{"y", 2}, {"x", {{"deep", nullptr}}}}},
                    {"list", std::vector<Payload>{Payload{{"n", 1}}, Payload{}}},
                    {"view", std::string_view("a view")}};
    const json expected{{"card", card},
                        {"rating", 3},
                        {"zeta", "last key written first"},
                        {"unicode", unicode},
                        {"escapes", escapes},
                        {"tenth", 0.1},
                        {"huge", 1e300},
                        {"tiny", 5e-324},
                        {"third", 1.0 / 3.0},
                        {"whole_double", 2.0},
                        {"negative_zero", -0.0},
                        {"int64_max", big},
                        {"int64_min", small},
                        {"uint64_max", ubig},
                        {"short", -7},
                        {"flag", true},
                        {"off", false},
                        {"nothing", nullptr},
                        {"tags", tags},
                        {"nested", {{"b", 1}, {"a", {{"deep", "x"}}}}},
                        {"literal", {{"y", 2}, {"x", {{"deep", nullptr}}}}},
                        {"list", json::array({json{{"n", 1}}, json::object()})},
                        {"view", "a view"}};
    CHECK(p.dump() == expected.dump());
    CHECK(p.json() == expected);
    // Read back from the text it stores, the same payload again.
    CHECK(Payload::parse(p.dump()) == p);
    CHECK(Payload::parse(p.dump()).dump() == expected.dump());
    CHECK(Payload{}.dump() == "{}");
}

TEST_CASE("a payload's typed getters read fields and fail as nlohmann's at() and value() did") {
    const Payload p = Payload::parse(R"({"card":"c-1","rating":3,"score":{"percent":92.5,"scored":true},)"
                                     R"("tags":["a","b"],"ok":false,"n":"7"})");
    CHECK(p.string("card") == "c-1");
    CHECK(p.integer("rating") == 3);
    CHECK(p.number("rating") == 3.0);
    CHECK_FALSE(p.boolean("ok"));
    CHECK(p.strings("tags") == std::vector<std::string>{"a", "b"});
    CHECK(p.object("score").number("percent") == 92.5);
    CHECK(p.find_object("score")->boolean("scored"));
    CHECK_FALSE(p.find_object("card"));
    CHECK(p.string_or("missing", "fallback") == "fallback");
    CHECK(p.integer_or("missing", -1) == -1);
    CHECK(p.find_string("card") == "c-1");
    CHECK_FALSE(p.find_string("rating"));
    CHECK_FALSE(p.find_integer("n")); // a string, not an integer
    CHECK(p.find_integer("rating") == 3);
    CHECK_FALSE(p.find_boolean("missing"));
    CHECK(p.contains("ok"));
    CHECK_FALSE(p.contains("missing"));

    // The same exceptions and messages as the nlohmann calls the readers made before.
    const json j = p.json();
    const auto message = [](auto&& f) {
        try {
            f();
        } catch (const std::exception& x) {
            CHECK(trainer::store::is_json_error(x));
            return std::string(x.what());
        }
        return std::string("no error");
    };
    CHECK(message([&] { (void)p.string("missing"); }) == message([&] { (void)j.at("missing").get<std::string>(); }));
    CHECK(message([&] { (void)p.string("rating"); }) == message([&] { (void)j.at("rating").get<std::string>(); }));
    CHECK(message([&] { (void)p.integer("card"); }) == message([&] { (void)j.at("card").get<std::int64_t>(); }));
    CHECK(message([&] { (void)p.string_or("rating", ""); }) == message([&] { (void)j.value("rating", ""); }));
    CHECK(message([&] { const auto parsed = Payload::parse("{\"a\":"); (void)parsed; }) == message([&] { const auto parsed = json::parse("{\"a\":"); (void)parsed; }));
    CHECK_FALSE(trainer::store::is_json_error(std::runtime_error("other")));
}

TEST_CASE("setting a field of a copied payload leaves the other copy as it was") {
    Payload a{{"card", "c-1"}};
    const Payload b = a;
    a.set("scheduler", Payload{{"w", 0.5}});
    a.set("card", "c-2");
    CHECK(a.dump() == R"({"card":"c-2","scheduler":{"w":0.5}})");
    CHECK(b.dump() == R"({"card":"c-1"})");
    a.erase("scheduler");
    CHECK(a.dump() == R"({"card":"c-2"})");
    // A nested payload read out of another one is its own value once set.
    const Payload outer{{"inner", Payload{{"x", 1}}}};
    Payload inner = outer.object("inner");
    inner.set("y", 2);
    CHECK(inner.dump() == R"({"x":1,"y":2})");
    CHECK(outer.dump() == R"({"inner":{"x":1}})");
    const auto items = outer.items();
    REQUIRE(items.size() == 1);
    CHECK(items[0].first == "inner");
    CHECK(items[0].second.integer("x") == 1);
}
