// The kiosk's frame around every screen: the top bar (title, search, who is signed in, the
// language buttons) and the calm banners.
#include "kiosk/app_state.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/cards/browse.hpp"

#include <imgui.h>

#include <iostream>

#include <algorithm>

namespace kiosk {

Intent App::draw_top_bar(const UiContext& ui, const trainer::content::ContentSet& set) {
    Intent intent;
    // A narrow window keeps room for the search field: the title in the body font.
    const bool narrow = ImGui::GetWindowContentRegionMax().x < ui.px(1200);
    // The search field is never narrower than its whole hint ("Найти стандарт…" in ru at 1024 px):
    // the title gives way first, then the signed-in name is shortened (issue 14).
    const bool has_field = stack_.back() != ScreenId::Login; // the names grid and the PIN pad have none
    const float field_least = has_field ? least_search_width(ui) : 0.0f;
    ImGui::PushFont(narrow ? ui.fonts.body : ui.fonts.large);
    ImGui::AlignTextToFramePadding();
    // ...and at most a fifth of the bar, cut at a word ("Стандарты…"), less when the right-hand
    // group and the field's least width need it (the title is the product's name; the name is whose
    // session, and the field is how a standard is found).
    std::string title = ui.tr("app.title");
    if (narrow) {
        const float room = std::min(ImGui::GetWindowContentRegionMax().x * (has_field ? 0.2f : 1.0f),
                                    ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX() - ui.px(32) -
                                        field_least - top_bar_right_width(ui));
        title = widgets::ellipsize(title, std::max(room, ImGui::CalcTextSize("W\u2026").x));
    }
    ImGui::TextColored(theme::kAccent, "%s", title.c_str());
    ImGui::PopFont();
    if (sync_) { // "synced 10 s ago · 37 waiting": read from the sync thread, never waited for
        ImGui::SameLine(0, ui.px(24));
        ImGui::PushFont(ui.fonts.body);
        ImGui::AlignTextToFramePadding();
        // The search field (its minimum), the sign-in button and the language buttons keep their
        // room; a long state ("not syncing – please ask an administrator" in pl/ru at 1280 px) is
        // cut with an ellipsis and shown whole on hover.
        const std::string line = sync_status_line(ui);
        const float pad_x = ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
        float buttons = ImGui::CalcTextSize(ui.tr(session() ? "nav.sign_out" : "nav.sign_in").c_str()).x + pad_x;
        if (session() && stack_.back() != ScreenId::Home) buttons += ImGui::CalcTextSize(ui.tr("nav.home").c_str()).x + pad_x;
        const float reserved = 3 * ui.px(64) + 2 * ImGui::GetStyle().ItemSpacing.x + ui.px(24) + ui.px(32) +
                               ui.px(184) + ui.px(24) + buttons;
        const float room = std::max(ui.px(80), ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX() - reserved);
        const bool cut = ImGui::CalcTextSize(line.c_str()).x > room;
        std::string shown = line;
        if (cut) { // the state before its advice ("not syncing"), else what fits
            const auto dash = line.find(" \u2013 ");
            shown = dash != std::string::npos ? line.substr(0, dash) : line;
            if (ImGui::CalcTextSize(shown.c_str()).x > room) shown = widgets::ellipsize(shown, room);
        }
        ImGui::TextColored(theme::kMuted, "%s", shown.c_str());
        if (cut && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", line.c_str());
        ImGui::PopFont();
    }
    static constexpr const char* kLangs[] = {"en", "pl", "ru"};
    static constexpr const char* kLangLabels[] = {"EN", "PL", "RU"};
    const float bw = ui.px(64);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    // Right-aligned group: [name] [My reviews] [Sign in/out]   [EN] [PL] [RU]
    std::string who = session() ? session()->person.display_name : std::string();
    const bool show_home = session() && stack_.back() != ScreenId::Home;
    const bool show_account = db_ && stack_.back() != ScreenId::Login;
    const std::string account = session() ? ui.tr("nav.sign_out") : ui.tr("nav.sign_in");
    const std::string home = ui.tr("nav.home");
    ImGui::PushFont(ui.fonts.body);
    const float pad = ImGui::GetStyle().FramePadding.x * 2;
    const float account_w = ImGui::CalcTextSize(account.c_str()).x + pad;
    const float home_w = ImGui::CalcTextSize(home.c_str()).x + pad;
    float who_w = who.empty() ? 0.0f : ImGui::CalcTextSize(who.c_str()).x;
    float group_w = 0;
    for (float w : {who_w, show_home ? home_w : 0.0f, show_account ? account_w : 0.0f})
        if (w > 0) group_w += w + gap;
    Intent account_intent;
    if (stack_.back() != ScreenId::Login) {
        // The search field takes what is left between the title and the right-hand group.
        ImGui::SameLine(0, ui.px(32));
        // A narrow window: the signed-in name gives way to the search field's width, but is never
        // dropped (who is signed in on a shared kiosk must always show): "Dmitri V.", then the
        // initials; when even those do not fit beside the field's least width, the field gets narrower.
        const float right_edge = ImGui::GetWindowContentRegionMax().x - 3 * bw - 2 * gap - ui.px(24);
        const float deficit = ImGui::GetCursorPosX() + field_least + ui.px(24) - (right_edge - group_w);
        if (deficit > 0 && who_w > 0) {
            group_w -= who_w + gap;
            const float least_field = ImGui::GetCursorPosX() + ui.px(72) + ui.px(24);
            const float room = who_w - deficit;
            std::string fitted = widgets::fitted_name(who, room);
            // Initials that do not fit, or a one-word name cut to a stub ("W…"): the field gives way.
            // ("Anna K." is short but whole words: it stays.)
            const bool stub = fitted.find(' ') == std::string::npos && ImGui::CalcTextSize(fitted.c_str()).x < ui.px(72);
            if (const float w = ImGui::CalcTextSize(fitted.c_str()).x; w > room || stub)
                fitted = widgets::fitted_name(who, right_edge - group_w - gap - least_field);
            who = std::move(fitted);
            who_w = ImGui::CalcTextSize(who.c_str()).x;
            group_w += who_w + gap;
        }
        const float right = ImGui::GetWindowContentRegionMax().x - 3 * bw - 2 * gap - ui.px(24) - group_w;
        // Never under the right-hand group: narrower than its hint only when nothing else is left.
        const float space = right - ImGui::GetCursorPosX() - ui.px(24);
        const float width = std::clamp(space, std::max(ui.px(72), std::min(space, field_least)), std::max(ui.px(420), field_least));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui.px(2));
        auto env = lookup_env(ui, set);
        intent = lookup_flow_.draw_search_field(env, width, screen_info(stack_.back()).letters_go_to_search);
    }
    if (group_w > 0) {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 3 * bw - 2 * gap - ui.px(24) - group_w);
        if (!who.empty()) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(who.c_str());
            ImGui::SameLine();
        }
        if (show_home) {
            if (widgets::button(ui, home, home_w)) account_intent = GoHome{};
            ImGui::SameLine();
        }
        if (show_account && widgets::button(ui, account, account_w))
            account_intent = session() ? Intent{Logout{}} : Intent{StartLogin{}};
    }
    if (!is_none(account_intent)) intent = account_intent;
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 3 * bw - 2 * gap);
    for (int k = 0; k < 3; ++k) {
        if (k) ImGui::SameLine();
        const bool active = locale_ == kLangs[k];
        if (widgets::button(ui, kLangLabels[k], bw, active) && !active) intent = SetLanguage{kLangs[k]};
    }
    ImGui::Separator();
    return intent;
}

