#include "kiosk/screens/search_screen.hpp"

#include "kiosk/input.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/search/fold.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace kiosk {
namespace {

// Inserts the letters typed before the field had the keyboard, after its activation (which
// would otherwise select them all), and leaves the cursor at the end.
int insert_typed_ahead(ImGuiInputTextCallbackData* data) {
    auto* pending = static_cast<std::string*>(data->UserData);
    if (!pending->empty()) {
        data->ClearSelection();
        data->InsertChars(data->BufTextLen, pending->c_str());
        data->CursorPos = data->BufTextLen;
        pending->clear();
    }
    return 0;
}

// A letter (not a digit, space or control key) typed this frame starts a search.
std::string letters_typed() {
    std::string out;
    const ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        if (out.empty() && (c < 0x41 || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0xBF))) continue;
        trainer::search::encode_utf8(static_cast<char32_t>(c), out);
    }
    return out;
}

bool key(ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); }

} // namespace

bool SearchScreen::recent_under_finger() const {
    return recent_open && ImGui::IsMouseHoveringRect(recent_min, recent_max, false);
}

void SearchScreen::remember(const std::string& card_id) {
    recent.erase(std::remove(recent.begin(), recent.end(), card_id), recent.end());
    recent.insert(recent.begin(), card_id);
    if (recent.size() > kRecent) recent.resize(kRecent);
}

Intent draw_search_field(const UiContext& ui, SearchScreen& screen, std::string& query, float width,
                         bool focus, bool take_typing, const std::vector<trainer::cards::SearchRow>& rows,
                         const trainer::content::ContentSet* recent_from) {
    Intent intent;
    if (take_typing && !ImGui::GetIO().WantTextInput && !ImGui::IsAnyItemActive()) {
        const std::string typed = letters_typed();
        if (!typed.empty()) {
            screen.typed_ahead += typed;
            focus = true;
        }
    }
    if (focus) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(width);
    ImGui::PushFont(ui.fonts.body);
    const std::string before = query;
    // The hint fits the field (a narrow window in Russian): cut at a word with "…".
    const std::string hint = widgets::ellipsize(ui.tr("search.hint"), width - 2 * ImGui::GetStyle().FramePadding.x - 2.0f);
    const bool enter = ImGui::InputTextWithHint("##search", hint.c_str(), &query,
                                                ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways,
                                                insert_typed_ahead, &screen.typed_ahead);
    const bool active = ImGui::IsItemActive();
    ImGui::PopFont();
    const ImVec2 field_min = ImGui::GetItemRectMin(), field_max = ImGui::GetItemRectMax();
    if (query != before) screen.selected = 0;
    // The main window: an empty field that has the keyboard (a tap on it, or Esc after a search)
    // drops down the last lookups; it stays while a finger is on it, so the tap can land.
    if (recent_from && query.empty() && !screen.recent.empty() && (active || enter || screen.recent_under_finger())) {
        const int m = static_cast<int>(screen.recent.size());
        if (active && key(ImGuiKey_DownArrow)) screen.selected = std::min(screen.selected + 1, m - 1);
        if (active && key(ImGuiKey_UpArrow)) screen.selected = std::max(screen.selected - 1, 0);
        screen.selected = std::clamp(screen.selected, 0, m - 1);
        if (active && ImGui::IsKeyPressed(input::code(input::Key::Escape))) {
            screen.recent_open = false; // Esc closes the list; ImGui lets go of the field
            return intent;
        }
        intent = screen.draw_recent_dropdown(ui, *recent_from, field_min, std::max(field_max.x - field_min.x, ui.px(360)),
                                             field_max.y + ui.px(4));
        if (enter) intent = OpenCard{screen.recent[static_cast<std::size_t>(screen.selected)]};
        return intent;
    }
    screen.recent_open = false;
    const int n = static_cast<int>(rows.size());
    if (active && n > 0) {
        if (key(ImGuiKey_DownArrow)) screen.selected = std::min(screen.selected + 1, n - 1);
        if (key(ImGuiKey_UpArrow)) screen.selected = std::max(screen.selected - 1, 0);
    }
    screen.selected = std::clamp(screen.selected, 0, std::max(n - 1, 0));
    if (enter && n > 0) intent = OpenCard{rows[static_cast<std::size_t>(screen.selected)].card_id};
    if ((active || !query.empty()) && ImGui::IsKeyPressed(input::code(input::Key::Escape)))
        intent = ClearSearch{};
    return intent;
}

Intent SearchScreen::draw_recent(const UiContext& ui, const trainer::content::ContentSet& set,
                                 std::string_view locale) {
    Intent intent;
    if (recent.empty()) return intent;
    widgets::text(ui.fonts.small, ui.tr("search.recent"), theme::kMuted);
    for (const auto& id : recent) {
        const auto face = trainer::cards::card_face(set, id, locale);
        if (face.id.empty()) continue;
        ImGui::PushID(id.c_str());
        if (widgets::button(ui, face.text.title, -1.0f)) intent = OpenCard{id};
        ImGui::PopID();
    }
    return intent;
}

