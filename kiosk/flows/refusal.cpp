#include "kiosk/flows/refusal.hpp"

#include <iostream>

namespace kiosk {

std::string refusal(const UiContext& ui, const std::exception& e) {
    std::cerr << "kiosk: refused: " << e.what() << "\n";
    return ui.tr("common.refused", {{"reason", e.what()}});
}

} // namespace kiosk
