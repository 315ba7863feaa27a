// [SECTION] The keys to leave out, per event type
// [SECTION] A fast path for payloads with keys to leave out
// [SECTION] parse()
#include "trainer/store/replay_payload.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace trainer::store {

// [SECTION] The keys to leave out, per event type ---------------------------------------------

const std::vector<std::string>& ReplayPayloadParser::skipped(const std::string& type, const std::vector<char>& takes) {
    // A replay is mostly one type (reviews): the last answer is the next one, without a look-up.
    if (last_ && type == last_type_ && takes == last_takes_) return *last_;
    std::string key = type;
    key += '\0';
    for (char t : takes) key += t ? '1' : '0';
    auto it = skipped_.find(key);
    if (it == skipped_.end()) {
        // A key is left out only when every projection taking the event says it does not read it.
        std::vector<std::string> out;
        bool first = true;
        for (std::size_t i = 0; i < projections_.size(); ++i) {
            if (!takes[i]) continue;
            const auto& unread = projections_[i].unread_keys;
            if (first) {
                out = unread;
                first = false;
            } else {
                std::erase_if(out, [&](const std::string& k) { return std::find(unread.begin(), unread.end(), k) == unread.end(); });
            }
        }
        it = skipped_.emplace(std::move(key), std::move(out)).first;
    }
    last_type_ = type;
    last_takes_ = takes;
    last_ = &it->second;
    return it->second;
}

// [SECTION] A fast path for payloads with keys to leave out -----------------------------------

namespace {

constexpr std::size_t kBad = std::string_view::npos;

std::size_t skip_space(std::string_view s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    return i;
}

// s[i] is '"': the position after the closing quote.
std::size_t string_end(std::string_view s, std::size_t i) {
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == '"') return i + 1;
    }
    return kBad;
}

// The end of the value starting at s[i]: an object or array by its brackets (strings inside them
// skipped whole), a string by its quote, anything else up to the next delimiter.
std::size_t value_end(std::string_view s, std::size_t i) {
    if (i >= s.size()) return kBad;
    if (s[i] == '"') return string_end(s, i);
    if (s[i] == '{' || s[i] == '[') {
        int depth = 0;
        for (; i < s.size(); ++i) {
            const char c = s[i];
            if (c == '"') {
                i = string_end(s, i);
                if (i == kBad) return kBad;
                --i;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return kBad;
    }
    const std::size_t start = i;
    while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\n' && s[i] != '\r' &&
           s[i] != '\t')
        ++i;
    return i == start ? kBad : i;
}

// One kept value: a plain string or integer directly (as nlohmann's parser would type it), anything
// else through the parser.
nlohmann::json value_of(std::string_view v) {
    if (v.size() >= 2 && v.front() == '"' && v.find('\\') == std::string_view::npos)
        return std::string(v.substr(1, v.size() - 2));
    if (!v.empty() && (v.front() == '-' || (v.front() >= '0' && v.front() <= '9')) &&
        v.find_first_of(".eE") == std::string_view::npos) {
        if (v.front() == '-') {
            std::int64_t n = 0;
            if (auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n); ec == std::errc() && p == v.data() + v.size())
                return n;
        } else {
            std::uint64_t n = 0;
            if (auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n); ec == std::errc() && p == v.data() + v.size())
                return n;
        }
    }
    return nlohmann::json::parse(v);
}

// A payload object whose keys in `skip` are stepped over without being parsed. False when the text
// is not a plain object of that shape (escaped keys, a syntax error): the caller then parses it
// whole, which names any error. The log's payloads were checked when they were stored.
bool parse_skipping(std::string_view s, const std::vector<std::string>& skip, nlohmann::json& out) {
    std::size_t i = skip_space(s, 0);
    if (i >= s.size() || s[i] != '{') return false;
    out = nlohmann::json::object();
    i = skip_space(s, i + 1);
    if (i < s.size() && s[i] == '}') return skip_space(s, i + 1) == s.size();
    for (;;) {
        if (i >= s.size() || s[i] != '"') return false;
        const std::size_t key_end = string_end(s, i);
        if (key_end == kBad) return false;
        const std::string_view key = s.substr(i + 1, key_end - i - 2);
        if (key.find('\\') != std::string_view::npos) return false;
        i = skip_space(s, key_end);
        if (i >= s.size() || s[i] != ':') return false;
        i = skip_space(s, i + 1);
        const std::size_t end = value_end(s, i);
        if (end == kBad) return false;
        if (std::find(skip.begin(), skip.end(), key) == skip.end()) out[std::string(key)] = value_of(s.substr(i, end - i));
        i = skip_space(s, end);
        if (i >= s.size()) return false;
        if (s[i] == '}') return skip_space(s, i + 1) == s.size();
        if (s[i] != ',') return false;
        i = skip_space(s, i + 1);
    }
}

} // namespace

// [SECTION] parse() ------------------------------------------------------------------------------

void ReplayPayloadParser::parse(const std::string& type, std::string_view text, const std::vector<char>& takes,
                                Payload& out) {
    const auto& skip = skipped(type, takes);
    if (skip.empty()) {
        out.assign(nlohmann::json::parse(text));
        return;
    }
    // Most of a review's payload is what the desk showed (before/after): stepped over, not parsed.
    nlohmann::json parsed;
    try {
        if (parse_skipping(text, skip, parsed)) {
            out.assign(std::move(parsed));
            return;
        }
    } catch (const nlohmann::json::exception&) {
    }
    // Depth 1 is the payload object's own keys; returning false drops the key and its value
    // without building it.
    out.assign(nlohmann::json::parse(text, [&skip](int depth, nlohmann::json::parse_event_t event, nlohmann::json& key) {
        if (depth != 1 || event != nlohmann::json::parse_event_t::key) return true;
        return std::find(skip.begin(), skip.end(), key.get_ref<const std::string&>()) == skip.end();
    }));
}

} // namespace trainer::store
