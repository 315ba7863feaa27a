#pragma once
// The one place that knows key codes. Dear ImGui 1.86 has no named letter/digit keys; the GLFW
// backend indexes io.KeysDown by GLFW_KEY_*, so screens ask here instead.
#include "kiosk/badge_reader.hpp"

#include <cstdint>
#include <string>
#include <vector>

struct GLFWwindow;

namespace kiosk::input {

enum class Key { Space, Enter, Escape, Left, Right, Backspace, F5 };

// True once when the key goes down (with repeat), unless a text field has the keyboard.
bool pressed(Key k);
// Digits typed on the main row or the keypad this frame, in order ("" when none).
std::string digits_pressed();
// Dear ImGui 1.86 reads key state once per frame, so a press and release that both happen
// between two frames (fast typing, scripted input, badge readers) would be lost. The kiosk
// installs a GLFW key callback (before ImGui's, which chains to it) that queues presses;
// begin_frame() makes them visible to pressed() for exactly one frame.
void install_key_queue(GLFWwindow* window);
// How many window-system events (keys, characters, mouse, focus, resize, expose) have arrived:
// the loop draws after a sleep only when this moved or a timer is due.
std::uint64_t event_count();
void begin_frame();
// Called after each glfwPollEvents (waited = false) or glfwWaitEventsTimeout (true): stamps the
// keystrokes it delivered with the earliest moment they can have arrived (badge_reader.hpp).
void listened(bool waited);
// The characters and Enter presses delivered since the previous frame, each stamped when GLFW
// delivered it (kiosk/badge_reader.hpp tells a scan from a person by these times). Empty without
// the queue (headless tests).
const std::vector<KeyStroke>& strokes();

// GLFW key code for a key (tests use it to feed io.KeysDown).
int code(Key k);
int digit_code(int d);

} // namespace kiosk::input
