#include "trainer/store/replay_payload.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace trainer::store {

const std::vector<std::string>& ReplayPayloadParser::skipped(const std::string& type, const std::vector<char>& takes) {
    std::string key = type;
    key += '\0';
    for (char t : takes) key += t ? '1' : '0';
    if (auto it = skipped_.find(key); it != skipped_.end()) return it->second;
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
    return skipped_.emplace(std::move(key), std::move(out)).first->second;
}

void ReplayPayloadParser::parse(const std::string& type, std::string_view text, const std::vector<char>& takes,
                                nlohmann::json& out) {
    const auto& skip = skipped(type, takes);
    if (skip.empty()) {
        out = nlohmann::json::parse(text);
        return;
    }
    // Depth 1 is the payload object's own keys; returning false drops the key and its value
    // without building it.
    out = nlohmann::json::parse(text, [&skip](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (depth != 1 || event != nlohmann::json::parse_event_t::key) return true;
        return std::find(skip.begin(), skip.end(), parsed.get_ref<const std::string&>()) == skip.end();
    });
}

} // namespace trainer::store
