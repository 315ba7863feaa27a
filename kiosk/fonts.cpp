#include "kiosk/fonts.hpp"
#include "trainer/core/read_all.hpp"

#include <imgui.h>

#include <fstream>
#include <iterator>
#include <vector>

namespace kiosk {

namespace {

// Basic Latin + Latin-1, Latin Extended-A (Polish), Cyrillic (Russian, Ukrainian), general
// punctuation („ ” « » — … •), arrows and a check mark used by the UI.
// 0x2009 and 0x202F: the thin and narrow no-break spaces CLDR puts in dates and ranges (i18n/format).
const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0400, 0x045F, 0x2009, 0x2009, 0x2010, 0x2027, 0x202F, 0x202F,
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

namespace {

// `ttf` keeps the file bytes until the atlas is built (the atlas does not own them).
std::string add_fonts(ImFontAtlas& atlas, const std::filesystem::path& assets_dir, float scale, Fonts& out,
                      std::vector<std::vector<char>>& ttf) {
    atlas.Clear();
    const auto files = read_font_list(assets_dir);
    if (files[0].empty()) {
        ImFontConfig cfg;
        cfg.SizePixels = 20.0f * scale;
        out.small = out.body = out.large = out.title = atlas.AddFontDefault(&cfg);
        return "no font from " + (assets_dir / "fonts.txt").string() +
               " was found; Polish and Russian letters will not show (install fonts-dejavu-core)";
    }
    const auto& bold = files[1].empty() ? files[0] : files[1];
    // Each file is read once; its sizes share the bytes (the atlas frees them after the build).
    auto read = [](const std::filesystem::path& file) {
        std::ifstream in(file, std::ios::binary);
        const std::string bytes = trainer::read_all(in);
        return std::vector<char>(bytes.begin(), bytes.end());
    };
    ttf.assign(2, {});
    ttf[0] = read(files[0]);
    if (bold != files[0]) ttf[1] = read(bold);
    std::vector<char>& regular_ttf = ttf[0];
    std::vector<char>& bold_ttf = ttf[1];
    ImFontConfig cfg;
    cfg.OversampleH = 1; // keeps the atlas (and memory) small; text stays crisp at 1:1
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.FontDataOwnedByAtlas = false;
    auto add = [&](std::vector<char>& data, float px) -> ImFont* {
        if (data.empty()) return nullptr;
        return atlas.AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()), px * scale, &cfg, kRanges);
    };
    out.body = add(regular_ttf, 21.0f); // the first font added is ImGui's default
    out.small = add(regular_ttf, 17.0f);
    out.large = add(regular_ttf, 26.0f);
    out.title = add(bold_ttf.empty() ? regular_ttf : bold_ttf, 32.0f);
    if (!out.body || !out.small || !out.large || !out.title) return "a font file could not be read";
    return {};
}

} // namespace

std::string load_fonts(const std::filesystem::path& assets_dir, float scale, Fonts& out) {
    static std::vector<std::vector<char>> ttf; // the atlas is built later, by the caller
    return add_fonts(*ImGui::GetIO().Fonts, assets_dir, scale, out, ttf);
}

PreparedFonts prepare_fonts(const std::filesystem::path& assets_dir, float scale) {
    PreparedFonts p;
    p.atlas = std::make_unique<ImFontAtlas>();
    std::vector<std::vector<char>> ttf;
    p.error = add_fonts(*p.atlas, assets_dir, scale, p.fonts, ttf);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    p.atlas->GetTexDataAsRGBA32(&pixels, &w, &h); // builds; the backend uploads these pixels
    p.atlas->ClearInputData();                    // glyphs are rasterised: the TTF bytes can go
    return p;
}

} // namespace kiosk
