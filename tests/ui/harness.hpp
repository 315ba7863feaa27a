#pragma once
// A Dear ImGui context with no window: real fonts, the kiosk theme, a fixed display size.
// Input is fed frame by frame; each frame returns what the screen asked for.
#include "kiosk/fonts.hpp"
#include "kiosk/input.hpp"
#include "kiosk/intent.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/ui_context.hpp"

#include <imgui.h>

#include <functional>
#include <vector>

namespace test {

class UiHarness {
public:
    explicit UiHarness(const char* locale = "en") : locale_(locale) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        // What the GLFW backend sets: ImGui's named keys read GLFW key codes.
        io.KeyMap[ImGuiKey_Enter] = kiosk::input::code(kiosk::input::Key::Enter);
        io.KeyMap[ImGuiKey_Escape] = kiosk::input::code(kiosk::input::Key::Escape);
        io.KeyMap[ImGuiKey_Backspace] = kiosk::input::code(kiosk::input::Key::Backspace);
        io.KeyMap[ImGuiKey_Space] = kiosk::input::code(kiosk::input::Key::Space);
        io.KeyMap[ImGuiKey_LeftArrow] = kiosk::input::code(kiosk::input::Key::Left);
        io.KeyMap[ImGuiKey_RightArrow] = kiosk::input::code(kiosk::input::Key::Right);
        kiosk::load_fonts(TRAINER_SOURCE_DIR "/assets", 1.0f, fonts_);
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&px, &w, &h);
        kiosk::apply_theme(1.0f);
        catalog_ = trainer::i18n::Catalog::load(TRAINER_SOURCE_DIR "/assets/i18n");
    }
    ~UiHarness() { ImGui::DestroyContext(); }
    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    kiosk::UiContext ui() const { return {catalog_, locale_, fonts_, 1.0f}; }

    // Runs one frame with the screen drawn inside a full-display window.
    kiosk::Intent frame(const std::function<kiosk::Intent(const kiosk::UiContext&)>& draw) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::PushFont(fonts_.body);
        ImGui::Begin("##screen", nullptr, ImGuiWindowFlags_NoDecoration);
        kiosk::Intent i = draw(ui());
        ImGui::End();
        ImGui::PopFont();
        ImGui::Render();
        return i;
    }

    // Runs frames until one returns an intent (or n frames pass).
    kiosk::Intent first_intent(int n, const std::function<kiosk::Intent(const kiosk::UiContext&)>& draw) {
        for (int k = 0; k < n; ++k)
            if (auto i = frame(draw); !kiosk::is_none(i)) return i;
        return kiosk::NoIntent{};
    }

    void mouse_at(float x, float y) { ImGui::GetIO().MousePos = ImVec2(x, y); }
    void mouse_down(bool down) { ImGui::GetIO().MouseDown[0] = down; }
    void key(int code, bool down) { ImGui::GetIO().KeysDown[code] = down; }

    // A full click at (x, y): move, press, release, over a few frames; returns the first intent.
    kiosk::Intent click(float x, float y, const std::function<kiosk::Intent(const kiosk::UiContext&)>& draw) {
        mouse_at(x, y);
        kiosk::Intent got = frame(draw);
        mouse_down(true);
        if (auto i = frame(draw); is_none(got)) got = i;
        mouse_down(false);
        if (auto i = frame(draw); is_none(got)) got = i;
        return got;
    }

    // Presses and releases a key over two frames.
    kiosk::Intent press(int code, const std::function<kiosk::Intent(const kiosk::UiContext&)>& draw) {
        key(code, true);
        kiosk::Intent got = frame(draw);
        key(code, false);
        if (auto i = frame(draw); is_none(got)) got = i;
        return got;
    }

    const kiosk::Fonts& fonts() const { return fonts_; }

private:
    std::string locale_;
    kiosk::Fonts fonts_;
    trainer::i18n::Catalog catalog_;
};

} // namespace test
