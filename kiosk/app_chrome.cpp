// The kiosk's frame around every screen: the top bar (title, search, who is signed in, the
// language buttons), the calm banners, desk mode's lookup column and the cached search results.
#include "kiosk/app_state.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/cards/browse.hpp"

#include <imgui.h>

#include <iostream>

#include <algorithm>

namespace kiosk {

// Typing anywhere goes to search (README "Search: in the window") on screens where letters
// mean nothing else: browsing decks and cards, home, tracks and the lead's read-only views.
// Never on sign-in (names and PIN), a review (1-4 and Space grade), a module (1-9 choose),
// a check-in or self-check (1-5), a signature (PIN) or an evaluation (its own text fields).
namespace {
bool letters_go_to_search(ScreenId top) {
    switch (top) {
    case ScreenId::Decks: case ScreenId::Card: case ScreenId::Home: case ScreenId::ReviewSummary:
    case ScreenId::Team: case ScreenId::Tracks: case ScreenId::Dashboard: case ScreenId::Person:
    case ScreenId::Scores:
        return true;
    default:
        return false;
    }
}
} // namespace

Intent App::draw_top_bar(const UiContext& ui, const trainer::content::ContentSet& set) {
    Intent intent;
    // A narrow window keeps room for the search field: the title in the body font.
    const bool narrow = ImGui::GetWindowContentRegionMax().x < ui.px(1200);
    ImGui::PushFont(narrow ? ui.fonts.body : ui.fonts.large);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(theme::kAccent, "%s", ui.tr("app.title").c_str());
    ImGui::PopFont();
    if (sync_) { // "synced 10 s ago · 37 waiting": read from the sync thread, never waited for
        ImGui::SameLine(0, ui.px(24));
        ImGui::PushFont(ui.fonts.body);
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(theme::kMuted, "%s", sync_status_line(ui).c_str());
        ImGui::PopFont();
    }
    static constexpr const char* kLangs[] = {"en", "pl", "ru"};
    static constexpr const char* kLangLabels[] = {"EN", "PL", "RU"};
    const float bw = ui.px(64);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    // Right-aligned group: [name] [My reviews] [Sign in/out]   [EN] [PL] [RU]
    std::string who = session_ ? session_->person.display_name : std::string();
    const bool show_home = session_ && stack_.back() != ScreenId::Home;
    const bool show_account = db_ && stack_.back() != ScreenId::Login;
    const std::string account = session_ ? ui.tr("nav.sign_out") : ui.tr("nav.sign_in");
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
        // A narrow window: the signed-in name gives way to the search field's minimum width, cut
        // with an ellipsis, or left out when only a stub would remain (never drawn over the field).
        const float min_search = ui.px(160) + ui.px(24);
        const float deficit = ImGui::GetCursorPosX() + min_search -
                              (ImGui::GetWindowContentRegionMax().x - 3 * bw - 2 * gap - ui.px(24) - group_w);
        if (deficit > 0 && who_w > 0) {
            const float room = who_w - deficit;
            group_w -= who_w + gap;
            if (room < ui.px(72)) {
                who.clear(), who_w = 0;
            } else {
                who = widgets::ellipsize(who, room);
                who_w = ImGui::CalcTextSize(who.c_str()).x;
                group_w += who_w + gap;
            }
        }
        const float right = ImGui::GetWindowContentRegionMax().x - 3 * bw - 2 * gap - ui.px(24) - group_w;
        // Never under the right-hand group: narrower than 160 px only when nothing else is left.
        const float space = right - ImGui::GetCursorPosX() - ui.px(24);
        const float width = std::clamp(space, std::max(ui.px(72), std::min(space, ui.px(160))), ui.px(420));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui.px(2));
        intent = draw_search_field(ui, search_screen_, search_query_, width, focus_search_,
                                   letters_go_to_search(stack_.back()), search_results(set), &set);
        focus_search_ = false;
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
            account_intent = session_ ? Intent{Logout{}} : Intent{StartLogin{}};
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
    if (!db_problem_.empty()) widgets::banner(ui, ui.tr("banner.db_unavailable"), true);
    if (motivation_problem_ && (stack_.back() == ScreenId::Dashboard || stack_.back() == ScreenId::Person ||
                                stack_.back() == ScreenId::Scores))
        widgets::banner(ui, ui.tr("banner.motivation_config"), false);
    if (!notice_.empty()) widgets::banner(ui, notice_, false);
}


const std::vector<trainer::cards::SearchRow>& App::search_results(const trainer::content::ContentSet& set) {
    static const std::vector<trainer::cards::SearchRow> kNone;
    if (search_query_.empty()) return kNone; // the index is built on the first keystroke, not at start-up
    if (indexed_ != &set) {
        // Word forms come from the lexicon next to the content; without it search still
        // matches exact words, prefixes, Snowball stems and typos (a log line, no banner).
        std::string problem;
        auto lexicon = trainer::search::Lexicon::load(trainer::search::lexicon_path(options_.content), problem);
        if (!problem.empty()) std::cerr << "kiosk: search without the word-form lexicon: " << problem << "\n";
        search_index_ = trainer::search::SearchIndex(set, std::move(lexicon));
        indexed_ = &set;
        results_key_.clear();
    }
    const std::string key = locale_ + '\n' + search_query_;
    if (key != results_key_) {
        results_ = trainer::cards::search_rows(set, search_index_, search_query_, locale_, 20);
        results_key_ = key;
    }
    return results_;
}

void App::draw_desk(const UiContext& ui, const trainer::content::ContentSet& set) {
    // Mid-call lookup: the search field (always ready for typing), then results or the card.
    const bool field_idle = !ImGui::IsAnyItemActive();
    Intent intent = draw_search_field(ui, search_screen_, search_query_, -1.0f, focus_search_ || field_idle,
                                      letters_go_to_search(stack_.back()), search_results(set));
    focus_search_ = false;
    Intent screen_intent;
    if (!search_query_.empty())
        screen_intent = search_screen_.draw(ui, search_results(set), true);
    else if (stack_.back() == ScreenId::Card)
        screen_intent = card_screen_.draw(
            ui, trainer::cards::card_at(set, card_screen_.deck_id, card_screen_.index, locale_));
    else {
        widgets::text(ui.fonts.body, ui.tr("search.desk_hint"), theme::kMuted);
        screen_intent = search_screen_.draw_recent(ui, set, locale_);
    }
    if (!is_none(screen_intent)) intent = screen_intent;
    if (std::holds_alternative<Back>(intent)) intent = ClearSearch{};
    apply(intent);
}

} // namespace kiosk
