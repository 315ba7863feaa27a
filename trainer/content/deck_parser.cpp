#include "trainer/content/deck_parser.hpp"

#include "trainer/content/field_reader.hpp"

#include <nlohmann/json.hpp>

// [SECTION] Keywords
// [SECTION] Cards and decks

#include <algorithm>
#include <climits>
#include <initializer_list>

namespace trainer::content {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxTitleChars = 60; // a title must fit on the card face and in lists
constexpr std::size_t kMinPhrasings = 1, kMaxPhrasings = 3;
// Search keywords (content/README.md): optional, a short list of short words or phrases.
constexpr std::size_t kMaxKeywords = 60, kMaxKeywordChars = 60;

const char* kDeckKeys[] = {"id", "order", "title", "description", "cards"};
const char* kCardKeys[] = {"id", "version", "tags", "moment_of_truth", "customer_effort", "text"};
const char* kCardTextKeys[] = {"title", "front", "back", "why", "phrasings", "avoid"};
const char* kCardTextAllKeys[] = {"keywords", "title", "front", "back", "why", "phrasings", "avoid"};


// [SECTION] Keywords ----------------------------------------------------------------------

// The optional "keywords": an array of 1..kMaxKeywords non-empty texts of at most
// kMaxKeywordChars characters each.
void read_keywords(FieldReader& r, const json& v, const std::string& pointer,
                   std::vector<std::string>& out) {
    auto it = v.find("keywords");
    if (it == v.end()) return;
    const std::string field_pointer = pointer_append(pointer, "keywords");
    if (!it->is_array() || it->empty() || it->size() > kMaxKeywords) {
        r.error(field_pointer, "expected an array of 1 to " + std::to_string(kMaxKeywords) +
                                   " keywords, found " + describe_found(*it));
        return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        auto s = r.text((*it)[i], pointer_append(field_pointer, i));
        if (!s) continue;
        if (utf8_length(*s) > kMaxKeywordChars)
            r.error(pointer_append(field_pointer, i),
                    "keyword is " + std::to_string(utf8_length(*s)) + " characters; at most " +
                        std::to_string(kMaxKeywordChars));
        else
            out.push_back(*s);
    }
}

// Reads one locale's card text; returns the fields that were given (and valid).
std::optional<CardText> read_card_text(FieldReader& r, const json& v, const std::string& pointer,
                                       std::string_view locale, bool& complete) {
    complete = false;
    if (!r.object(v, pointer, kCardTextAllKeys)) return std::nullopt;
    CardText t;
    read_keywords(r, v, pointer, t.keywords);
    bool all_given = true;
    for (const char* field : kCardTextKeys) {
        const std::string field_pointer = pointer_append(pointer, field);
        auto it = v.find(field);
        if (it == v.end()) {
            all_given = false;
            if (locale == kFallbackLocale)
                r.error(pointer, std::string("missing required key '") + field + "'");
            else
                r.warning(pointer, std::string("no '") + field + "' in " + locale_name(locale) +
                                       "; English is shown instead");
            continue;
        }
        if (std::string_view(field) == "phrasings") {
            if (!it->is_array()) {
                r.error(field_pointer,
                        "expected an array of 1 to 3 phrasings, found " + describe_found(*it));
                all_given = false;
                continue;
            }
            if (it->size() < kMinPhrasings || it->size() > kMaxPhrasings)
                r.error(field_pointer,
                        "expected 1 to 3 phrasings, found " + std::to_string(it->size()));
            for (std::size_t i = 0; i < it->size(); ++i)
                if (auto s = r.text((*it)[i], pointer_append(field_pointer, i)))
                    t.phrasings.push_back(*s);
            continue;
        }
        auto s = r.text(*it, field_pointer);
        if (!s) {
            all_given = false;
            continue;
        }
        if (std::string_view(field) == "title" && utf8_length(*s) > kMaxTitleChars)
            r.error(field_pointer, "title is " + std::to_string(utf8_length(*s)) +
                                       " characters; at most " + std::to_string(kMaxTitleChars) +
                                       " fit on the card");
        if (std::string_view(field) == "title")
            t.title = *s;
        else if (std::string_view(field) == "front")
            t.front = *s;
        else if (std::string_view(field) == "back")
            t.back = *s;
        else if (std::string_view(field) == "why")
            t.why = *s;
        else
            t.avoid = *s;
    }
    complete = all_given;
    return t;
}

// Missing translated fields fall back to English, so Card::text_for never shows a blank.
void complete_from(CardText& t, const CardText& en) {
    if (t.title.empty()) t.title = en.title;
    if (t.front.empty()) t.front = en.front;
    if (t.back.empty()) t.back = en.back;
    if (t.why.empty()) t.why = en.why;
    if (t.phrasings.empty()) t.phrasings = en.phrasings;
    if (t.avoid.empty()) t.avoid = en.avoid;
}

// [SECTION] Cards and decks ---------------------------------------------------------------

std::optional<ParsedCard> read_card(FieldReader& r, const json& v, const std::string& pointer,
                                    const std::string& deck_id) {
    if (!r.object(v, pointer, kCardKeys)) return std::nullopt;
    ParsedCard pc;
    pc.pointer = pointer;
    Card& c = pc.card;
    c.deck_id = deck_id;
    std::optional<std::string> id;
    if (const json* j = r.required(v, pointer, "id")) id = r.id(*j, pointer + "/id");
    if (const json* j = r.required(v, pointer, "version"))
        if (auto n = r.integer(*j, pointer + "/version", 1)) c.version = *n;
    if (auto it = v.find("tags"); it != v.end()) {
        if (!it->is_array())
            r.error(pointer + "/tags", "expected an array of tags, found " + describe_found(*it));
        else
            for (std::size_t i = 0; i < it->size(); ++i) {
                const std::string tp = pointer_append(pointer + "/tags", i);
                auto tag = r.id((*it)[i], tp);
                if (!tag) continue;
                if (std::find(c.tags.begin(), c.tags.end(), *tag) != c.tags.end())
                    r.error(tp, "duplicate tag '" + *tag + "'");
                else
                    c.tags.push_back(*tag);
            }
    }
    if (auto it = v.find("moment_of_truth"); it != v.end())
        if (auto b = r.boolean(*it, pointer + "/moment_of_truth")) c.moment_of_truth = *b;
    if (auto it = v.find("customer_effort"); it != v.end())
        if (auto b = r.boolean(*it, pointer + "/customer_effort")) c.customer_effort = *b;

    if (const json* text = r.required(v, pointer, "text");
        text && r.locales(*text, pointer + "/text", "text")) {
        for (std::string_view locale : kLocales) {
            auto it = text->find(locale);
            if (it == text->end()) continue;
            bool complete = false;
            if (auto t = read_card_text(r, *it, pointer_append(pointer + "/text", locale), locale,
                                        complete)) {
                c.text.emplace(locale, std::move(*t));
                if (complete) pc.complete_locales.emplace_back(locale);
            }
        }
    }
    if (!id) return std::nullopt;
    c.id = *id;
    if (auto en = c.text.find(kFallbackLocale); en != c.text.end())
        for (auto& [locale, t] : c.text)
            if (locale != kFallbackLocale) complete_from(t, en->second);
    return pc;
}

} // namespace

