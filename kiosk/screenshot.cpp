#include "kiosk/screenshot.hpp"

#include <GLFW/glfw3.h>
#include <stb_image_write.h>

#include <vector>

namespace kiosk {

std::string write_screenshot(const std::filesystem::path& path, int w, int h) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's origin is bottom-left; PNG rows go top-down.
    const int stride = w * 3;
    // No per-row filter: a screen of flat colours compresses as well without one, and a reader
    // (tests/window/check_png.py, run on every window test) inflates it without unfiltering each byte.
    stbi_write_force_png_filter = 0;
    const int ok = stbi_write_png(path.c_str(), w, h, 3, pixels.data() + (h - 1) * stride, -stride);
    return ok ? std::string() : "cannot write the screenshot to " + path.string();
}

} // namespace kiosk
