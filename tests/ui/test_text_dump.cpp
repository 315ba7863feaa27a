// --dump-text (kiosk/text_dump.hpp): every text ImGui draws is seen, text cut off by its window is
// marked, text scrolled out of sight is left out.
#include "harness.hpp"

#include "kiosk/text_dump.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

namespace {

const kiosk::text_dump::Item* find(const std::vector<kiosk::text_dump::Item>& items, const std::string& text) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.text == text; });
    return it == items.end() ? nullptr : &*it;
}

} // namespace

TEST_CASE("the text dump sees every text drawn and marks what its window cuts off", "[text-dump]") {
    test::UiHarness h;
    kiosk::text_dump::set_enabled(true);
    for (int frame = 0; frame < 2; ++frame) { // the second frame has the windows' sizes settled
        kiosk::text_dump::begin_frame();
        h.frame([](const kiosk::UiContext&) {
            ImGui::TextUnformatted("A heading that fits");
            ImGui::Button("Sign in##button");
            // A box that cannot scroll, too narrow for its line.
            ImGui::BeginChild("##box", ImVec2(160, 60), true, ImGuiWindowFlags_NoScrollbar);
            ImGui::TextUnformatted("This sentence is far too long for its little box");
            ImGui::EndChild();
            // A scrolling list: its last rows are out of sight, not cut off.
            ImGui::BeginChild("##list", ImVec2(400, 80), true);
            for (int i = 0; i < 30; ++i) ImGui::Text("Row %d", i);
            ImGui::EndChild();
            ImGui::GetWindowDrawList()->AddText(ImVec2(600, 10), IM_COL32(0, 0, 0, 255), "drawn directly");
            return kiosk::Intent{};
        });
    }
    kiosk::text_dump::set_enabled(false);
    const auto items = kiosk::text_dump::on_screen();

    const auto* heading = find(items, "A heading that fits");
    REQUIRE(heading);
    CHECK_FALSE(heading->clipped);
    CHECK(heading->w > 50);
    CHECK(heading->window == "##screen");
    const auto* button = find(items, "Sign in"); // the ##id is not drawn
    REQUIRE(button);
    CHECK_FALSE(button->clipped);
    const auto* cut = find(items, "This sentence is far too long for its little box");
    REQUIRE(cut);
    CHECK(cut->clipped);
    CHECK(cut->x + cut->w > cut->clip[2]);
    REQUIRE(find(items, "Row 0"));
    CHECK_FALSE(find(items, "Row 0")->clipped);
    CHECK_FALSE(find(items, "Row 29")); // scrolled out of sight: not on screen
    for (const auto& i : items)
        if (i.text.rfind("Row ", 0) == 0) CHECK_FALSE(i.clipped); // a half-shown row scrolls into view
    CHECK(find(items, "drawn directly"));
    CHECK_FALSE(find(items, "Debug")); // ImGui's hidden fallback window

    const std::string json = kiosk::text_dump::to_json("test", items);
    CHECK(json.find("\"screen\": \"test\"") != std::string::npos);
    CHECK(json.find("\"clipped\": true") != std::string::npos);
}

TEST_CASE("with the dump off nothing is recorded", "[text-dump]") {
    test::UiHarness h;
    kiosk::text_dump::set_enabled(false);
    kiosk::text_dump::begin_frame();
    h.frame([](const kiosk::UiContext&) {
        ImGui::TextUnformatted("not recorded");
        return kiosk::Intent{};
    });
    CHECK(kiosk::text_dump::items().empty());
}
