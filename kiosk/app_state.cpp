#include "kiosk/app_state.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/cards/browse.hpp"

#include <imgui.h>

#include <iostream>

namespace kiosk {

App::App(Options options, Fonts fonts)
    : options_(std::move(options)), fonts_(fonts), locale_(options_.lang) {
    catalog_ = trainer::i18n::Catalog::load(options_.assets / "i18n", &catalog_problems_);
    for (const auto& p : catalog_problems_) std::cerr << "kiosk: " << p << "\n";
    try {
        trainer::store::OpenOptions o;
        o.create_if_missing = true;
        if (options_.db.has_parent_path()) std::filesystem::create_directories(options_.db.parent_path());
        db_.emplace(trainer::store::Database::open(options_.db, o));
    } catch (const std::exception& e) {
        // Browsing standards needs no database: say so calmly and carry on.
        db_problem_ = e.what();
        std::cerr << "kiosk: " << db_problem_ << "\n";
    }
    library_ = std::make_unique<trainer::content::ContentLibrary>(options_.content,
                                                                  db_ ? &*db_ : nullptr, clock_);
    library_->reload();
    for (const auto& d : library_->state().refused) std::cerr << "kiosk: " << d.to_string() << "\n";
    if (!options_.open_deck.empty()) {
        apply(OpenDeck{options_.open_deck});
        card_screen_.flipped = options_.flip;
    }
}

void App::poll_content() {
    if (library_->changed_on_disk()) {
        library_->reload();
        for (const auto& d : library_->state().refused) std::cerr << "kiosk: " << d.to_string() << "\n";
    }
}

void App::apply(const Intent& intent) {
    std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, Back>) {
                if (stack_.size() > 1) stack_.pop_back();
            } else if constexpr (std::is_same_v<T, OpenDeck>) {
                card_screen_ = CardScreen{i.deck_id, 0, false};
                stack_.push_back(ScreenId::Card);
            } else if constexpr (std::is_same_v<T, FlipCard>) {
                card_screen_.flipped = !card_screen_.flipped;
            } else if constexpr (std::is_same_v<T, NextCard>) {
                ++card_screen_.index;
                card_screen_.flipped = false;
            } else if constexpr (std::is_same_v<T, PrevCard>) {
                card_screen_.index = std::max(0, card_screen_.index - 1);
                card_screen_.flipped = false;
            } else if constexpr (std::is_same_v<T, SetLanguage>) {
                locale_ = i.locale;
            }
        },
        intent);
}

Intent App::draw_top_bar(const UiContext& ui) {
    Intent intent;
    ImGui::PushFont(ui.fonts.large);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(theme::kAccent, "%s", ui.tr("app.title").c_str());
    ImGui::PopFont();
    static constexpr const char* kLangs[] = {"en", "pl", "ru"};
    static constexpr const char* kLangLabels[] = {"EN", "PL", "RU"};
    const float bw = ui.px(64);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 3 * bw - 2 * gap);
    for (int k = 0; k < 3; ++k) {
        if (k) ImGui::SameLine();
        const bool active = locale_ == kLangs[k];
        if (widgets::button(ui, kLangLabels[k], bw, active) && !active) intent = SetLanguage{kLangs[k]};
    }
    ImGui::Separator();
    return intent;
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
}

void App::draw_frame() {
    const UiContext ui = this->ui();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushFont(ui.fonts.body);
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
    Intent intent = draw_top_bar(ui);
    draw_banners(ui);
    const auto& content = library_->state().content;
    static const trainer::content::ContentSet kEmpty;
    const auto& set = content ? *content : kEmpty;
    Intent screen_intent;
    switch (stack_.back()) {
    case ScreenId::Decks:
        screen_intent = deck_browser_.draw(ui, trainer::cards::deck_summaries(set, locale_));
        break;
    case ScreenId::Card:
        screen_intent = card_screen_.draw(
            ui, trainer::cards::card_at(set, card_screen_.deck_id, card_screen_.index, locale_));
        break;
    }
    ImGui::End();
    ImGui::PopFont();
    if (!is_none(screen_intent)) intent = screen_intent;
    apply(intent);
}

} // namespace kiosk
