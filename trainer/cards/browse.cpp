#include "trainer/cards/browse.hpp"

#include <algorithm>

namespace trainer::cards {

namespace {
constexpr std::size_t kSnippetChars = 140; // about two lines of the desk column
} // namespace

std::vector<DeckSummary> deck_summaries(const content::ContentSet& c, std::string_view locale) {
    std::vector<DeckSummary> out;
    out.reserve(c.decks.size());
    for (const auto& d : c.decks)
        out.push_back({d.id, content::pick(d.title, locale), content::pick(d.description, locale),
                       static_cast<int>(d.card_ids.size())});
    return out;
}

CardFace card_face(const content::ContentSet& c, std::string_view card_id, std::string_view locale) {
    CardFace f;
    const content::Card* card = c.find_card(card_id);
    if (!card) return f;
    f.id = card->id;
    f.deck_id = card->deck_id;
    f.version = card->version;
    f.moment_of_truth = card->moment_of_truth;
    f.customer_effort = card->customer_effort;
    f.translated = card->has_locale(locale);
    f.text = card->text_for(locale);
    // Fill single missing fields of a partial translation from English.
    const content::CardText& en = card->text_for(content::kFallbackLocale);
    auto fill = [](std::string& s, const std::string& fallback) {
        if (s.empty()) s = fallback;
    };
    fill(f.text.title, en.title);
    fill(f.text.front, en.front);
    fill(f.text.back, en.back);
    fill(f.text.why, en.why);
    fill(f.text.avoid, en.avoid);
    if (f.text.phrasings.empty()) f.text.phrasings = en.phrasings;
    if (const content::Deck* d = c.find_deck(card->deck_id)) {
        f.deck_title = content::pick(d->title, locale);
        f.deck_size = static_cast<int>(d->card_ids.size());
        auto it = std::find(d->card_ids.begin(), d->card_ids.end(), card->id);
        f.index = static_cast<int>(it - d->card_ids.begin());
    }
    return f;
}

CardFace card_at(const content::ContentSet& c, std::string_view deck_id, int index,
                 std::string_view locale) {
    const content::Deck* d = c.find_deck(deck_id);
    if (!d || d->card_ids.empty()) return {};
    index = std::clamp(index, 0, static_cast<int>(d->card_ids.size()) - 1);
    return card_face(c, d->card_ids[static_cast<std::size_t>(index)], locale);
}

std::vector<SearchRow> search_rows(const content::ContentSet& c, const search::SearchIndex& index,
                                   std::string_view query, std::string_view locale, std::size_t limit) {
    std::vector<SearchRow> rows;
    for (const auto& hit : index.search(query, locale, limit)) {
        const CardFace f = card_face(c, hit.card_id, locale);
        if (f.id.empty()) continue;
        rows.push_back({f.id, f.deck_id, f.deck_title, f.text.title, f.text.front, {}, f.index, hit.title_hit});
        std::vector<std::string> matched;
        for (const auto& m : hit.matches) { // the content word, and the query word as typed
            matched.push_back(m.word);
            matched.push_back(m.query);
        }
        const std::string* where = &f.text.front;
        for (const std::string* t : {&f.text.front, &f.text.back, &f.text.why, &f.text.avoid})
            if (search::has_match(*t, matched)) {
                where = t;
                break;
            }
        rows.back().snippet_parts = search::make_snippet(*where, matched, kSnippetChars);
    }
    return rows;
}

} // namespace trainer::cards
