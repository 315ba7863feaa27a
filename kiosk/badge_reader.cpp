#include "kiosk/badge_reader.hpp"

#include "kiosk/input.hpp"

#include <imgui.h>

#include <algorithm>

namespace kiosk {

std::optional<std::string> BadgeReader::poll() { return feed(input::strokes(), ImGui::GetIO().WantTextInput); }

std::optional<std::string> BadgeReader::feed(const std::vector<KeyStroke>& strokes, bool in_field) {
    std::optional<std::string> badge;
    for (const auto& k : strokes) {
        const bool burst = !buffer_.empty() && k.after_s - last_char_s_ <= kMaxGapSeconds;
        if (k.enter) {
            if (burst && buffer_.size() >= kMinLength) {
                const bool has_digit =
                    std::any_of(buffer_.begin(), buffer_.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
                if (!in_field || has_digit) badge = buffer_;
            }
            buffer_.clear();
            continue;
        }
        if (!burst) buffer_.clear();
        last_char_s_ = k.at_s;
        const char32_t c = k.ch;
        const bool printable = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                               c == '-' || c == '_' || c == '.';
        if (!printable) {
            buffer_.clear(); // a space or a letter no badge has: a person typing
            continue;
        }
        if (buffer_.size() < kMaxLength) buffer_.push_back(static_cast<char>(c));
    }
    return badge;
}

} // namespace kiosk
