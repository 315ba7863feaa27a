#pragma once
// The kiosk's state between frames: which screens are open, the language, the loaded content
// and database. Screens return intents; apply() turns them into changes through trainer.
#include "kiosk/fonts.hpp"
#include "kiosk/intent.hpp"
#include "kiosk/options.hpp"
#include "kiosk/screens/card_screen.hpp"
#include "kiosk/screens/deck_browser_screen.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/content/library.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/i18n/catalog.hpp"
#include "trainer/store/database.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

enum class ScreenId { Decks, Card };

class App {
public:
    App(Options options, Fonts fonts);

    // Builds the whole UI for one frame.
    void draw_frame();
    // Checks the content folder for changes (cheap; called on a timer) and reloads if needed.
    void poll_content();
    const std::string& locale() const { return locale_; }

private:
    void apply(const Intent& intent);
    UiContext ui() const { return UiContext{catalog_, locale_, fonts_, options_.scale}; }
    Intent draw_top_bar(const UiContext& ui);
    void draw_banners(const UiContext& ui);

    Options options_;
    Fonts fonts_;
    trainer::SystemClock clock_;
    trainer::i18n::Catalog catalog_;
    std::vector<std::string> catalog_problems_;
    std::string locale_;
    std::optional<trainer::store::Database> db_;
    std::string db_problem_;
    std::unique_ptr<trainer::content::ContentLibrary> library_;

    std::vector<ScreenId> stack_{ScreenId::Decks};
    DeckBrowserScreen deck_browser_;
    CardScreen card_screen_;
};

} // namespace kiosk
