#pragma once
// Small drawing helpers shared by screens; no state, no rules.
#include "kiosk/ui_context.hpp"

#include <imgui.h>

#include <string>
#include <string_view>

namespace kiosk::widgets {

// A button at least one touch target tall; `primary` draws it in the accent colour.
bool button(const UiContext& ui, const std::string& label, float width = 0.0f, bool primary = false);
// Wrapped text in a font and colour.
void text(ImFont* font, const std::string& s, const ImVec4& colour);
// One item of a list: a bullet, then the text wrapped with its lines indented under the first.
void bullet(ImFont* font, const std::string& s, const ImVec4& colour);
// A small uppercase-style caption above a section.
void caption(const UiContext& ui, const std::string& s);
// A calm full-width notice (content refused, database problem).
void banner(const UiContext& ui, const std::string& s, bool warning);
// A rounded label chip on the current line.
void chip(const UiContext& ui, const std::string& s, const ImVec4& fg, const ImVec4& bg);

// A full-width answer / option / checklist row that wraps long text, at least one touch target
// tall; `look` colours it and puts a mark in front (• chosen, ✓ right, ✗ wrong).
enum class Look { Plain, Selected, Right, Wrong, Dim };
bool choice(const UiContext& ui, const std::string& id, const std::string& label, Look look, bool enabled = true);

// `text` as it fits in `max_width` pixels of the current font: whole, or cut at the last word
// boundary that fits (at a character when one word alone is too long) with "…" appended.
std::string ellipsize(std::string_view text, float max_width);
// A table column's header that is never cut: `label` wrapped over the lines the row has (a header
// row `row_h` tall), beside the sort arrow; sorting and hover work as ImGui::TableHeader's.
void table_header(const char* label, float row_h);
// A person's name as it fits in `max_width` of the current font, never dropped: whole, else the
// first name and the initial of the last ("Dmitri V."), else the first name cut with "…", else the
// initials ("D. V.") even when they do not fit. A name with no space is cut with "…".
std::string fitted_name(std::string_view name, float max_width);
// `text` wrapped at `wrap_width` in `font`, cut at a word boundary with "…" so that it takes at
// most `max_lines` lines.
std::string ellipsize_lines(const ImFont* font, std::string_view text, float wrap_width, int max_lines);

} // namespace kiosk::widgets
