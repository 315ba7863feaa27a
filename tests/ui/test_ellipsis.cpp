// widgets::ellipsize: the one way a text too long for its place is cut (kiosk/widgets.hpp).
#include "harness.hpp"

#include "kiosk/widgets.hpp"

#include <catch2/catch.hpp>

namespace {
float width(const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; }
} // namespace

TEST_CASE("a long text is cut at a word boundary with an ellipsis, and always fits") {
    test::UiHarness ui;
    ui.frame([&](const kiosk::UiContext&) {
        const std::string title = "Understanding the need of the customer";
        const float room = width("Understanding the nee");
        const std::string cut = kiosk::widgets::ellipsize(title, room);
        CHECK(cut == "Understanding the…");
        CHECK(width(cut) <= room);
        CHECK(kiosk::widgets::ellipsize(title, width(title)) == title); // fits: untouched
        // Russian, counted in characters not bytes: never a broken UTF-8 sequence.
        const std::string ru = "К повторению сегодня: стандарты первого контакта";
        const std::string ru_cut = kiosk::widgets::ellipsize(ru, width("К повторению сегод"));
        CHECK(ru_cut == "К повторению…");
        // Sixty characters with no space: cut mid-word, as much as fits.
        const std::string name(60, 'W');
        const std::string name_cut = kiosk::widgets::ellipsize(name, 200.0f);
        CHECK(name_cut.size() > 3);
        CHECK(name_cut.substr(name_cut.size() - 3) == "…");
        CHECK(width(name_cut) <= 200.0f);
        CHECK(width(name_cut + "W") > 200.0f - width("W") - 1.0f);
        return kiosk::Intent{};
    });
}
