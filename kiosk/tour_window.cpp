#include "kiosk/tour_window.hpp"

#include "kiosk/app_state.hpp"
#include "kiosk/screenshot.hpp"
#include "kiosk/text_dump.hpp"

#include <GLFW/glfw3.h>

#include <chrono>
#include <iostream>
#include <system_error>
#include <thread>

namespace kiosk {

namespace {

// Asks for the size and waits (briefly) until the X server has given it: the next frame must be
// laid out at the new size, not the old one.
bool resize(GLFWwindow* window, TourSize size) {
    int w = 0, h = 0;
    glfwGetWindowSize(window, &w, &h);
    if (w == size.width && h == size.height) return true;
    glfwSetWindowSize(window, size.width, size.height);
    for (int i = 0; i < 400; ++i) {
        glfwPollEvents();
        glfwGetFramebufferSize(window, &w, &h);
        if (w == size.width && h == size.height) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

} // namespace

bool tour_advance(Tour& tour, App& app, GLFWwindow* window, int fb_width, int fb_height, int& rc) {
    const auto& plan = tour.plan();
    if (const TourStep* done = tour.current()) {
        const auto stem = done->out_stem(plan.dir);
        std::string err = text_dump::write(stem.string() + ".json", app.screen_name());
        if (err.empty() && plan.png) err = write_screenshot(stem.string() + ".png", fb_width, fb_height);
        if (!err.empty()) {
            std::cerr << "kiosk: tour: " << err << "\n";
            rc = 1;
            return false;
        }
    } else {
        std::error_code ec;
        std::filesystem::create_directories(plan.dir, ec);
        if (ec) {
            std::cerr << "kiosk: tour: cannot create " << plan.dir.string() << ": " << ec.message() << "\n";
            rc = 1;
            return false;
        }
    }
    const TourStep* step = tour.next();
    if (!step) return false;
    if (!resize(window, step->size)) {
        std::cerr << "kiosk: tour: the window did not take the size " << step->size.width << "x" << step->size.height
                  << " (is the screen smaller?)\n";
        rc = 1;
        return false;
    }
    app.tour_show(step->lang, step->target);
    return true;
}

} // namespace kiosk
