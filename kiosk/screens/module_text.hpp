#pragma once
// Small pieces of text the module screen's parts share (module_screen.cpp defines them).
#include "kiosk/ui_context.hpp"

#include <imgui.h>

#include <string>

namespace kiosk {

// A fraction (0..1) as a whole percentage in the locale ("80 %" ru, "80%" pl and en).
std::string percent(const UiContext& ui, double fraction);
// The feedback under an answer, indented; nothing when `s` is empty.
void feedback_line(const UiContext& ui, const std::string& s, const ImVec4& colour);

} // namespace kiosk