bool is_valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
    });
}

std::optional<ParsedDeck> parse_deck(const JsonSource& source, std::vector<Diagnostic>& out) {
    FieldReader r(source, out);
    const json& v = source.value();
    if (!r.object(v, "", kDeckKeys)) return std::nullopt;
    ParsedDeck pd;
    Deck& d = pd.deck;
    std::optional<std::string> id;
    if (const json* j = r.required(v, "", "id")) id = r.id(*j, "/id");
    if (const json* j = r.required(v, "", "order"))
        if (auto n = r.integer(*j, "/order", 1)) d.order = *n;
    pd.complete_locales.assign(std::begin(kLocales), std::end(kLocales));
    if (const json* j = r.required(v, "", "title"))
        d.title = r.local_text(*j, "/title", "title", pd.complete_locales);
    else
        pd.complete_locales.clear();
    if (const json* j = r.required(v, "", "description"))
        d.description = r.local_text(*j, "/description", "description", pd.complete_locales);
    else
        pd.complete_locales.clear();

    if (const json* cards = r.required(v, "", "cards")) {
        if (!cards->is_array())
            r.error("/cards", "expected an array of cards, found " + describe_found(*cards));
        else if (cards->empty())
            r.error("/cards", "a deck needs at least one card");
        else
            for (std::size_t i = 0; i < cards->size(); ++i)
                if (auto pc =
                        read_card(r, (*cards)[i], pointer_append("/cards", i), id.value_or(""))) {
                    d.card_ids.push_back(pc->card.id);
                    pd.cards.push_back(std::move(*pc));
                }
    }
    if (!id) return std::nullopt;
    d.id = *id;
    return pd;
}

} // namespace trainer::content
