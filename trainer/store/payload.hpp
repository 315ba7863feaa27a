#pragma once
// An event's payload (DESIGN §3) without nlohmann/json.hpp: a unit that builds or reads payloads
// includes this light header (docs/architecture.md, "Light headers").
// - Build: `Payload{{"card", id}, {"rating", 3}}`, fields whose values are strings, numbers,
//   bools, nullptr, a nested Payload, or a list of strings / Payloads. payload.cpp turns them
//   into nlohmann::json, so the stored text is exactly nlohmann's dump() (sorted keys).
// - Read: typed getters that parse nothing (the payload holds its parsed tree, shared between
//   copies): string("card") throws as nlohmann's at(...).get<std::string>() did, string_or()
//   as value(...), find_string() gives nullopt when the field is missing or of another type.
// - json(): the tree itself, for the units that really walk JSON (importers, exporters, the CLI's
//   --json); they include <nlohmann/json.hpp>.
#include <nlohmann/json_fwd.hpp>

#include <concepts>
#include <cstdint>
#include <exception>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace trainer::store {

class Payload;
struct PayloadField;

// One field's value while a payload is built. It refers to its argument (a string, a list, a
// nested payload), so it lives only inside the expression that builds the payload. A braced list
// of fields is a nested object, as with nlohmann: {"score", {{"percent", 90}, {"scored", true}}}.
// Every other constructor but the nested Payload's is a template, so a braced list can never
// become a std::string built from a pointer and a length.
class PayloadValue {
public:
    enum class Kind { Null, Bool, Int, Uint, Double, String, Object, Fields, Strings, Ints, Objects, TextMap, LocalMap, IntMap, NumberMap, Json };

    PayloadValue(const Payload& p) : kind_(Kind::Object), ref_(&p) {}
    PayloadValue(std::initializer_list<PayloadField> fields); // a nested object
    template <class T>
    PayloadValue(const T& v) { // NOLINT(google-explicit-constructor): field values convert
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
            kind_ = Kind::Null;
        } else if constexpr (std::is_same_v<T, bool>) {
            kind_ = Kind::Bool;
            b_ = v;
        } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
            kind_ = Kind::Int;
            i_ = v;
        } else if constexpr (std::is_integral_v<T>) {
            kind_ = Kind::Uint;
            u_ = v;
        } else if constexpr (std::is_floating_point_v<T>) {
            kind_ = Kind::Double;
            d_ = static_cast<double>(v);
        } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
            kind_ = Kind::String;
            text_ = std::string_view(v);
        } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
            kind_ = v ? Kind::String : Kind::Null; // nullopt: null
            if (v) text_ = *v;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            kind_ = Kind::Strings;
            ref_ = &v;
        } else if constexpr (std::is_same_v<T, std::vector<int>>) {
            kind_ = Kind::Ints;
            ref_ = &v;
        } else if constexpr (std::is_same_v<T, std::map<std::string, std::string>>) {
            kind_ = Kind::TextMap;
            ref_ = &v;
        } else if constexpr (std::is_same_v<T, std::map<std::string, std::string, std::less<>>>) {
            kind_ = Kind::LocalMap; // content::LocalText
            ref_ = &v;
        } else if constexpr (std::is_same_v<T, std::map<std::string, int>>) {
            kind_ = Kind::IntMap;
            ref_ = &v;
        } else if constexpr (std::is_same_v<T, std::map<std::string, double>>) {
            kind_ = Kind::NumberMap;
            ref_ = &v;
        } else if constexpr (std::is_same_v<T, std::vector<Payload>>) {
            kind_ = Kind::Objects;
            ref_ = &v;
        } else if constexpr (std::is_same_v<T, nlohmann::json>) {
            kind_ = Kind::Json;
            ref_ = &v;
        } else {
            static_assert(sizeof(T) == 0, "a payload field holds a string (or optional string), a number, a bool, "
                                          "nullptr, a Payload, a std::vector of strings, ints or Payloads, or a "
                                          "std::map from strings to strings, ints or doubles");
        }
    }

    Kind kind() const { return kind_; }
    std::initializer_list<PayloadField> fields() const { return fields_; }
    bool boolean() const { return b_; }
    std::int64_t int64() const { return i_; }
    std::uint64_t uint64() const { return u_; }
    double number() const { return d_; }
    std::string_view text() const { return text_; }
    const void* ref() const { return ref_; }

