// The window and its loop: GLFW + OpenGL3 + Dear ImGui. Sleeps until input or a timer
// (glfwWaitEventsTimeout), so a kiosk left on all day does not burn a core.
#include "kiosk/app.hpp"

#include "kiosk/app_state.hpp"
#include "kiosk/fonts.hpp"
#include "kiosk/input.hpp"
#include "kiosk/options.hpp"
#include "kiosk/screenshot.hpp"
#include "kiosk/text_dump.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/tour_window.hpp"
#include "trainer/store/checked_state.hpp"
#include "trainer/app/organisation_config.hpp"
#include "trainer/content/loader.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <csignal>
#include <chrono>
#include <cstdlib>
#include <malloc.h>
#include <future>
#include <iostream>

namespace kiosk {

namespace {

constexpr double kContentPollSeconds = 2.0;

// SIGTERM / SIGINT (a service manager stopping the kiosk): leave the loop as a closed window does,
// so a grade still being written is committed or named in the log (kiosk/flows/review_flow.hpp).
volatile std::sig_atomic_t g_stop_signal = 0;
void on_stop_signal(int) { g_stop_signal = 1; }

// KIOSK_TIMING=1: milliseconds since start for each start-up stage on stderr (bench/ uses it).
void stage(const char* what) {
    static const bool on = std::getenv("KIOSK_TIMING") != nullptr;
    static const auto t0 = std::chrono::steady_clock::now();
    if (on)
        std::cerr << "kiosk: timing " << what << " "
                  << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() << " ms\n";
}

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
    stage("start");
    // The organisation's days (docs/figures.md): a refused config stops the kiosk before it
    // counts anything on the wrong day.
    try {
        trainer::app::apply_organisation_config(options.content);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: the organisation config is refused:\n" << e.what() << "\n";
        return 2;
    }
    // Reading and validating the content and rasterising the fonts take a while: both run on
    // threads while the window system starts (which mostly waits on the X server and Mesa).
    auto content = std::async(std::launch::async, [dir = options.content] { return trainer::content::load_content(dir); });
    // The fonts, then the App itself (catalogs, database, content library, services): none of it
    // needs the window or an ImGui context, so it is all ready when the window is.
    struct Ready {
        PreparedFonts fonts;
        std::unique_ptr<App> app;
    };
    auto ready = std::async(std::launch::async, [&options, &content] {
        Ready r{prepare_fonts(options.assets, options.scale), nullptr};
        r.app = std::make_unique<App>(options, r.fonts.fonts, content.get());
        malloc_trim(0); // hand back what start-up left in this thread's malloc arena
        return r;
    });
    glfwSetErrorCallback([](int code, const char* msg) { std::cerr << "glfw " << code << ": " << msg << "\n"; });
    if (!glfwInit()) {
        std::cerr << "kiosk: cannot start the window system (is there a display? try xvfb-run)\n";
        return 1;
    }
    stage("glfw init");
    GLFWwindow* window = create_window(options);
    stage("window");
    if (!window) {
        std::cerr << "kiosk: cannot open an OpenGL 3 window\n";
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    Ready started = ready.get();
    PreparedFonts& fonts_ready = started.fonts; // the atlas outlives the ImGui context
    ImGui::CreateContext(fonts_ready.atlas.get());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk keeps no window layout between runs
    if (!fonts_ready.error.empty()) std::cerr << "kiosk: " << fonts_ready.error << "\n";
    stage("fonts");
    apply_theme(options.scale);
    input::install_key_queue(window); // before ImGui's callbacks, which chain to it
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    // Upload the font atlas now and drop the CPU copy before the first frame, then hand back
    // what the start-up threads left in their malloc arenas: the first frame is where Mesa's
    // shader compiler peaks, and it should not find our leftovers still resident.
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    io.Fonts->ClearTexData();

    int rc = 0;
    text_dump::set_enabled(!options.dump_text.empty() || !options.tour.dir.empty());
    {
        stage("backends");
        App& app = *started.app;
        malloc_trim(0);
        stage("app state");
        int frame = 0;
        Tour tour(options.tour, options.lang, {options.width, options.height});
        int settle = 2; // frames still to draw after an event so hover/layout catch up
        auto last_poll = std::chrono::steady_clock::now();
        std::signal(SIGTERM, on_stop_signal);
        std::signal(SIGINT, on_stop_signal);
        while (!glfwWindowShouldClose(window) && !g_stop_signal) {
            if (options.frames > 0) {
                glfwPollEvents();
                input::listened(false);
            } else if (settle > 0) {
                glfwPollEvents();
                input::listened(false);
                --settle;
            } else {
                // Sleep until input or a timer. Waking only to look at the content folder draws
                // nothing (a software-rendered frame is the costliest thing an idle kiosk does).
                const double timeout = app.wake_timeout_seconds();
                const bool timer_due = timeout < kContentPollSeconds;
                const auto events_before = input::event_count();
                glfwWaitEventsTimeout(timeout);
                input::listened(true);
                const bool woken = timer_due || input::event_count() != events_before;
                bool content_changed = false;
                if (const auto t = std::chrono::steady_clock::now();
                    t - last_poll > std::chrono::duration<double>(kContentPollSeconds)) {
                    content_changed = app.poll_content();
                    last_poll = t;
                }
                if (!woken && !content_changed && !glfwWindowShouldClose(window)) continue;
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
            text_dump::begin_frame();
            ImGui::NewFrame();
            input::begin_frame();
            app.draw_frame();
            if (app.take_redraw_request()) settle = std::max(settle, 1);
            // A tap changes a screen's own state (a tab, a sort) after its buttons were drawn: two
            // more frames show it, since a touch screen sends no mouse movement to wake us.
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || ImGui::IsMouseReleased(ImGuiMouseButton_Left))
                settle = std::max(settle, 2);
            ImGui::Render();
            int w, h;
            glfwGetFramebufferSize(window, &w, &h);
            glViewport(0, 0, w, h);
            const ImVec4 bg = theme::kBackground;
            glClearColor(bg.x, bg.y, bg.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (frame == 0) {
                stage("first frame");
                if (std::getenv("KIOSK_TIMING"))
                    std::cerr << "kiosk: font atlas " << io.Fonts->TexWidth << "x" << io.Fonts->TexHeight << "\n";
            }
            if (!app.busy()) ++frame; // a screenshot waits for a PIN check to finish
            if (options.frames == 0 && !options.dump_text.empty()) (void)text_dump::write(options.dump_text, app.screen_name());
            if (options.frames > 0 && frame >= options.frames && tour.active()) {
                const bool more = tour_advance(tour, app, window, w, h, rc); // kiosk/tour_window.hpp
                glfwSwapBuffers(window);
                if (!more) break;
                frame = 0;
                continue;
            }
            if (options.frames > 0 && frame >= options.frames) {
                if (!options.dump_text.empty()) {
                    if (auto err = text_dump::write(options.dump_text, app.screen_name()); !err.empty()) {
                        std::cerr << "kiosk: " << err << "\n";
                        rc = 1;
                    }
                }
                if (!options.screenshot.empty()) {
                    if (auto err = write_screenshot(options.screenshot, w, h); !err.empty()) {
                        std::cerr << "kiosk: " << err << "\n";
                        rc = 1;
                    }
                }
                glfwSwapBuffers(window);
                stage("swapped");
                break;
            }
            glfwSwapBuffers(window);
        }
        const bool sound = started.app->database_sound();
        started.app.reset(); // before the ImGui context goes
        // Closed cleanly: the next start on untouched files skips the full quick check.
        if (sound) trainer::store::record_checked(options.db);
    }
    stage("app closed");
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    stage("exit");
    return rc;
}

} // namespace kiosk
