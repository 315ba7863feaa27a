#include "trainer/store/payload.hpp"

#include <nlohmann/json.hpp>

namespace trainer::store {

using Json = nlohmann::json;

namespace {

const Json& empty_object() {
    static const Json empty = Json::object();
    return empty;
}

Json to_json(const PayloadValue& v);

// The member `key` of n, null when n is no object or has none.
const Json* field(const Json& n, std::string_view key) {
    if (!n.is_object()) return nullptr;
    const auto it = n.find(key);
    return it == n.end() ? nullptr : &*it;
}

Json to_json(const Payload& p) { return p.json(); }

Json to_json(const PayloadValue& v) {
    switch (v.kind()) {
    case PayloadValue::Kind::Null: return nullptr;
    case PayloadValue::Kind::Bool: return v.boolean();
    case PayloadValue::Kind::Int: return v.int64();
    case PayloadValue::Kind::Uint: return v.uint64();
    case PayloadValue::Kind::Double: return v.number();
    case PayloadValue::Kind::String: return std::string(v.text());
    case PayloadValue::Kind::Object: return to_json(*static_cast<const Payload*>(v.ref()));
    case PayloadValue::Kind::Fields: {
        Json out = Json::object();
        for (const PayloadField& f : v.fields()) out.emplace(std::string(f.key), to_json(f.value));
        return out;
    }
    case PayloadValue::Kind::Strings: return *static_cast<const std::vector<std::string>*>(v.ref());
    case PayloadValue::Kind::Ints: return *static_cast<const std::vector<int>*>(v.ref());
    case PayloadValue::Kind::TextMap: return *static_cast<const std::map<std::string, std::string>*>(v.ref());
    case PayloadValue::Kind::LocalMap: {
        Json out = Json::object();
        for (const auto& [k, text] : *static_cast<const std::map<std::string, std::string, std::less<>>*>(v.ref()))
            out[k] = text;
        return out;
    }
    case PayloadValue::Kind::IntMap: return *static_cast<const std::map<std::string, int>*>(v.ref());
    case PayloadValue::Kind::NumberMap: return *static_cast<const std::map<std::string, double>*>(v.ref());
    case PayloadValue::Kind::Objects: {
        Json out = Json::array();
        for (const Payload& p : *static_cast<const std::vector<Payload>*>(v.ref())) out.push_back(p.json());
        return out;
    }
    case PayloadValue::Kind::Json: return *static_cast<const Json*>(v.ref());
    }
    return nullptr;
}

} // namespace

Payload::Payload() = default;

Payload::Payload(std::initializer_list<PayloadField> fields) {
    auto root = std::make_shared<Json>(Json::object());
    for (const PayloadField& f : fields) root->emplace(std::string(f.key), to_json(f.value));
    root_ = std::move(root);
}

Payload::Payload(nlohmann::json j) : root_(std::make_shared<Json>(std::move(j))) {}

Payload::Payload(std::shared_ptr<const Json> root, const Json* node) : root_(std::move(root)), node_(node) {}

Payload Payload::parse(std::string_view text) { return Payload(Json::parse(text)); }

const Json& Payload::node() const {
    if (!root_) return empty_object();
    return node_ ? *node_ : *root_;
}

const Json& Payload::json() const { return node(); }
std::string Payload::dump() const { return node().dump(); }
bool Payload::is_object() const { return node().is_object(); }
bool Payload::empty() const { return !node().is_object() || node().empty(); }
bool Payload::operator==(const Payload& o) const { return node() == o.node(); }

// The tree to change: this payload's own when no copy shares it (every tree is made non-const
// by this file, so writing through it is sound), else a copy of the value.
Json& Payload::own() {
    if (!root_ || node_ || root_.use_count() != 1) {
        root_ = std::make_shared<Json>(node());
        node_ = nullptr;
    }
    return const_cast<Json&>(*root_);
}

void Payload::assign(Json&& j) {
    if (root_ && !node_ && root_.use_count() == 1) {
        const_cast<Json&>(*root_) = std::move(j); // see own()
        return;
    }
    root_ = std::make_shared<Json>(std::move(j));
    node_ = nullptr;
}

void Payload::set(std::string_view key, const PayloadValue& value) { own()[std::string(key)] = to_json(value); }

void Payload::erase(std::string_view key) {
    if (contains(key)) own().erase(std::string(key));
}

bool Payload::contains(std::string_view key) const { return node().is_object() && node().contains(key); }

std::string Payload::string(std::string_view key) const { return node().at(key).get<std::string>(); }
std::int64_t Payload::integer(std::string_view key) const { return node().at(key).get<std::int64_t>(); }
double Payload::number(std::string_view key) const { return node().at(key).get<double>(); }
bool Payload::boolean(std::string_view key) const { return node().at(key).get<bool>(); }
std::vector<std::string> Payload::strings(std::string_view key) const {
    return node().at(key).get<std::vector<std::string>>();
}

Payload Payload::object(std::string_view key) const {
    const Json& child = node().at(key); // an empty payload (no tree) has no field: throws
    return Payload(root_, &child);
}

std::string Payload::string_or(std::string_view key, std::string_view fallback) const {
    return node().value(key, std::string(fallback));
}
std::int64_t Payload::integer_or(std::string_view key, std::int64_t fallback) const { return node().value(key, fallback); }
std::uint64_t Payload::unsigned_or(std::string_view key, std::uint64_t fallback) const {
    return node().value(key, fallback);
}
double Payload::number_or(std::string_view key, double fallback) const { return node().value(key, fallback); }
bool Payload::boolean_or(std::string_view key, bool fallback) const { return node().value(key, fallback); }

std::optional<std::string> Payload::find_string(std::string_view key) const {
    const Json* f = field(node(), key);
    if (!f || !f->is_string()) return std::nullopt;
    return f->get<std::string>();
}

std::optional<std::int64_t> Payload::find_integer(std::string_view key) const {
    const Json* f = field(node(), key);
    if (!f || !f->is_number_integer()) return std::nullopt;
    return f->get<std::int64_t>();
}

std::optional<double> Payload::find_number(std::string_view key) const {
    const Json* f = field(node(), key);
    if (!f || !f->is_number()) return std::nullopt;
    return f->get<double>();
}

std::optional<bool> Payload::find_boolean(std::string_view key) const {
    const Json* f = field(node(), key);
    if (!f || !f->is_boolean()) return std::nullopt;
    return f->get<bool>();
}

std::optional<Payload> Payload::find_object(std::string_view key) const {
    const Json* f = field(node(), key);
    if (!f || !f->is_object()) return std::nullopt;
    return Payload(root_, f);
}

std::vector<std::pair<std::string, Payload>> Payload::items() const {
    std::vector<std::pair<std::string, Payload>> out;
    const Json& n = node();
    if (!n.is_object() || !root_) return out;
    out.reserve(n.size());
    for (auto it = n.begin(); it != n.end(); ++it) out.emplace_back(it.key(), Payload(root_, &it.value()));
    return out;
}

std::vector<Payload> Payload::elements() const {
    std::vector<Payload> out;
    if (!root_) return out;
    for (const Json& v : node()) out.push_back(Payload(root_, &v));
    return out;
}

std::optional<std::string> Payload::as_string() const {
    if (!node().is_string()) return std::nullopt;
    return node().get<std::string>();
}

std::optional<std::int64_t> Payload::as_integer() const {
    if (!node().is_number_integer()) return std::nullopt;
    return node().get<std::int64_t>();
}

bool Payload::is_null() const { return node().is_null(); }
std::string Payload::string() const { return node().get<std::string>(); }
std::int64_t Payload::integer() const { return node().get<std::int64_t>(); }
bool Payload::boolean() const { return node().get<bool>(); }
std::vector<std::string> Payload::strings() const { return node().get<std::vector<std::string>>(); }

std::string json_text(const PayloadValue& v) { return to_json(v).dump(); }

bool is_json_error(const std::exception& x) { return dynamic_cast<const Json::exception*>(&x) != nullptr; }

} // namespace trainer::store
