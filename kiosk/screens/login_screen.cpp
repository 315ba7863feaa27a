#include "kiosk/screens/login_screen.hpp"

#include "kiosk/input.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/search/fold.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>
#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace kiosk {

namespace {
constexpr std::size_t kMaxPinDigits = 8;
} // namespace

void LoginScreen::wipe_pin() {
    if (!pin.empty()) sodium_memzero(pin.data(), pin.size());
    pin.clear();
}

void LoginScreen::reset() {
    wipe_pin();
    *this = LoginScreen{};
}

std::string LoginScreen::locked_message(const UiContext& ui, long long retry_after_ms) {
    return ui.count("login.throttled", std::max<long long>(1, (retry_after_ms + 999) / 1000)) + "\n" +
           ui.tr("login.lead_can_unlock");
}

Intent LoginScreen::draw(const UiContext& ui, const std::vector<trainer::identity::RosterEntry>& roster) {
    return step == Step::Pick ? draw_pick(ui, roster) : draw_pin(ui);
}

Intent LoginScreen::draw_pick(const UiContext& ui, const std::vector<trainer::identity::RosterEntry>& roster) {
    Intent intent;
    widgets::text(ui.fonts.title, ui.tr("login.heading"), theme::kInk);
    widgets::text(ui.fonts.body, ui.tr("login.subtitle"), theme::kMuted);
    if (!message.empty()) widgets::banner(ui, message, true);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ui.px(520)));
    ImGui::PushFont(ui.fonts.large);
    if (focus_filter) {
        // The field takes the keyboard from the next frame on: letters typed in this first frame
        // would be lost, so they go into the field now.
        const ImGuiIO& io = ImGui::GetIO();
        for (int i = 0; i < io.InputQueueCharacters.Size; ++i)
            if (io.InputQueueCharacters[i] >= 0x20) trainer::search::encode_utf8(static_cast<char32_t>(io.InputQueueCharacters[i]), filter);
        ImGui::SetKeyboardFocusHere();
        focus_filter = false;
    }
    const bool enter = ImGui::InputTextWithHint("##filter", ui.tr("login.search_hint").c_str(), &filter,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopFont();
    const std::string folded = trainer::search::fold(filter);
    std::vector<const trainer::identity::RosterEntry*> shown;
    for (const auto& r : roster)
        if (folded.empty() || trainer::search::fold(r.display_name).find(folded) != std::string::npos ||
            r.id.find(filter) == 0)
            shown.push_back(&r);
    // Enter in the field: one match picks it; otherwise the text is treated as a scanned badge.
    if (enter && !filter.empty()) {
        if (shown.size() == 1) intent = PickPerson{shown[0]->id, shown[0]->display_name};
        else intent = BadgeScanned{filter};
    }
    ImGui::Spacing();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const int columns = std::clamp(static_cast<int>(avail / ui.px(300)), 1, 4);
    const float w = (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    ImGui::BeginChild("##roster");
    ImGui::PushFont(ui.fonts.large);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine();
        ImGui::PushID(shown[i]->id.c_str());
        // A name longer than its tile is cut at a word with "…" (whole on the PIN pad's heading).
        const std::string label = widgets::ellipsize(shown[i]->display_name, w - 2 * ImGui::GetStyle().FramePadding.x) + "##" + shown[i]->id;
        if (ImGui::Button(label.c_str(), ImVec2(w, ui.px(72))))
            intent = PickPerson{shown[i]->id, shown[i]->display_name};
        ImGui::PopID();
    }
    ImGui::PopFont();
    if (shown.empty()) widgets::text(ui.fonts.body, ui.tr("login.no_match"), theme::kMuted);
    ImGui::EndChild();
    if (input::pressed(input::Key::Escape)) intent = Back{}; // keyboard only: back to where sign-in began
    return intent;
}

