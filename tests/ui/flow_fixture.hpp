#pragma once
// The flow tests' shared world (tests/ui/test_*_flow.cpp): an in-memory database at Monday
// 4 March 2024 09:00 UTC holding the demo people (trainer/identity/demo_people.cpp: Team North
// led by marek.nowak with anna.kowalska, dmitri.volkov, emily.carter; Team South led by
// natalia.ivanova; the admin sarah.mitchell; PINs 1111..9999, badges B-1001..), the bundled
// content (content/, loaded once), the catalogs, a screen stack and the notice line a flow writes.
// A test that needs a smaller content set keeps its own next to this one.
#include "flow_support.hpp"

#include "kiosk/screen_id.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/i18n/catalog.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/identity/demo_people.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/identity/pin.hpp"
#include "trainer/store/event_store.hpp"

#include <string>
#include <vector>

namespace test {

// The bundled content folder, read once for the whole test run.
inline const trainer::content::ContentSet& demo_content() {
    static const auto loaded = trainer::content::load_content(TRAINER_SOURCE_DIR "/content");
    return *loaded.content;
}

// A content set of one deck, "first-contact", with a card per id titled `title_prefix` + id, in
// English only: for a flow test that counts cards and positions exactly.
inline trainer::content::ContentSet one_deck(const std::string& title_prefix, const std::vector<std::string>& ids) {
    namespace content = trainer::content;
    content::ContentSet set;
    content::Deck deck{"first-contact", 1, {{"en", "First contact"}}, {}, {}};
    for (const auto& id : ids) {
        content::Card c;
        c.id = id;
        c.deck_id = deck.id;
        c.text["en"] = content::CardText{title_prefix + id, "front", "back", "why", {"say"}, "avoid"};
        set.card_index[id] = set.cards.size();
        deck.card_ids.push_back(id);
        set.cards.push_back(std::move(c));
    }
    set.decks.push_back(std::move(deck));
    return set;
}

// Sign-in with a quick PIN hash; after two free failures a 30 s wait, doubling up to 60 s.
inline trainer::identity::AuthOptions quick_auth() {
    return {{2, 30'000, 60'000}, trainer::identity::minimum_pin_cost()};
}

struct FlowWorld {
    trainer::store::Database db = trainer::store::Database::open_memory();
    trainer::FixedClock clock{kMonday9};
    trainer::store::EventStore events{db, clock, "kiosk-test"};
    trainer::identity::AuthService auth{db, events, clock, quick_auth()};
    trainer::i18n::Catalog catalog = trainer::i18n::Catalog::load(TRAINER_SOURCE_DIR "/assets/i18n");
    const trainer::content::ContentSet& content = demo_content();
    std::vector<kiosk::ScreenId> stack{kiosk::ScreenId::Home};
    std::string notice;

    FlowWorld() { trainer::identity::seed_demo_people(db, events, trainer::identity::minimum_pin_cost()); }

    kiosk::UiContext ui(const std::string& locale = "en") const { return kiosk::UiContext{catalog, locale, {}, 1.0f}; }
    trainer::identity::Actor actor(const std::string& person_id) { return trainer::identity::actor_for(db, person_id); }
    trainer::identity::Person person(const std::string& person_id) { return *trainer::identity::read_person(db, person_id); }
    std::int64_t count(const char* type) { return count_events(db, type); }
};

} // namespace test
