#pragma once
// What the last frame drew, as text (`--dump-text FILE`): the screen id and every text item with
// its rectangle and whether its window (or table cell) clips it. Window tests read it to check
// that the expected screen is up with its key strings, and that no text is cut off.
//
// Every text Dear ImGui draws ends in ImDrawList::AddText. The kiosk's link wraps those two
// functions (-Wl,--wrap, see CMakeLists.txt), so no screen has to cooperate and none can forget.
// Recording is off unless a dump was asked for: then the wrapper is a single flag test.
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::text_dump {

struct Item {
    std::string text;          // UTF-8, as drawn (the "##id" part already cut by ImGui)
    float x = 0, y = 0;        // top left, in screen pixels
    float w = 0, h = 0;        // the size ImGui lays the text out in (wrapping included)
    float clip[4] = {0, 0, 0, 0}; // the clip rectangle in force: x1, y1, x2, y2
    bool clipped = false;      // cut off: sticks out sideways, or vertically where nothing scrolls
    std::string window;        // the window whose draw list holds it
    unsigned color = 0;        // as drawn, 0xRRGGBB: tells a selected tab or button from the others
};

// Turns recording on or off (off: nothing is kept).
void set_enabled(bool on);
bool enabled();
// Forgets the previous frame's items (call before each frame).
void begin_frame();
// What the current frame has drawn so far.
const std::vector<Item>& items();
// Records one text item; called by the AddText wrappers (and by tests).
void record(Item item);

// The items of the frame that reached the screen (in a shown window, not wholly outside their clip
// rectangle), with `clipped` decided. Call after ImGui::Render().
std::vector<Item> on_screen();

// {"screen": ..., "items": [{"text", "x", "y", "w", "h", "clip", "clipped", "window", "color"}, ...]}
// ("color": "#rrggbb")
std::string to_json(const std::string& screen, const std::vector<Item>& items);
// Writes to_json(screen, on_screen()); the error (empty on success).
std::string write(const std::filesystem::path& path, const std::string& screen);

} // namespace kiosk::text_dump
