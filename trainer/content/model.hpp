#pragma once
// Typed content: what the JSON files in content/ become after validation (DESIGN §4.1).
// Every string here is valid UTF-8; every locale map has at least "en".
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace trainer::content {

// The locales the product ships; English is the fallback for missing text.
inline constexpr std::string_view kLocales[] = {"en", "pl", "ru"};
inline constexpr std::string_view kFallbackLocale = "en";
bool is_supported_locale(std::string_view locale);

// Text per locale ("en", "pl", "ru"); lookups fall back to English.
using LocalText = std::map<std::string, std::string, std::less<>>;
const std::string& pick(const LocalText& text, std::string_view locale);

struct CardText {
    std::string title;                  // short name of the standard
    std::string front;                  // the situation or question
    std::string back;                   // the standard: what to do
    std::string why;                    // why it matters to the customer
    std::vector<std::string> phrasings; // recommended phrasings: suggestions, never mandatory
    std::string avoid;                  // what to avoid
    std::vector<std::string> keywords;  // optional: words agents say for it (search only)
};

struct Card {
    std::string id; // stable across versions, e.g. "close-next-step"
    std::string deck_id;
    int version = 1; // raised when the standard itself changes: everyone relearns it
    std::vector<std::string> tags;
    bool moment_of_truth = false;
    bool customer_effort = false;
    std::map<std::string, CardText, std::less<>> text; // by locale

    const CardText& text_for(std::string_view locale) const;
    bool has_locale(std::string_view locale) const { return text.find(locale) != text.end(); }
};

struct Deck {
    std::string id;
    int order = 0; // position along the customer journey
    LocalText title;
    LocalText description;
    std::vector<std::string> card_ids; // in file order
};

// Further content kinds, each defined and loaded by its own feature module
// (trainer/content/kinds.hpp): onboarding tracks and modules, change rollouts and pulses,
// QA scorecards.
struct OnboardingContent;
struct ChangeContent;
struct QualityContent;
struct LocalRules;

struct ContentSet {
    std::vector<Deck> decks; // sorted by order
    std::vector<Card> cards; // deck order, then file order
    std::unordered_map<std::string, std::size_t> card_index;
    std::shared_ptr<const OnboardingContent> onboarding; // null when the folder has none
    std::shared_ptr<const ChangeContent> change;
    std::shared_ptr<const QualityContent> quality;
    std::shared_ptr<const LocalRules> rules; // content/rules/: null when the folder is absent

    const Card* find_card(std::string_view id) const;
    const Deck* find_deck(std::string_view id) const;
    std::vector<const Card*> cards_of(std::string_view deck_id) const;
};

} // namespace trainer::content
