#include "kiosk/fonts.hpp"

#include <imgui.h>

#include <fstream>
#include <vector>

namespace kiosk {

namespace {

// Basic Latin + Latin-1, Latin Extended-A (Polish), Cyrillic (Russian, Ukrainian), general
// punctuation („ ” « » — … •), arrows and a check mark used by the UI.
const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0400, 0x045F, 0x2010, 0x2027,
                           0x2030, 0x203A, 0x2190, 0x2193, 0x2713, 0x2717, 0};

std::vector<std::filesystem::path> read_font_list(const std::filesystem::path& assets_dir) {
    // fonts.txt: "regular PATH" and "bold PATH" lines; the first existing file of each wins.
    std::vector<std::filesystem::path> out(2);
    std::ifstream in(assets_dir / "fonts.txt");
    std::string kind, path;
    while (in >> kind >> path) {
        const std::size_t slot = kind == "bold" ? 1 : 0;
        std::filesystem::path p = path;
        if (p.is_relative()) p = assets_dir / p;
        std::error_code ec;
        if (out[slot].empty() && std::filesystem::exists(p, ec)) out[slot] = p;
    }
    return out;
}

} // namespace

std::string load_fonts(const std::filesystem::path& assets_dir, float scale, Fonts& out) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const auto files = read_font_list(assets_dir);
    if (files[0].empty()) {
        ImFontConfig cfg;
        cfg.SizePixels = 20.0f * scale;
        out.small = out.body = out.large = out.title = io.Fonts->AddFontDefault(&cfg);
        return "no font from " + (assets_dir / "fonts.txt").string() +
               " was found; Polish and Russian letters will not show (install fonts-dejavu-core)";
    }
    const auto& bold = files[1].empty() ? files[0] : files[1];
    ImFontConfig cfg;
    cfg.OversampleH = 1; // keeps the atlas (and memory) small; text stays crisp at 1:1
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    auto add = [&](const std::filesystem::path& file, float px) {
        return io.Fonts->AddFontFromFileTTF(file.c_str(), px * scale, &cfg, kRanges);
    };
    out.body = add(files[0], 21.0f); // the first font added is ImGui's default
    out.small = add(files[0], 17.0f);
    out.large = add(files[0], 26.0f);
    out.title = add(bold, 32.0f);
    if (!out.body || !out.small || !out.large || !out.title) return "a font file could not be read";
    return {};
}

} // namespace kiosk
