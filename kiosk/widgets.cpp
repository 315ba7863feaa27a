#include "kiosk/widgets.hpp"

#include "kiosk/theme.hpp"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>

namespace kiosk::widgets {

bool button(const UiContext& ui, const std::string& label, float width, bool primary) {
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, theme::kAccent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.0f, 0.42f, 0.72f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.0f, 0.30f, 0.52f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    const bool clicked = ImGui::Button(label.c_str(), ImVec2(width, ui.px(theme::kTouch)));
    if (primary) ImGui::PopStyleColor(4);
    return clicked;
}

// Lines broken at spaces only. ImGui 1.86 also breaks after '.', ',', '!' or '?', which
// leaves a closing quote (” » ") or a dash alone at the start of the next line.
namespace {
// One letter, Latin or Cyrillic (two-byte UTF-8 letters: Latin-1 Supplement to Cyrillic); a dash
// or a digit is not one.
bool one_letter(std::string_view w) {
    if (w.size() == 1) return std::isalpha(static_cast<unsigned char>(w[0])) != 0;
    const auto lead = static_cast<unsigned char>(w.empty() ? 0 : w[0]);
    return w.size() == 2 && lead >= 0xC3 && lead <= 0xD4;
}

std::string break_at_spaces(const ImFont* font, std::string_view s, float width) {
    const auto measure = [&](std::string_view t) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, t.data(), t.data() + t.size()).x; };
    std::string out;
    out.reserve(s.size() + 8);
    std::size_t para = 0;
    while (para <= s.size()) {
        const std::size_t nl = std::min(s.find('\n', para), s.size());
        const std::string_view line = s.substr(para, nl - para);
        const float space = measure(" ");
        float used = -1.0f; // width of the current output line; < 0: nothing on it yet
        std::size_t pos = 0;
        while (pos < line.size()) {
            std::size_t end = line.find(' ', pos);
            if (end == std::string_view::npos) end = line.size();
            // A one-letter word ("w", "z", "i", "к", "в", "a") stays with the next one: Polish and
            // Russian typesetting never leaves it at the end of a line.
            if (end < line.size() && one_letter(line.substr(pos, end - pos))) {
                const std::size_t next = line.find(' ', end + 1);
                end = next == std::string_view::npos ? line.size() : next;
            }
            const std::string_view word = line.substr(pos, end - pos);
            if (word.empty()) { // a second space in a row: kept inside a line, never carried to the next
                if (used >= 0.0f && used + space <= width) {
                    out += ' ';
                    used += space;
                }
                pos = end + 1;
                continue;
            }
            const float w = measure(word);
            if (used < 0.0f) {
                used = w;
            } else if (used + space + w > width) {
                out += '\n';
                used = w;
            } else {
                out += ' ';
                used += space + w;
            }
            out.append(word);
            pos = end + 1;
        }
        if (nl >= s.size()) break;
        out += '\n';
        para = nl + 1;
    }
    return out;
}
} // namespace

void text(ImFont* font, const std::string& s, const ImVec4& colour) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f); // still wraps a single word wider than the line
    const std::string lines = break_at_spaces(font, s, ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(lines.c_str(), lines.c_str() + lines.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void bullet(ImFont* font, const std::string& s, const ImVec4& colour) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted("•");
    ImGui::PopStyleColor();
    ImGui::SameLine(0.0f, font->FontSize * 0.6f);
    ImGui::PopFont();
    ImGui::BeginGroup(); // wrapped lines stay indented under the first
    text(font, s, colour);
    ImGui::EndGroup();
}

void caption(const UiContext& ui, const std::string& s) { text(ui.fonts.small, s, theme::kAccent); }

void banner(const UiContext& ui, const std::string& s, bool warning) {
    const ImVec4 bg = warning ? theme::kWarnSoft : theme::kAccentSoft;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, bg);
    ImGui::PushFont(ui.fonts.body);
    const float wrap = ImGui::GetContentRegionAvail().x - ui.px(32);
    const float h = ImGui::CalcTextSize(s.c_str(), nullptr, false, wrap).y + ui.px(24);
    ImGui::PushID(s.c_str()); // several banners may show at once
    ImGui::BeginChild("##banner", ImVec2(0, h), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPos(ImVec2(ui.px(16), ui.px(12)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(s.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopID();
    ImGui::PopFont();
    ImGui::PopStyleColor();
}

void chip(const UiContext& ui, const std::string& s, const ImVec4& fg, const ImVec4& bg) {
    ImGui::PushFont(ui.fonts.small);
    const ImVec2 size = ImGui::CalcTextSize(s.c_str());
    const ImVec2 pad(ui.px(10), ui.px(5));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y),
                      ImGui::GetColorU32(bg), ui.px(12));
    dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), ImGui::GetColorU32(fg), s.c_str());
    ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
    ImGui::PopFont();
}

