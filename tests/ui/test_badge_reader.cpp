// A badge scan is told from a person's typing by the keystrokes' own times (kiosk/badge_reader.hpp),
// not by frame timing: a scan spread over slow frames is still a scan (issue 14 point 4: a lead's
// scan on a loaded kiosk landed in the search field), and a person's keys stay a person's.
#include "kiosk/badge_reader.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using kiosk::BadgeReader;
using kiosk::KeyStroke;

namespace {

// Keystrokes delivered while the loop waited for input: each arrived when delivered.
std::vector<KeyStroke> typed(const std::string& text, double start_s, double gap_s, bool enter = true) {
    std::vector<KeyStroke> out;
    double t = start_s;
    for (char c : text) {
        out.push_back(KeyStroke{static_cast<char32_t>(c), t, t, false});
        t += gap_s;
    }
    if (enter) out.push_back(KeyStroke{0, t, t, true});
    return out;
}

} // namespace

TEST_CASE("a badge reader's burst ending in Enter is a scan; a person's keys are not", "[badge]") {
    BadgeReader r;
    CHECK(r.feed(typed("B-9001", 10.0, 0.004), false) == std::optional<std::string>("B-9001"));
    // A lead ticking checklist steps 1, 2, 3 and Enter at a person's pace.
    CHECK_FALSE(r.feed(typed("123", 20.0, 0.15), false));
    // Too short, or a pause before Enter.
    CHECK_FALSE(r.feed(typed("B1", 30.0, 0.004), false));
    auto paused = typed("B-1001", 40.0, 0.004, false);
    paused.push_back(KeyStroke{0, 41.0, 41.0, true});
    CHECK_FALSE(r.feed(paused, false));
    // A space is never in a badge: what comes before it is not part of the next id.
    CHECK(r.feed(typed("ab B-1001", 50.0, 0.004), false) == std::optional<std::string>("B-1001"));
}

TEST_CASE("a scan spread over slow frames is still one scan", "[badge]") {
    BadgeReader r;
    // Frame 1 (polled after a 300 ms frame) delivered "B-90"; frame 2 delivered "01" and Enter.
    // Delivery times are 300 ms apart, but each key may have arrived just after the previous look
    // at the queue (after_s), so the gaps' lower bounds are small.
    std::vector<KeyStroke> frame1, frame2;
    for (char c : std::string("B-90")) frame1.push_back(KeyStroke{static_cast<char32_t>(c), 5.300, 5.000, false});
    for (char c : std::string("01")) frame2.push_back(KeyStroke{static_cast<char32_t>(c), 5.600, 5.301, false});
    frame2.push_back(KeyStroke{0, 5.600, 5.301, true});
    CHECK_FALSE(r.feed(frame1, false));
    CHECK(r.feed(frame2, false) == std::optional<std::string>("B-9001"));
    // The same keys with the loop waiting between them (each arrived when delivered) are a person.
    std::vector<KeyStroke> slow1, slow2;
    for (char c : std::string("B-90")) slow1.push_back(KeyStroke{static_cast<char32_t>(c), 8.3, 8.3, false});
    for (char c : std::string("01")) slow2.push_back(KeyStroke{static_cast<char32_t>(c), 8.6, 8.6, false});
    slow2.push_back(KeyStroke{0, 8.6, 8.6, true});
    CHECK_FALSE(r.feed(slow1, false));
    CHECK_FALSE(r.feed(slow2, false)); // "01" alone is too short
}

TEST_CASE("in a text field only an id with a digit is a badge", "[badge]") {
    BadgeReader r;
    CHECK_FALSE(r.feed(typed("coaching", 1.0, 0.004), true)); // a fast typist's search
    CHECK(r.feed(typed("B-1001", 2.0, 0.004), true) == std::optional<std::string>("B-1001"));
}