// The search field's least width: its whole hint, and never under 160 px.
float App::least_search_width(const UiContext& ui) const {
    ImGui::PushFont(ui.fonts.body);
    const float w = ImGui::CalcTextSize(ui.tr("search.hint").c_str()).x + 2 * ImGui::GetStyle().FramePadding.x + 4.0f;
    ImGui::PopFont();
    return std::max(w, ui.px(160));
}

// What the top bar needs right of the search field: its gap, the signed-in name (at its shortest
// readable form, "Dmitri V."), My reviews / Home, Sign in/out, the three language buttons.
float App::top_bar_right_width(const UiContext& ui) const {
    if (stack_.back() == ScreenId::Login) return 3 * ui.px(64) + 2 * ImGui::GetStyle().ItemSpacing.x;
    ImGui::PushFont(ui.fonts.body);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float pad = ImGui::GetStyle().FramePadding.x * 2;
    float w = ui.px(24) + 3 * ui.px(64) + 2 * gap + ui.px(24) + (sync_ ? ui.px(104) : 0.0f);
    if (session()) {
        const std::string& name = session()->person.display_name;
        const auto space = name.find(' ');
        std::size_t end = space == std::string::npos ? name.size() : space + 1; // "Dmitri V." (UTF-8 safe)
        if (end < name.size())
            for (++end; end < name.size() && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80;) ++end;
        const std::string shortest = space == std::string::npos ? name : name.substr(0, end) + ".";
        w += std::min(ImGui::CalcTextSize(shortest.c_str()).x, ImGui::CalcTextSize(name.c_str()).x) + gap;
        if (stack_.back() != ScreenId::Home) w += ImGui::CalcTextSize(ui.tr("nav.home").c_str()).x + pad + gap;
    }
    if (db_) w += ImGui::CalcTextSize(ui.tr(session() ? "nav.sign_out" : "nav.sign_in").c_str()).x + pad + gap;
    ImGui::PopFont();
    return w;
}

std::string App::sync_status_line(const UiContext& ui) const {
    std::string line;
    for (const auto& part : trainer::central::status_parts(sync_->status(), clock_.now_ms())) {
        if (!line.empty()) line += " · ";
        line += part.n >= 0 ? ui.count(part.key, part.n) : ui.tr(part.key, {{"time", part.arg}});
    }
    return line;
}

void App::draw_banners(const UiContext& ui) {
    const auto& st = library_->state();
    if (!st.refused.empty()) {
        const std::string file = st.refused.front().file;
        widgets::banner(ui,
                        st.content ? ui.count("banner.content_refused", static_cast<long long>(st.refused.size()),
                                              {{"file", file}})
                                   : ui.count("banner.content_missing", static_cast<long long>(st.refused.size()),
                                              {{"file", file}}),
                        true);
    }
    if (!db_problem_.empty()) widgets::banner(ui, ui.tr(db_problem_), true);
    if (motivation_problem_ && (stack_.back() == ScreenId::Dashboard || stack_.back() == ScreenId::Person ||
                                stack_.back() == ScreenId::Scores))
        widgets::banner(ui, ui.tr("banner.motivation_config"), false);
    if (!notice_.empty()) widgets::banner(ui, notice_, false);
}


} // namespace kiosk
