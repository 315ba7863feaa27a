#include "kiosk/input.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <vector>

namespace kiosk::input {

namespace {

// Presses queued by the GLFW callback (main thread) and those visible in the current frame.
struct KeyQueue {
    std::vector<int> pending;
    std::vector<int> frame;
};
KeyQueue& queue() {
    static KeyQueue q; // one keyboard per process; GLFW callbacks carry no user pointer here
    return q;
}

std::uint64_t g_events = 0; // anything from the window system since start (main thread only)

void on_key(GLFWwindow*, int key, int, int action, int) {
    ++g_events;
    if (action == GLFW_PRESS || action == GLFW_REPEAT) queue().pending.push_back(key);
}

bool queued(int key) {
    const auto& f = queue().frame;
    return std::find(f.begin(), f.end(), key) != f.end();
}

} // namespace

void install_key_queue(GLFWwindow* window) {
    glfwSetKeyCallback(window, on_key);
    // The rest only count (ImGui's backend, installed after these, chains to them).
    glfwSetCharCallback(window, [](GLFWwindow*, unsigned int) { ++g_events; });
    glfwSetMouseButtonCallback(window, [](GLFWwindow*, int, int, int) { ++g_events; });
    glfwSetScrollCallback(window, [](GLFWwindow*, double, double) { ++g_events; });
    glfwSetCursorPosCallback(window, [](GLFWwindow*, double, double) { ++g_events; });
    glfwSetCursorEnterCallback(window, [](GLFWwindow*, int) { ++g_events; });
    glfwSetWindowFocusCallback(window, [](GLFWwindow*, int) { ++g_events; });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow*) { ++g_events; });
    glfwSetFramebufferSizeCallback(window, [](GLFWwindow*, int, int) { ++g_events; });
}

std::uint64_t event_count() { return g_events; }

void begin_frame() {
    auto& q = queue();
    q.frame.swap(q.pending);
    q.pending.clear();
}

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
    return ImGui::IsKeyPressed(code(k)) || queued(code(k));
}

std::string digits_pressed() {
    std::string out;
    if (ImGui::GetIO().WantTextInput) return out;
    for (int key : queue().frame) {
        if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) out += static_cast<char>('0' + key - GLFW_KEY_0);
        if (key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_9) out += static_cast<char>('0' + key - GLFW_KEY_KP_0);
    }
    if (!out.empty()) return out;
    for (int d = 0; d <= 9; ++d) // no queue (headless tests): the per-frame key state
        if (ImGui::IsKeyPressed(GLFW_KEY_0 + d) || ImGui::IsKeyPressed(GLFW_KEY_KP_0 + d))
            out += static_cast<char>('0' + d);
    return out;
}

} // namespace kiosk::input
