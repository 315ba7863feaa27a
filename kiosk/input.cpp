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
    std::vector<KeyStroke> pending_strokes, frame_strokes;
};
KeyQueue& queue() {
    static KeyQueue q; // one keyboard per process; GLFW callbacks carry no user pointer here
    return q;
}

std::uint64_t g_events = 0; // anything from the window system since start (main thread only)
double g_last_listen_s = 0;  // when the previous glfwPollEvents / glfwWaitEventsTimeout returned
std::size_t g_unstamped = 0; // pending strokes delivered by the listen now running: from here on

void on_key(GLFWwindow*, int key, int, int action, int) {
    ++g_events;
    if (action == GLFW_PRESS || action == GLFW_REPEAT) queue().pending.push_back(key);
    if (action == GLFW_PRESS && (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER))
        queue().pending_strokes.push_back(KeyStroke{0, glfwGetTime(), glfwGetTime(), true});
}

void on_char(GLFWwindow*, unsigned int codepoint) {
    ++g_events;
    const double now = glfwGetTime();
    queue().pending_strokes.push_back(KeyStroke{static_cast<char32_t>(codepoint), now, now, false});
}

bool queued(int key) {
    const auto& f = queue().frame;
    return std::find(f.begin(), f.end(), key) != f.end();
}

} // namespace

void install_key_queue(GLFWwindow* window) {
    glfwSetKeyCallback(window, on_key);
    // The rest only count (ImGui's backend, installed after these, chains to them).
    glfwSetCharCallback(window, on_char);
    glfwSetMouseButtonCallback(window, [](GLFWwindow*, int, int, int) { ++g_events; });
    glfwSetScrollCallback(window, [](GLFWwindow*, double, double) { ++g_events; });
    glfwSetCursorPosCallback(window, [](GLFWwindow*, double, double) { ++g_events; });
    glfwSetCursorEnterCallback(window, [](GLFWwindow*, int) { ++g_events; });
    glfwSetWindowFocusCallback(window, [](GLFWwindow*, int) { ++g_events; });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow*) { ++g_events; });
    glfwSetFramebufferSizeCallback(window, [](GLFWwindow*, int, int) { ++g_events; });
}

std::uint64_t event_count() { return g_events; }

void listened(bool waited) {
    auto& strokes = queue().pending_strokes;
    // Waiting, each key was delivered as it came; polling after a frame, any of them may have come
    // just after the previous look at the queue.
    if (!waited)
        for (std::size_t i = g_unstamped; i < strokes.size(); ++i) strokes[i].after_s = g_last_listen_s;
    g_unstamped = strokes.size();
    g_last_listen_s = glfwGetTime();
}

void begin_frame() {
    auto& q = queue();
    q.frame.swap(q.pending);
    q.pending.clear();
    q.frame_strokes.swap(q.pending_strokes);
    q.pending_strokes.clear();
    g_unstamped = 0;
}

const std::vector<KeyStroke>& strokes() { return queue().frame_strokes; }

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
