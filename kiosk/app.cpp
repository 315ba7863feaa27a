// The window and its loop: GLFW + OpenGL3 + Dear ImGui. Sleeps until input or a timer
// (glfwWaitEventsTimeout), so a kiosk left on all day does not burn a core.
#include "kiosk/app.hpp"

#include "kiosk/app_state.hpp"
#include "kiosk/fonts.hpp"
#include "kiosk/input.hpp"
#include "kiosk/options.hpp"
#include "kiosk/screenshot.hpp"
#include "kiosk/theme.hpp"
#include "trainer/content/loader.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <future>
#include <iostream>

namespace kiosk {

namespace {

constexpr double kContentPollSeconds = 2.0;

GLFWwindow* create_window(const Options& o) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    if (o.desk) glfwWindowHint(GLFW_FLOATING, GLFW_TRUE); // always on top while on a call
    int w = o.width, h = o.height;
    if (o.desk && w == 1280 && h == 800) w = 560, h = 720;
    GLFWmonitor* monitor = nullptr;
    if (o.fullscreen) {
        monitor = glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr)
            w = mode->width, h = mode->height;
    }
    return glfwCreateWindow(w, h, "Service standards", monitor, nullptr);
}

} // namespace

int run_app(int argc, char** argv) {
    Options options;
    if (auto err = parse_options({argv + 1, argv + argc}, options)) {
        const bool help = *err == usage();
        (help ? std::cout : std::cerr) << *err;
        return help ? 0 : 2;
    }
    // Reading and validating the content takes a while; do it while the window system starts.
    auto content = std::async(std::launch::async, [dir = options.content] { return trainer::content::load_content(dir); });
    glfwSetErrorCallback([](int code, const char* msg) { std::cerr << "glfw " << code << ": " << msg << "\n"; });
    if (!glfwInit()) {
        std::cerr << "kiosk: cannot start the window system (is there a display? try xvfb-run)\n";
        return 1;
    }
    GLFWwindow* window = create_window(options);
    if (!window) {
        std::cerr << "kiosk: cannot open an OpenGL 3 window\n";
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk keeps no window layout between runs
    Fonts fonts;
    if (auto err = load_fonts(options.assets, options.scale, fonts); !err.empty())
        std::cerr << "kiosk: " << err << "\n";
    apply_theme(options.scale);
    input::install_key_queue(window); // before ImGui's callbacks, which chain to it
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");

    int rc = 0;
    {
        App app(options, fonts, content.get());
        int frame = 0;
        int settle = 2; // frames still to draw after an event so hover/layout catch up
        auto last_poll = std::chrono::steady_clock::now();
        while (!glfwWindowShouldClose(window)) {
            if (options.frames > 0) {
                glfwPollEvents();
            } else if (settle > 0) {
                glfwPollEvents();
                --settle;
            } else {
                glfwWaitEventsTimeout(app.wake_timeout_seconds());
                settle = 2;
            }
            const auto now = std::chrono::steady_clock::now();
            if (now - last_poll > std::chrono::duration<double>(kContentPollSeconds)) {
                app.poll_content();
                last_poll = now;
            }
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            // A screenshot run has no person at the mouse: wherever the X pointer happens to be
            // (the screen's centre under Xvfb) must not paint a hover highlight into the PNG.
            if (options.frames > 0) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
            ImGui::NewFrame();
            input::begin_frame();
            app.draw_frame();
            if (app.take_redraw_request()) settle = std::max(settle, 1);
            ImGui::Render();
            int w, h;
            glfwGetFramebufferSize(window, &w, &h);
            glViewport(0, 0, w, h);
            const ImVec4 bg = theme::kBackground;
            glClearColor(bg.x, bg.y, bg.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (frame == 0) io.Fonts->ClearTexData(); // the atlas now lives on the GPU only
            if (!app.busy()) ++frame; // a screenshot waits for a PIN check to finish
            if (options.frames > 0 && frame >= options.frames) {
                if (!options.screenshot.empty()) {
                    if (auto err = write_screenshot(options.screenshot, w, h); !err.empty()) {
                        std::cerr << "kiosk: " << err << "\n";
                        rc = 1;
                    }
                }
                glfwSwapBuffers(window);
                break;
            }
            glfwSwapBuffers(window);
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return rc;
}

} // namespace kiosk