private:
    Kind kind_ = Kind::Null;
    union {
        bool b_;
        std::int64_t i_ = 0;
        std::uint64_t u_;
        double d_;
    };
    std::string_view text_;
    const void* ref_ = nullptr;
    std::initializer_list<PayloadField> fields_;
};

struct PayloadField {
    PayloadField(std::string_view k, PayloadValue v) : key(k), value(v) {}
    std::string_view key;
    PayloadValue value;
};

inline PayloadValue::PayloadValue(std::initializer_list<PayloadField> fields) : kind_(Kind::Fields), fields_(fields) {}

class Payload {
public:
    Payload(); // {}
    Payload(std::initializer_list<PayloadField> fields);
    // j as it is (an object, for an event). Implicit, so code that builds an nlohmann::json (and
    // includes its header) passes it to an event unchanged.
    Payload(nlohmann::json j); // NOLINT(google-explicit-constructor)
    // The payload a stored text holds; throws nlohmann's parse_error as nlohmann::json::parse does.
    static Payload parse(std::string_view text);

    // The compact JSON text with sorted keys (nlohmann's dump()): what the log stores.
    std::string dump() const;
    const nlohmann::json& json() const;
    bool is_object() const;
    bool empty() const; // no field (or not an object)

    // Becomes j, reusing this payload's tree when no copy shares it (a replay parses millions of
    // payloads into the one Event it reuses: no allocation per event for the tree's root).
    void assign(nlohmann::json&& j);
    // Sets (or replaces) one field; a payload shared with copies is copied first.
    void set(std::string_view key, const PayloadValue& value);
    void erase(std::string_view key);

    bool contains(std::string_view key) const;
    // Required fields: throw nlohmann::json's out_of_range when missing and type_error when of
    // another type (the messages of at(key).get<T>()).
    std::string string(std::string_view key) const;
    std::int64_t integer(std::string_view key) const;
    double number(std::string_view key) const;
    bool boolean(std::string_view key) const;
    Payload object(std::string_view key) const; // any JSON value, shared with this payload
    std::vector<std::string> strings(std::string_view key) const;
    // With a fallback when missing (value(key, fallback): a field of another type throws type_error).
    std::string string_or(std::string_view key, std::string_view fallback) const;
    std::int64_t integer_or(std::string_view key, std::int64_t fallback) const;
    std::uint64_t unsigned_or(std::string_view key, std::uint64_t fallback) const;
    double number_or(std::string_view key, double fallback) const;
    bool boolean_or(std::string_view key, bool fallback) const;
    // nullopt when missing or of another type (find + is_string, is_number_integer, ...).
    std::optional<std::string> find_string(std::string_view key) const;
    std::optional<std::int64_t> find_integer(std::string_view key) const;
    std::optional<double> find_number(std::string_view key) const; // any JSON number
    std::optional<bool> find_boolean(std::string_view key) const;
    std::optional<Payload> find_object(std::string_view key) const; // only a JSON object
    // The object's fields in key order; each value as a Payload (a string, a number, ...).
    std::vector<std::pair<std::string, Payload>> items() const;
    // A list's elements (an object's values, as iterating a JSON value gives them; null: none).
    std::vector<Payload> elements() const;
    // This value itself (an item of items(), a field read by object()): as a string / integer,
    // nullopt otherwise; or required (type_error as get<T>()).
    bool is_null() const;
    std::optional<std::string> as_string() const;
    std::optional<std::int64_t> as_integer() const;
    std::string string() const;
    std::int64_t integer() const;
    bool boolean() const;
    std::vector<std::string> strings() const;

    bool operator==(const Payload& o) const;

private:
    Payload(std::shared_ptr<const nlohmann::json> root, const nlohmann::json* node);
    const nlohmann::json& node() const;
    nlohmann::json& own();

    std::shared_ptr<const nlohmann::json> root_; // null: an empty object
    const nlohmann::json* node_ = nullptr;       // the value within root_ (null: the root)
};

// One value as JSON text (nlohmann's dump()): `json_text(std::vector<std::string>{note})` is ["..."].
std::string json_text(const PayloadValue& v);

// Whether x is an error of nlohmann::json (a parse error, a missing or ill-typed field), for the
// units that name "malformed payload" without including nlohmann/json.hpp.
bool is_json_error(const std::exception& x);

} // namespace trainer::store