Intent LoginScreen::draw_pin(const UiContext& ui) {
    Intent intent;
    const float pad_w = ui.px(3 * 112 + 2 * 12);
    const float x0 = (ImGui::GetContentRegionAvail().x - pad_w) * 0.5f;
    // Centred lines; a line wider than the window (a long name, the lockout advice) wraps in a
    // centred column instead of running off the edge.
    auto centred = [&](ImFont* font, const std::string& s, const ImVec4& colour) {
        ImGui::PushFont(font);
        const float left = ImGui::GetCursorPosX();
        const float room = std::min(ImGui::GetContentRegionAvail().x, ui.px(760));
        const float w = std::min(ImGui::CalcTextSize(s.c_str()).x, room);
        const float x = std::max(left, (ImGui::GetWindowWidth() - w) * 0.5f);
        ImGui::SetCursorPosX(x);
        ImGui::PushTextWrapPos(x + w + 1.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextWrapped("%s", s.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    };
    const bool signing = !signing_heading.empty();
    centred(ui.fonts.title, signing ? signing_heading
                            : display_name.empty() ? ui.tr("login.pin_heading_badge")
                                                   : ui.tr("login.pin_heading", {{"name", display_name}}),
            theme::kInk);
    if (signing && !signing_what.empty()) centred(ui.fonts.body, signing_what, theme::kInk);
    centred(ui.fonts.body, ui.tr("login.pin_prompt"), theme::kMuted);

    // The PIN as dots: filled for typed digits, hollow up to the 4-digit minimum.
    const float r = ui.px(11);
    const std::size_t dots = std::max<std::size_t>(4, pin.size());
    const float dots_w = static_cast<float>(dots) * r * 3.2f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    p.x = ImGui::GetWindowPos().x + (ImGui::GetWindowWidth() - dots_w) * 0.5f + r * 1.6f;
    p.y += r + ui.px(8);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < dots; ++i) {
        const ImVec2 c(p.x + static_cast<float>(i) * r * 3.2f, p.y);
        if (i < pin.size()) dl->AddCircleFilled(c, r, ImGui::GetColorU32(theme::kInk));
        else dl->AddCircle(c, r, ImGui::GetColorU32(theme::kMuted), 0, ui.px(2));
    }
    ImGui::Dummy(ImVec2(0, 2 * r + ui.px(16)));
    if (busy) {
        const float t = static_cast<float>(ImGui::GetTime());
        const ImVec2 c(ImGui::GetWindowPos().x + ImGui::GetWindowWidth() * 0.5f,
                       ImGui::GetCursorScreenPos().y + ui.px(14));
        dl->PathArcTo(c, ui.px(12), t * 6.0f, t * 6.0f + 4.2f, 24);
        dl->PathStroke(ImGui::GetColorU32(theme::kAccent), 0, ui.px(3));
        ImGui::Dummy(ImVec2(0, ui.px(30)));
        centred(ui.fonts.body, ui.tr("login.checking"), theme::kMuted);
    } else if (!message.empty()) {
        centred(ui.fonts.body, message, theme::kWarn);
    } else {
        ImGui::Dummy(ImVec2(0, ui.fonts.body->FontSize + ui.px(4)));
    }

    // Keypad: 1-9, clear, 0, erase; then Cancel and OK. The keys give up height (never below a
    // touch target) so that Cancel and Sign in stay on screen in a 1024x600 window.
    static constexpr const char* kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "<"};
    const float gap_y = ImGui::GetStyle().ItemSpacing.y;
    const float key_h = std::clamp((ImGui::GetContentRegionAvail().y - ui.px(theme::kTouch) - 5 * gap_y) / 4.0f,
                                   ui.px(theme::kTouch), ui.px(76));
    ImGui::BeginDisabled(busy);
    ImGui::PushFont(ui.fonts.title);
    for (int k = 0; k < 12; ++k) {
        if (k % 3 == 0) ImGui::SetCursorPosX(x0);
        else ImGui::SameLine();
        const char* label = kKeys[k];
        std::string shown = label;
        if (k == 9) shown = ui.tr("login.clear");
        if (k == 11) shown = "⌫";
        ImGui::PushID(k);
        if (ImGui::Button(k == 11 ? "←" : shown.c_str(), ImVec2(ui.px(112), key_h))) {
            if (k == 9) wipe_pin();
            else if (k == 11) { if (!pin.empty()) pin.pop_back(); }
            else if (pin.size() < kMaxPinDigits) pin += label;
            message.clear();
        }
        ImGui::PopID();
    }
    ImGui::PopFont();
    ImGui::SetCursorPosX(x0);
    const float half = (pad_w - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (widgets::button(ui, ui.tr("login.cancel"), half)) intent = Back{};
    ImGui::SameLine();
    ImGui::BeginDisabled(pin.size() < 4);
    if (widgets::button(ui, signing ? ui.tr("sign.ok") : ui.tr("login.ok"), half, true)) intent = SubmitPin{pin};
    ImGui::EndDisabled();
    ImGui::EndDisabled();

    if (!busy && !std::exchange(skip_keys, false)) {
        for (char d : input::digits_pressed()) {
            if (pin.size() < kMaxPinDigits) pin += d;
            message.clear();
        }
        if (input::pressed(input::Key::Backspace) && !pin.empty()) pin.pop_back();
        if (input::pressed(input::Key::Enter) && pin.size() >= 4) intent = SubmitPin{pin};
        if (input::pressed(input::Key::Escape)) intent = Back{};
    }
    return intent;
}

} // namespace kiosk
