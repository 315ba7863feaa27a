#include "kiosk/badge_reader.hpp"

#include "kiosk/input.hpp"

#include <imgui.h>

#include <algorithm>

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
    // A burst goes on while characters keep coming within the gap — or in back-to-back frames: a
    // slow frame (a busy machine) must not split a scan that arrived while it was drawn.
    const bool back_to_back = !buffer_.empty() && last_char_s_ == last_poll_s_;
    last_poll_s_ = now;
    const bool live = !buffer_.empty() && (back_to_back || now - last_char_s_ <= kMaxGapSeconds);
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        if (!live && now - last_char_s_ > kMaxGapSeconds) buffer_.clear();
        last_char_s_ = now;
        const bool printable = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                               c == '-' || c == '_' || c == '.';
        if (printable && buffer_.size() < kMaxLength) buffer_.push_back(static_cast<char>(c));
    }
    if (ImGui::IsKeyPressed(input::code(input::Key::Enter)) && buffer_.size() >= kMinLength &&
        (live || last_char_s_ == now)) {
        // A scan also lands in a text field that has the keyboard (the search field keeps it after
        // a search is cleared): there only an id with a digit in it is a badge, so a fast typist's
        // word and Enter stay what they were.
        const bool in_field = io.WantTextInput;
        const bool has_digit = std::any_of(buffer_.begin(), buffer_.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        std::string badge = std::move(buffer_);
        buffer_.clear();
        if (in_field && !has_digit) return std::nullopt;
        return badge;
    }
    return std::nullopt;
}

} // namespace kiosk
