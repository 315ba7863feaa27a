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
    const bool live = !buffer_.empty() && now - last_char_s_ <= kMaxGapSeconds;
    // A text field that has the keyboard owns what is typed into it — unless the burst began
    // outside any field and the field only took the keyboard because of it (the search field
    // takes letters typed on the decks screen): a badge scanned there is still a badge.
    if (io.WantTextInput && !(live && started_outside_)) {
        buffer_.clear();
        started_outside_ = false;
        return std::nullopt;
    }
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        if (now - last_char_s_ > kMaxGapSeconds) {
            buffer_.clear();
            started_outside_ = !io.WantTextInput;
        }
        last_char_s_ = now;
        const bool printable = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                               c == '-' || c == '_' || c == '.';
        if (printable && buffer_.size() < kMaxLength) buffer_.push_back(static_cast<char>(c));
    }
    if (ImGui::IsKeyPressed(input::code(input::Key::Enter)) && buffer_.size() >= kMinLength &&
        now - last_char_s_ <= kMaxGapSeconds) {
        // Ended inside the field it opened: only an id with a digit in it is a badge (a fast
        // typist's search word and Enter stay a search).
        const bool in_field = io.WantTextInput;
        const bool has_digit = std::any_of(buffer_.begin(), buffer_.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        std::string badge = std::move(buffer_);
        buffer_.clear();
        started_outside_ = false;
        if (in_field && !has_digit) return std::nullopt;
        return badge;
    }
    return std::nullopt;
}

} // namespace kiosk
