#pragma once
// The one place that knows key codes. Dear ImGui 1.86 has no named letter/digit keys; the GLFW
// backend indexes io.KeysDown by GLFW_KEY_*, so screens ask here instead.
namespace kiosk::input {

enum class Key { Space, Enter, Escape, Left, Right, Backspace, F5 };

// True once when the key goes down (with repeat), unless a text field has the keyboard.
bool pressed(Key k);
// A digit 0-9 typed on the main row or the keypad; -1 when none.
int digit_pressed();
// GLFW key code for a key (tests use it to feed io.KeysDown).
int code(Key k);
int digit_code(int d);

} // namespace kiosk::input
