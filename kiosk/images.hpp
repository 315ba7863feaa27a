#pragma once
// Pictures on lesson pages (content "image": "assets/..."): PNG/JPEG files decoded with stb_image
// and uploaded as OpenGL textures on first use, kept for the life of the window. A file that is
// missing or cannot be decoded is remembered as such and reported once on stderr.
#include <imgui.h>

#include <filesystem>
#include <map>
#include <string>

namespace kiosk {

struct Picture {
    ImTextureID texture = nullptr;
    int width = 0, height = 0;
};

class ImageCache {
public:
    explicit ImageCache(std::filesystem::path root) : root_(std::move(root)) {} // where "assets/..." starts
    ~ImageCache();
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    // nullptr when the picture cannot be shown. Needs the OpenGL context (call while drawing).
    const Picture* get(const std::string& relative_path);

private:
    std::filesystem::path root_;
    std::map<std::string, Picture> loaded_; // texture null: tried and failed
};

} // namespace kiosk
