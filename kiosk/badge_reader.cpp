#include "kiosk/badge_reader.hpp"

#include "kiosk/input.hpp"

#include <imgui.h>

namespace kiosk {

namespace {
// Readers type a character every few milliseconds; people need 100 ms or more between keys (so
// a lead ticking steps 1, 2, 3 and pressing Enter is not a badge).
constexpr double kMaxGapSeconds = 0.08;
constexpr std::size_t kMinLength = 3;
constexpr std::size_t kMaxLength = 64;
} // namespace

std::optional<std::string> BadgeReader::poll(double now) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) {
        buffer_.clear();
        return std::nullopt;
    }
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        if (now - last_char_s_ > kMaxGapSeconds) buffer_.clear();
        last_char_s_ = now;
        const bool printable = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                               c == '-' || c == '_' || c == '.';
        if (printable && buffer_.size() < kMaxLength) buffer_.push_back(static_cast<char>(c));
    }
    if (ImGui::IsKeyPressed(input::code(input::Key::Enter)) && buffer_.size() >= kMinLength &&
        now - last_char_s_ <= kMaxGapSeconds) {
        std::string badge = std::move(buffer_);
        buffer_.clear();
        return badge;
    }
    return std::nullopt;
}

} // namespace kiosk
