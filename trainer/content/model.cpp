#include "trainer/content/model.hpp"

#include <algorithm>

namespace trainer::content {

bool is_supported_locale(std::string_view locale) {
    return std::find(std::begin(kLocales), std::end(kLocales), locale) != std::end(kLocales);
}

const std::string& pick(const LocalText& text, std::string_view locale) {
    static const std::string kEmpty;
    if (auto it = text.find(locale); it != text.end() && !it->second.empty()) return it->second;
    if (auto it = text.find(kFallbackLocale); it != text.end()) return it->second;
    return kEmpty;
}

const CardText& Card::text_for(std::string_view locale) const {
    if (auto it = text.find(locale); it != text.end()) return it->second;
    return text.at(std::string(kFallbackLocale));
}

const Card* ContentSet::find_card(std::string_view id) const {
    auto it = card_index.find(std::string(id));
    return it == card_index.end() ? nullptr : &cards[it->second];
}

const Deck* ContentSet::find_deck(std::string_view id) const {
    for (const auto& d : decks)
        if (d.id == id) return &d;
    return nullptr;
}

std::vector<const Card*> ContentSet::cards_of(std::string_view deck_id) const {
    std::vector<const Card*> out;
    if (const Deck* d = find_deck(deck_id))
        for (const auto& id : d->card_ids)
            if (const Card* c = find_card(id)) out.push_back(c);
    return out;
}

} // namespace trainer::content