bool choice(const UiContext& ui, const std::string& id, const std::string& label, Look look, bool enabled) {
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(ui.fonts.body);
    const float pad = ui.px(14);
    const float text_w = w - 2 * pad - ui.px(36);
    const float h = std::max(ui.px(theme::kTouch), ImGui::CalcTextSize(label.c_str(), nullptr, false, text_w).y + 2 * pad);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(id.c_str());
    const bool clicked = ImGui::InvisibleButton("##answer", ImVec2(w, h)) && enabled;
    const bool hovered = ImGui::IsItemHovered() && enabled;
    ImGui::PopID();
    ImVec4 bg = theme::kCard, border = theme::kLine, mark_colour = theme::kMuted;
    const char* mark = "";
    switch (look) {
    case Look::Selected: bg = theme::kAccentSoft, border = theme::kAccent, mark = "•", mark_colour = theme::kAccent; break;
    case Look::Right: bg = theme::kGoodSoft, border = theme::kGood, mark = "✓", mark_colour = theme::kGood; break;
    case Look::Wrong: bg = theme::kWarnSoft, border = theme::kWarn, mark = "✗", mark_colour = theme::kWarn; break;
    default: break;
    }
    if (hovered && look == Look::Plain) bg = theme::kAccentSoft;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(bg), ui.px(8));
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(border), ui.px(8), 0, ui.px(look == Look::Plain || look == Look::Dim ? 1 : 2));
    if (look == Look::Plain) {
        // An empty ring where the mark will go: the row reads as something to tick.
        const float r = ui.px(8);
        dl->AddCircle(ImVec2(p.x + pad + r, p.y + pad + ui.fonts.body->FontSize * 0.5f), r,
                      ImGui::GetColorU32(theme::kMuted), 0, ui.px(1.5f));
    }
    dl->AddText(ImVec2(p.x + pad, p.y + pad), ImGui::GetColorU32(mark_colour), mark);
    dl->AddText(ui.fonts.body, ui.fonts.body->FontSize, ImVec2(p.x + pad + ui.px(36), p.y + pad),
                ImGui::GetColorU32(look == Look::Dim ? theme::kMuted : theme::kInk), label.c_str(), nullptr, text_w);
    ImGui::PopFont();
    return clicked;
}

std::string ellipsize(std::string_view text, float max_width) {
    const auto width = [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; };
    if (width(text) <= max_width) return std::string(text);
    const float room = max_width - width("…");
    // The longest prefix that fits, ending on a UTF-8 character boundary.
    std::size_t fit = 0;
    for (std::size_t i = 1; i <= text.size(); ++i) {
        if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (width(text.substr(0, i)) > room) break;
        fit = i;
    }
    std::string_view cut = text.substr(0, fit);
    // Back to the last word boundary when there is one in the fitting part (not for a lone word).
    if (fit < text.size() && text[fit] != ' ')
        if (const auto space = cut.find_last_of(' '); space != std::string_view::npos && space > 0) cut = cut.substr(0, space);
    while (!cut.empty() && (cut.back() == ' ' || cut.back() == ',' || cut.back() == ':' || cut.back() == '-')) cut.remove_suffix(1);
    return std::string(cut) + "…";
}

namespace {

// The first UTF-8 character of `word` (a letter of any script).
std::string_view first_char(std::string_view word) {
    std::size_t n = 1;
    while (n < word.size() && (static_cast<unsigned char>(word[n]) & 0xC0) == 0x80) ++n;
    return word.substr(0, n);
}

} // namespace

void table_header(const char* label, float row_h) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    // The room ImGui keeps at the right of a header for its sort arrow (imgui_tables.cpp, 1.86).
    const float arrow = std::floor(ImGui::GetFontSize() * 0.65f + ImGui::GetStyle().FramePadding.x);
    const float room = std::max(1.0f, ImGui::GetContentRegionAvail().x - arrow);
    ImGui::PushID(label);
    ImGui::TableHeader(""); // background, hover, the tap that sorts; the label is drawn below
    ImGui::PopID();
    const ImVec2 size = ImGui::CalcTextSize(label, nullptr, false, room);
    const float inner = row_h - 2 * ImGui::GetStyle().CellPadding.y;
    const float y = at.y + std::max(0.0f, (inner - size.y) * 0.5f);
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x, y),
                                        ImGui::GetColorU32(ImGuiCol_Text), label, nullptr, room);
}

std::string fitted_name(std::string_view name, float max_width) {
    const auto width = [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; };
    const std::string whole(name);
    if (width(whole) <= max_width) return whole;
    const auto first_space = name.find(' ');
    const auto last_space = name.rfind(' ');
    if (first_space == std::string_view::npos || last_space + 1 >= name.size()) return ellipsize(name, max_width);
    const std::string_view first = name.substr(0, first_space), last = name.substr(last_space + 1);
    std::string first_last_initial = std::string(first) + " " + std::string(first_char(last)) + ".";
    if (width(first_last_initial) <= max_width) return first_last_initial;
    const std::string initials = std::string(first_char(first)) + ". " + std::string(first_char(last)) + ".";
    // The first name cut is only worth it when it keeps more than the initials would.
    if (const std::string cut = ellipsize(first, max_width); width(cut) <= max_width && cut.size() > initials.size())
        return cut;
    return initials;
}

std::string ellipsize_lines(const ImFont* font, std::string_view text, float wrap_width, int max_lines) {
    const auto height = [&](std::string_view t) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_width, t.data(), t.data() + t.size()).y;
    };
    const float room = static_cast<float>(std::max(1, max_lines)) * font->FontSize + 0.5f;
    if (height(text) <= room) return std::string(text);
    // Drop whole words from the end until the rest and "…" fit in the lines there are.
    std::string_view cut = text;
    while (!cut.empty()) {
        const auto space = cut.find_last_of(' ');
        if (space == std::string_view::npos || space == 0) break;
        cut = cut.substr(0, space);
        while (!cut.empty() && (cut.back() == ' ' || cut.back() == ',' || cut.back() == ':' || cut.back() == '-'))
            cut.remove_suffix(1);
        if (height(std::string(cut) + "…") <= room) return std::string(cut) + "…";
    }
    return std::string(cut) + "…";
}

} // namespace kiosk::widgets