Intent SearchScreen::draw_recent_dropdown(const UiContext& ui, const trainer::content::ContentSet& set, ImVec2 at,
                                          float width, float top) {
    Intent intent;
    ImGui::SetNextWindowPos(ImVec2(at.x, top));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f)); // height fits the rows
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::kCard);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(10), ui.px(10)));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoScrollbar;
    if (ImGui::Begin("##recent_lookups", nullptr, flags)) {
        // Above the screen it covers, even after a tap on the main window gave that the focus.
        ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
        widgets::text(ui.fonts.small, ui.tr("search.recent"), theme::kMuted);
        for (std::size_t i = 0; i < recent.size(); ++i) {
            const auto face = trainer::cards::card_face(set, recent[i], ui.locale);
            if (face.id.empty()) continue;
            ImGui::PushID(face.id.c_str());
            // A long title ends in an ellipsis inside its row rather than running past it.
            const float room = ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().FramePadding.x;
            if (widgets::button(ui, widgets::ellipsize(face.text.title, room), -1.0f, static_cast<int>(i) == selected))
                intent = OpenCard{face.id};
            ImGui::PopID();
        }
        // Where it is, so the frame a tap lands on it (and the field lets go of the keyboard) still
        // draws it and the tap reaches its row.
        recent_open = true;
        recent_min = ImGui::GetWindowPos();
        recent_max = ImVec2(recent_min.x + ImGui::GetWindowWidth(), recent_min.y + ImGui::GetWindowHeight());
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    return intent;
}

Intent SearchScreen::draw(const UiContext& ui, const std::vector<trainer::cards::SearchRow>& rows, bool compact) {
    Intent intent;
    if (rows.empty()) {
        widgets::text(ui.fonts.body, ui.tr("search.none"), theme::kMuted);
        return intent;
    }
    widgets::text(ui.fonts.small, ui.count("search.count", static_cast<long long>(rows.size())), theme::kMuted);
    ImGui::BeginChild("##results");
    const float row_h = compact ? ui.px(78) : ui.px(70); // desk: title + two lines of the snippet
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const bool is_selected = static_cast<int>(i) == selected;
        ImGui::PushID(r.card_id.c_str());
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##row", ImVec2(ImGui::GetContentRegionAvail().x, row_h)))
            intent = OpenCard{r.card_id};
        if (is_selected && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY();
        if (is_selected && !ImGui::IsItemVisible()) ImGui::SetScrollHereY();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 q(p.x + ImGui::GetItemRectSize().x, p.y + row_h);
        const bool lit = ImGui::IsItemHovered() || is_selected;
        dl->AddRectFilled(p, q, ImGui::GetColorU32(lit ? theme::kAccentSoft : theme::kCard), ui.px(8));
        dl->PushClipRect(p, q, true);
        float y = p.y + ui.px(10);
        ImFont* title_font = compact ? ui.fonts.body : ui.fonts.large; // desk mode is narrow
        dl->AddText(title_font, title_font->FontSize, ImVec2(p.x + ui.px(16), y),
                    ImGui::GetColorU32(theme::kInk), r.title.c_str());
        y += title_font->FontSize + ui.px(4);
        // The deck, then the snippet word by word: matched words in the accent colour, wrapped
        // at word boundaries onto at most two lines (one in the wide layout).
        ImFont* f = ui.fonts.small;
        const float left = p.x + ui.px(16), right = q.x - ui.px(16);
        const int max_lines = compact ? 2 : 1;
        int line = 0;
        float x = left;
        auto put = [&](const std::string& text, ImU32 colour) {
            const float w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
            if (x + w > right && x > left && text != " ") {
                if (++line >= max_lines) { // out of room: say the text goes on
                    const float dots = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, "…").x;
                    if (x + dots <= right) dl->AddText(f, f->FontSize, ImVec2(x, y), ImGui::GetColorU32(theme::kMuted), "…");
                    return false;
                }
                x = left;
                y += f->FontSize;
            }
            if (x == left && text == " ") return true;
            dl->AddText(f, f->FontSize, ImVec2(x, y), colour, text.c_str());
            x += w;
            return true;
        };
        bool room = put(r.deck_title + "  ·  ", ImGui::GetColorU32(theme::kMuted));
        for (const auto& part : r.snippet_parts) {
            if (!room) break;
            room = put(part.text, ImGui::GetColorU32(part.match ? theme::kAccent : theme::kMuted));
        }
        dl->PopClipRect();
        ImGui::PopID();
    }
    ImGui::EndChild();
    return intent;
}

} // namespace kiosk
