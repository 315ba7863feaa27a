#pragma once
// A badge reader is a keyboard that types the badge id and Enter, fast. Outside text fields we
// collect those characters; a burst that ends in Enter is a scan.
#include <optional>
#include <string>

namespace kiosk {

class BadgeReader {
public:
    // Call once per frame; returns the badge id when a scan completed this frame.
    std::optional<std::string> poll(double now_seconds);

private:
    std::string buffer_;
    double last_char_s_ = 0;
    double last_poll_s_ = -1;      // the previous frame's time
};

} // namespace kiosk
