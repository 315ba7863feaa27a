#include "kiosk/text_dump.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace kiosk::text_dump {

namespace {
bool g_enabled = false;
std::vector<Item> g_items;
constexpr float kSlack = 1.0f; // sub-pixel layout rounding is not clipping
} // namespace

void set_enabled(bool on) { g_enabled = on; }
bool enabled() { return g_enabled; }
void begin_frame() { g_items.clear(); }
const std::vector<Item>& items() { return g_items; }
void record(Item item) { g_items.push_back(std::move(item)); }

namespace {
std::string colour_hex(unsigned rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", rgb & 0xffffffu);
    return buf;
}
} // namespace

std::string to_json(const std::string& screen, const std::vector<Item>& list) {
    nlohmann::json j{{"screen", screen}, {"items", nlohmann::json::array()}};
    for (const auto& i : list)
        j["items"].push_back({{"text", i.text},
                              {"x", i.x},
                              {"y", i.y},
                              {"w", i.w},
                              {"h", i.h},
                              {"clip", {i.clip[0], i.clip[1], i.clip[2], i.clip[3]}},
                              {"clipped", i.clipped},
                              {"window", i.window},
                              {"color", colour_hex(i.color)}});
    return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::vector<Item> on_screen() {
    // Only what reached the screen: ImGui's implicit "Debug" window lays out its title every
    // frame but is hidden when nothing was put in it, and text wholly outside its clip rectangle
    // (scrolled away) leaves no pixel.
    std::vector<Item> shown;
    for (auto i : g_items) {
        const ImGuiWindow* w = ImGui::GetCurrentContext() ? ImGui::FindWindowByName(i.window.c_str()) : nullptr;
        if (w && !w->Active) continue;
        if (i.x >= i.clip[2] || i.y >= i.clip[3] || i.x + i.w <= i.clip[0] || i.y + i.h <= i.clip[1]) continue;
        // Cut off = sticks out sideways, or out of the top or bottom of a window the person
        // cannot scroll (a scrolling list's half-shown last row is not lost: it scrolls into view).
        const bool sideways = i.x < i.clip[0] - kSlack || i.x + i.w > i.clip[2] + kSlack;
        const bool vertical = i.y < i.clip[1] - kSlack || i.y + i.h > i.clip[3] + kSlack;
        // A child (a tile, a row) cut by a scrolling window around it scrolls into view too.
        bool scrolls = false;
        for (const ImGuiWindow* s = w; s && !scrolls; s = s->ParentWindow) scrolls = s->ScrollbarY;
        i.clipped = sideways || (vertical && !scrolls);
        shown.push_back(std::move(i));
    }
    return shown;
}

std::string write(const std::filesystem::path& path, const std::string& screen) {
    // Written aside and renamed over the old dump: a test reading it while the kiosk runs never
    // sees half a file.
    const std::filesystem::path part = path.string() + ".part";
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot write the text dump " + path.string();
    out << to_json(screen, on_screen());
    out.close();
    std::error_code ec;
    if (out) std::filesystem::rename(part, path, ec);
    return out && !ec ? std::string{} : "cannot write the text dump " + path.string();
}

// Called by the wrappers below: what AddText is about to draw, measured as ImGui lays it out.
void note(const ImDrawList* dl, const ImFont* font, float size, const ImVec2& pos, ImU32 col, const char* begin,
          const char* end, float wrap_width, const ImVec4* fine_clip) {
    if ((col & IM_COL32_A_MASK) == 0 || !begin) return; // AddText draws nothing either
    if (!end) end = begin + std::strlen(begin);
    if (begin == end) return;
    if (!font) font = ImGui::GetFont();
    if (size == 0.0f) size = ImGui::GetFontSize();
    ImVec4 c = dl->_CmdHeader.ClipRect;
    if (fine_clip) {
        c.x = std::max(c.x, fine_clip->x);
        c.y = std::max(c.y, fine_clip->y);
        c.z = std::min(c.z, fine_clip->z);
        c.w = std::min(c.w, fine_clip->w);
    }
    const ImVec2 sz = font->CalcTextSizeA(size, FLT_MAX, wrap_width, begin, end);
    Item i;
    i.text.assign(begin, end);
    i.x = pos.x, i.y = pos.y, i.w = sz.x, i.h = sz.y;
    i.clip[0] = c.x, i.clip[1] = c.y, i.clip[2] = c.z, i.clip[3] = c.w;
    i.window = dl->_OwnerName ? dl->_OwnerName : "";
    // ImU32 is 0xAABBGGRR: kept as 0xRRGGBB
    i.color = ((col >> IM_COL32_R_SHIFT) & 0xffu) << 16 | ((col >> IM_COL32_G_SHIFT) & 0xffu) << 8 | ((col >> IM_COL32_B_SHIFT) & 0xffu);
    g_items.push_back(std::move(i));
}

} // namespace kiosk::text_dump

// The two AddText overloads, wrapped at link time (-Wl,--wrap=<mangled name>): calls into them from
// ImGui's own objects and from ours land here first; __real_ is the original.
extern "C" {
void __real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(ImDrawList*, const ImFont*, float,
                                                                          const ImVec2&, ImU32, const char*,
                                                                          const char*, float, const ImVec4*);
void __real__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(ImDrawList*, const ImVec2&, ImU32, const char*, const char*);

void __wrap__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(ImDrawList* dl, const ImFont* font,
                                                                          float size, const ImVec2& pos, ImU32 col,
                                                                          const char* begin, const char* end,
                                                                          float wrap_width, const ImVec4* clip) {
    if (kiosk::text_dump::enabled()) kiosk::text_dump::note(dl, font, size, pos, col, begin, end, wrap_width, clip);
    __real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(dl, font, size, pos, col, begin, end,
                                                                          wrap_width, clip);
}

void __wrap__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(ImDrawList* dl, const ImVec2& pos, ImU32 col, const char* begin,
                                                      const char* end) {
    if (kiosk::text_dump::enabled()) kiosk::text_dump::note(dl, nullptr, 0.0f, pos, col, begin, end, 0.0f, nullptr);
    __real__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(dl, pos, col, begin, end);
}
} // extern "C"
