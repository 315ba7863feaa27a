#include "kiosk/input.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace kiosk::input {

int code(Key k) {
    switch (k) {
    case Key::Space: return GLFW_KEY_SPACE;
    case Key::Enter: return GLFW_KEY_ENTER;
    case Key::Escape: return GLFW_KEY_ESCAPE;
    case Key::Left: return GLFW_KEY_LEFT;
    case Key::Right: return GLFW_KEY_RIGHT;
    case Key::Backspace: return GLFW_KEY_BACKSPACE;
    case Key::F5: return GLFW_KEY_F5;
    }
    return GLFW_KEY_UNKNOWN;
}

int digit_code(int d) { return GLFW_KEY_0 + d; }

bool pressed(Key k) {
    if (ImGui::GetIO().WantTextInput && k != Key::Escape && k != Key::Enter) return false;
    return ImGui::IsKeyPressed(code(k));
}

int digit_pressed() {
    for (int d = 0; d <= 9; ++d)
        if (ImGui::IsKeyPressed(GLFW_KEY_0 + d) || ImGui::IsKeyPressed(GLFW_KEY_KP_0 + d)) return d;
    return -1;
}

} // namespace kiosk::input
