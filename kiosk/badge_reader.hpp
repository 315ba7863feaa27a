#pragma once
// A badge reader is a keyboard that types the badge id and Enter, fast; a person's keys are 100 ms
// or more apart. Each keystroke is stamped when GLFW delivered it and with the earliest moment it
// can have arrived (kiosk/input.cpp): right then when the loop was waiting for input, or any time
// after the previous look at the queue when the loop was busy drawing a frame. The gap between two
// keystrokes is judged by its lower bound, so a scan spread over frames of any length on a loaded
// machine is still a scan; keys a person typed while one slow frame was drawn may look fast too.
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// One keystroke as it arrived: a character, or Enter.
struct KeyStroke {
    char32_t ch = 0;
    double at_s = 0;    // delivered (seconds, glfwGetTime())
    double after_s = 0; // arrived no earlier than this (<= at_s)
    bool enter = false;
};

class BadgeReader {
public:
    // Readers type a character every few milliseconds; people need 100 ms or more between keys (so
    // a lead ticking steps 1, 2, 3 and pressing Enter is not a badge).
    static constexpr double kMaxGapSeconds = 0.08;
    static constexpr std::size_t kMinLength = 3;
    static constexpr std::size_t kMaxLength = 64;

    // Call once per frame: reads this frame's keystrokes (input::strokes()); the badge id when a
    // scan ended this frame.
    std::optional<std::string> poll();
    // The same on given keystrokes, in arrival order. `in_field`: a text field has the keyboard —
    // there only an id with a digit in it is a badge, so a fast typist's word and Enter stay what
    // they were.
    std::optional<std::string> feed(const std::vector<KeyStroke>& strokes, bool in_field);

private:
    std::string buffer_;
    double last_char_s_ = 0;
};

} // namespace kiosk
