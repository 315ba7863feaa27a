#pragma once
// The lookup job (DESIGN §4.1): the decks, a card, and search — no sign-in needed. It owns the
// deck browser, card and search screens' view state, the search field's text and the search
// index (built on the first keystroke), and records a lookup for the person signed in. Tested
// without a window (tests/ui/test_lookup_flow.cpp) against an in-memory database.
#include "kiosk/intent.hpp"
#include "kiosk/screen_id.hpp"
#include "kiosk/screens/card_screen.hpp"
#include "kiosk/screens/deck_browser_screen.hpp"
#include "kiosk/screens/search_screen.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/search/index.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace trainer::cards {
class ReviewService;
}
namespace trainer::store {
class EventStore;
}

namespace kiosk {

class LookupFlow {
public:
    // What the flow works with, lent by the app for one call.
    struct Env {
        const trainer::content::ContentSet& content;
        const std::filesystem::path& content_dir; // the search lexicon sits next to the content
        const UiContext& ui;
        std::vector<ScreenId>& stack;
        bool desk = false; // desk mode: a compact card, Esc back to the empty search
        // Who a lookup is recorded for; null/empty when nobody is signed in (nothing recorded).
        trainer::cards::ReviewService* reviews = nullptr;
        std::string person_id;
        // Searches left without opening a card (anonymous); null without a database.
        trainer::store::EventStore* events = nullptr;
    };

    // OpenDeck, OpenCard, ClearSearch, ShowDecks, NextCard, PrevCard.
    void apply(const LookupIntent& intent, Env& env);
    // FlipCard on the card screen; false for anything else (Back: the router's).
    bool apply(const ScreenIntent& intent, Env& env);
    // Draws ScreenId::Decks or ScreenId::Card.
    Intent draw(ScreenId screen, Env& env);
    // The result list while the search field has text (it covers the screen below).
    Intent draw_results(Env& env);
    // The search field; `take_typing`: a letter typed anywhere starts a search (the registry's
    // column for the screen below).
    Intent draw_search_field(Env& env, float width, bool take_typing);
    // Desk mode's whole window: the field, then results, the card found, or recent lookups.
    Intent draw_desk(Env& env);

    bool searching() const { return !query_.empty(); }
    const std::string& query() const { return query_; }
    void set_query(std::string query) { query_ = std::move(query); }
    // The card on screen (deck, position, which side).
    CardScreen& card() { return card_; }

private:
    const std::vector<trainer::cards::SearchRow>& results(Env& env);
    void record_lookup(Env& env, const std::string& card_id, const std::string& query);
    void record_unopened(Env& env);

    DeckBrowserScreen decks_;
    CardScreen card_;
    SearchScreen search_;
    std::string query_;
    bool focus_ = false;
    const trainer::content::ContentSet* indexed_ = nullptr; // the set index_ was built from
    trainer::search::SearchIndex index_;
    std::string results_key_; // query + locale the cached rows belong to
    std::vector<trainer::cards::SearchRow> results_;
};

} // namespace kiosk
