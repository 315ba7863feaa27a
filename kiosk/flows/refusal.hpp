#pragma once
// What a person sees when trainer refuses an action (access, bad input, a locked database): a
// calm translated line with the reason; the detail goes to the log (CONVENTIONS "Errors").
#include "kiosk/ui_context.hpp"

#include <exception>
#include <string>

namespace kiosk {

std::string refusal(const UiContext& ui, const std::exception& e);

} // namespace kiosk
