#include "kiosk/flows/lookup_flow.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/cards/review_service.hpp"
#include "trainer/cards/search_report.hpp"

#include <algorithm>
#include <iostream>
#include <utility>

namespace kiosk {

void LookupFlow::apply(const LookupIntent& intent, Env& env) {
    if (const auto* d = std::get_if<OpenDeck>(&intent)) {
        card_ = CardScreen{d->deck_id, 0, false};
        env.stack.push_back(ScreenId::Card);
    } else if (const auto* c = std::get_if<OpenCard>(&intent)) {
        const auto face = trainer::cards::card_face(env.content, c->card_id, env.ui.locale);
        if (face.id.empty()) return;
        // A lookup wants the standard itself: open on the back.
        card_ = CardScreen{face.deck_id, face.index, true, env.desk};
        if (env.stack.back() != ScreenId::Card) env.stack.push_back(ScreenId::Card);
        search_.remember(face.id);
        record_lookup(env, face.id, std::exchange(query_, {}));
    } else if (std::holds_alternative<ClearSearch>(intent)) {
        record_unopened(env);
        query_.clear();
        if (env.desk) env.stack.assign(1, ScreenId::Decks);
        focus_ = true;
    } else if (std::holds_alternative<ShowDecks>(intent)) {
        env.stack.push_back(ScreenId::Decks);
    } else if (std::holds_alternative<NextCard>(intent)) {
        ++card_.index; // card_at() stops at the deck's last card
        card_.flipped = false;
    } else if (std::holds_alternative<PrevCard>(intent)) {
        card_.index = std::max(0, card_.index - 1);
        card_.flipped = false;
    }
}

bool LookupFlow::apply(const ScreenIntent& intent, Env& env) {
    if (!std::holds_alternative<FlipCard>(intent) || env.stack.back() != ScreenId::Card) return false;
    card_.flipped = !card_.flipped;
    return true;
}

Intent LookupFlow::draw(ScreenId screen, Env& env) {
    if (screen == ScreenId::Decks) return decks_.draw(env.ui, trainer::cards::deck_summaries(env.content, env.ui.locale));
    if (screen == ScreenId::Card)
        return card_.draw(env.ui, trainer::cards::card_at(env.content, card_.deck_id, card_.index, env.ui.locale));
    return NoIntent{};
}

Intent LookupFlow::draw_results(Env& env) { return search_.draw(env.ui, results(env), false); }

Intent LookupFlow::draw_search_field(Env& env, float width, bool take_typing) {
    // The main window drops the last lookups down under the field; desk mode lists them in its column.
    Intent i = kiosk::draw_search_field(env.ui, search_, query_, width, focus_, take_typing, results(env),
                                        env.desk ? nullptr : &env.content);
    focus_ = false;
    return i;
}

Intent LookupFlow::draw_desk(Env& env) {
    // Mid-call lookup: the search field (always ready for typing), then results or the card.
    const bool field_idle = !ImGui::IsAnyItemActive();
    focus_ = focus_ || field_idle;
    Intent intent = draw_search_field(env, -1.0f, screen_info(env.stack.back()).letters_go_to_search);
    Intent screen_intent;
    if (!query_.empty())
        screen_intent = search_.draw(env.ui, results(env), true);
    else if (env.stack.back() == ScreenId::Card)
        screen_intent = draw(ScreenId::Card, env);
    else {
        widgets::text(env.ui.fonts.body, env.ui.tr("search.desk_hint"), theme::kMuted);
        screen_intent = search_.draw_recent(env.ui, env.content, env.ui.locale);
    }
    if (!is_none(screen_intent)) intent = screen_intent;
    if (intent_is<Back>(intent)) intent = ClearSearch{};
    return intent;
}

const std::vector<trainer::cards::SearchRow>& LookupFlow::results(Env& env) {
    static const std::vector<trainer::cards::SearchRow> kNone;
    if (query_.empty()) return kNone; // the index is built on the first keystroke, not at start-up
    if (indexed_ != &env.content) {
        // Word forms come from the lexicon next to the content; without it search still
        // matches exact words, prefixes, Snowball stems and typos (a log line, no banner).
        std::string problem;
        auto lexicon = trainer::search::Lexicon::load(trainer::search::lexicon_path(env.content_dir), problem);
        if (!problem.empty()) std::cerr << "kiosk: search without the word-form lexicon: " << problem << "\n";
        index_ = trainer::search::SearchIndex(env.content, std::move(lexicon));
        indexed_ = &env.content;
        results_key_.clear();
    }
    const std::string key = env.ui.locale + '\n' + query_;
    if (key != results_key_) {
        results_ = trainer::cards::search_rows(env.content, index_, query_, env.ui.locale, 20);
        results_key_ = key;
    }
    return results_;
}

void LookupFlow::record_lookup(Env& env, const std::string& card_id, const std::string& query) {
    if (!env.reviews || env.person_id.empty()) return;
    try {
        env.reviews->record_lookup(env.person_id, card_id, env.desk ? "desk" : "search", query);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: lookup not recorded: " << e.what() << "\n";
    }
}

void LookupFlow::record_unopened(Env& env) {
    if (query_.empty() || !env.events) return;
    try {
        trainer::search::record_unopened(*env.events, query_, results_key_.empty() ? 0 : results_.size(),
                                         env.desk ? "desk" : "search");
    } catch (const std::exception& e) {
        std::cerr << "kiosk: search not recorded: " << e.what() << "\n";
    }
}

} // namespace kiosk
