#pragma once
#include <filesystem>
#include <string>

namespace kiosk {

// Reads the current framebuffer and writes it as a PNG; returns an error message or "".
std::string write_screenshot(const std::filesystem::path& path, int width, int height);

} // namespace kiosk
