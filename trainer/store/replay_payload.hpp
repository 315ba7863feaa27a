#pragma once
// Parsing payloads during a replay (a full rebuild, an import's recompute: issue 12 §8). A replay
// parses millions of payloads, and most of a review's payload (the "before" and "after" states the
// desk showed) is read by no projection. This parser leaves out the top-level keys that none of
// the projections taking an event reads (store::Projection::unread_keys), stepping over their
// text without parsing it, and is otherwise nlohmann::json::parse.
#include "trainer/store/payload.hpp"
#include "trainer/store/projection.hpp"


#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace trainer::store {

class ReplayPayloadParser {
public:
    explicit ReplayPayloadParser(const std::vector<Projection>& projections) : projections_(projections) {}
    // takes[i]: whether projections[i] will apply the event. Throws nlohmann's parse_error as parse does.
    void parse(const std::string& type, std::string_view text, const std::vector<char>& takes, Payload& out);

private:
    const std::vector<std::string>& skipped(const std::string& type, const std::vector<char>& takes);

    const std::vector<Projection>& projections_;
    // By event type and the projections taking it: the keys to leave out (usually empty).
    std::unordered_map<std::string, std::vector<std::string>> skipped_;
    // The last answer of skipped() and what it was for.
    std::string last_type_;
    std::vector<char> last_takes_;
    const std::vector<std::string>* last_ = nullptr;
};

} // namespace trainer::store
