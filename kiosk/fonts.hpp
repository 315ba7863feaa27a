#pragma once
// Every font size the kiosk uses, loaded once at start-up with Latin Extended-A and Cyrillic
// glyphs (Dear ImGui 1.86 cannot size fonts dynamically).
#include <filesystem>
#include <string>

#include <memory>

struct ImFont;
struct ImFontAtlas;

namespace kiosk {

struct Fonts {
    ImFont* small = nullptr; // captions, hints
    ImFont* body = nullptr;  // running text
    ImFont* large = nullptr; // card front, buttons on the card screen
    ImFont* title = nullptr; // card title, screen headings (bold)
};

// Loads the fonts named in assets/fonts.txt into the current ImGui context at the given UI
// scale. Returns an error message (empty on success); falls back to ImGui's default font.
std::string load_fonts(const std::filesystem::path& assets_dir, float scale, Fonts& out);
// The same into a stand-alone atlas, built and rasterised (RGBA32, as the OpenGL backend wants),
// with the TTF input freed. Needs no ImGui context: the kiosk runs it on a thread while the
// window system starts, then hands the atlas to ImGui::CreateContext.
struct PreparedFonts {
    std::unique_ptr<ImFontAtlas> atlas;
    Fonts fonts;
    std::string error;
};
PreparedFonts prepare_fonts(const std::filesystem::path& assets_dir, float scale);

} // namespace kiosk
