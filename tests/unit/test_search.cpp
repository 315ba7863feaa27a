// Instant standards search: folding (case, diacritics, ё) and ranking, on synthetic content.
#include "support.hpp"
#include "trainer/search/fold.hpp"
#include "trainer/search/function_words.hpp"
#include "trainer/search/index.hpp"
#include "trainer/search/snippet.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace {

using trainer::content::Card;
using trainer::content::CardText;
using trainer::content::ContentSet;
using trainer::content::Deck;
using trainer::search::Hit;
using trainer::search::SearchIndex;

Card make_card(std::string id, std::string deck,
               std::vector<std::pair<std::string, CardText>> texts,
               std::vector<std::string> tags = {}) {
    Card c;
    c.id = std::move(id);
    c.deck_id = std::move(deck);
    c.tags = std::move(tags);
    for (auto& [locale, text] : texts)
        c.text[locale] = std::move(text);
    return c;
}

ContentSet make_content() {
    ContentSet s;
    s.decks.push_back({.id = "first-contact", .order = 1});
    s.decks.push_back({.id = "closing", .order = 2});
    s.cards.push_back(make_card("greet-by-name", "first-contact",
                                {{"en",
                                  {.title = "Greet by name",
                                   .front = "The customer calls again.",
                                   .back = "Use the name they gave; keep the promise you made."}},
                                 {"pl",
                                  {.title = "Powitanie po imieniu",
                                   .front = "Klient dzwoni ponownie.",
                                   .back = "Dotrzymaj obietnicy; następny krok ustal razem."}},
                                 {"ru",
                                  {.title = "Приветствие по имени",
                                   .front = "Клиент звонит ещё раз.",
                                   .back = "Назовите клиента по имени."}}},
                                {"greeting"}));
    s.cards.push_back(make_card("close-next-step", "closing",
                                {{"en",
                                  {.title = "Agree the next step",
                                   .front = "Before the call ends.",
                                   .back = "Say who does what and by when.",
                                   .why = "A clear promise lowers effort.",
                                   .phrasings = {"Let me confirm what happens next."},
                                   .avoid = "Vague endings."}},
                                 {"pl",
                                  {.title = "Następny krok",
                                   .front = "ZAMKNIĘCIE rozmowy.",
                                   .back = "Powiedz, kto, co i do kiedy zrobi."}},
                                 {"ru",
                                  {.title = "Следующий шаг",
                                   .front = "Перед завершением звонка.",
                                   .back = "Скажите, что будет дальше."}}},
                                {"closing", "effort"}));
    s.cards.push_back(make_card("complaint-listen", "closing",
                                {{"en",
                                  {.title = "Listen to the whole complaint",
                                   .front = "An angry customer.",
                                   .back = "Let them finish; promise nothing you cannot keep."}},
                                 {"pl",
                                  {.title = "Wysłuchaj całej skargi",
                                   .front = "Zdenerwowany klient.",
                                   .back = "Pozwól skończyć; łagodnie podsumuj."}},
                                 {"ru",
                                  {.title = "Выслушайте жалобу целиком",
                                   .front = "Ещё одна жалоба.",
                                   .back = "Дайте договорить."}}}));
    for (std::size_t i = 0; i < s.cards.size(); ++i)
        s.card_index[s.cards[i].id] = i;
    for (const auto& c : s.cards)
        for (auto& d : s.decks)
            if (d.id == c.deck_id) d.card_ids.push_back(c.id);
    return s;
}

// Single-quoted for the shell, whatever the text holds.
std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::vector<std::string> ids(const std::vector<Hit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits)
        out.push_back(h.card_id);
    return out;
}

bool contains(const std::vector<Hit>& hits, const std::string& id) {
    for (const auto& h : hits)
        if (h.card_id == id) return true;
    return false;
}

} // namespace

TEST_CASE("folding lowercases and strips diacritics in Polish, Russian and Western letters",
          "[search]") {
    using trainer::search::fold;
    CHECK(fold("Następny KROK!") == "nastepny krok");
    CHECK(fold("ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż") == "acelnoszz acelnoszz");
    CHECK(fold("Ёлка ещё ЕЩЁ") == "елка еще еще");
    CHECK(fold("Über café Straße Œuvre") == "uber cafe strasse oeuvre");
    CHECK(fold("ÄÖÜ ÅØÆ Čeština Ğ İ Ș") == "aou aoae cestina g i s");
    CHECK(fold("Ґанок Їжак Ўсё") == "ганок іжак ўсе");
    CHECK(fold("customer's follow-up, e-mail.") == "customers follow up e mail");
    CHECK(fold("e\xCC\x81t\xC3\xA9") == "ete"); // decomposed and precomposed é fold alike
    CHECK(fold("  \t\n ... !!! ") == "");
}

TEST_CASE("folding skips invalid UTF-8 bytes and never reads past the end", "[search]") {
    using trainer::search::fold;
    CHECK(fold("ab\xFF"
               "cd") == "abcd");
    CHECK(fold("za\xC5") == "za");           // truncated two-byte sequence at the end
    CHECK(fold("\xC0\xAF x") == "x");        // overlong encoding of '/'
    CHECK(fold("\xED\xA0\x80y") == "y");     // UTF-16 surrogate encoded in UTF-8
    CHECK(fold("\xF4\x90\x80\x80z") == "z"); // beyond U+10FFFF
    std::string all_bytes;
    for (int b = 0; b < 256; ++b)
        all_bytes += static_cast<char>(b);
    CHECK_NOTHROW(fold(all_bytes));
}

TEST_CASE("fold_words caps the number of words and cuts long words at a code point", "[search]") {
    using trainer::search::fold_words;
    const auto words = fold_words("jeden dwa trzy cztery", {.max_words = 2});
    CHECK(words == std::vector<std::string>{"jeden", "dwa"});
    const auto cut = fold_words("ąąąąą b", {.max_word_bytes = 3}); // ą folds to one byte
    CHECK(cut == std::vector<std::string>{"aaa", "b"});
    const auto cyr = fold_words("жжжж", {.max_word_bytes = 5}); // ж is two bytes
    CHECK(cyr == std::vector<std::string>{"жж"});
}

TEST_CASE("a query without diacritics finds the Polish title with them", "[search]") {
    SearchIndex index(make_content());
    auto hits = index.search("nastepny krok", "pl", 10);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].card_id == "close-next-step");
    CHECK(hits[0].title_hit);
    CHECK(hits[0].locale == "pl");
    CHECK(contains(index.search("l", "pl", 10), "complaint-listen")); // via "łagodnie"
    CHECK(ids(index.search("łagod", "pl", 10)) == ids(index.search("lagod", "pl", 10)));
    CHECK(ids(index.search("lagod", "pl", 10)) == std::vector<std::string>{"complaint-listen"});
}

TEST_CASE("е in a query matches ё in the content", "[search]") {
    SearchIndex index(make_content());
    const auto hits = index.search("еще", "ru", 10);
    CHECK(ids(hits) == std::vector<std::string>{"greet-by-name", "complaint-listen"});
    CHECK(hits[0].locale == "ru");
    CHECK(ids(index.search("ЕЩЁ", "ru", 10)) == ids(hits));
}

TEST_CASE("search is case-insensitive", "[search]") {
    SearchIndex index(make_content());
    CHECK(ids(index.search("zamk", "pl", 10)) == std::vector<std::string>{"close-next-step"});
    CHECK(ids(index.search("ZAMK", "pl", 10)) == std::vector<std::string>{"close-next-step"});
    CHECK(ids(index.search("СЛЕДУЮЩ", "ru", 10)) == std::vector<std::string>{"close-next-step"});
}

TEST_CASE("query words match the start of content words, not their middle", "[search]") {
    SearchIndex index(make_content());
    const auto promi = index.search("promi", "en", 10);
    CHECK(promi.size() == 3); // "promise" in three cards
    CHECK(index.search("omise", "en", 10).empty());
    CHECK(index.search("romise", "en", 10).empty());
}

TEST_CASE("title hits rank above body hits", "[search]") {
    SearchIndex index(make_content());
    // "krok" is the title of close-next-step and only in the back of greet-by-name, which
    // comes first in deck order: the title hit must still lead.
    const auto hits = index.search("krok", "pl", 10);
    REQUIRE(ids(hits) == std::vector<std::string>{"close-next-step", "greet-by-name"});
    CHECK(hits[0].title_hit);
    CHECK_FALSE(hits[1].title_hit);
    // Titles in another locale are still titles, below the same hit in the asked locale.
    const auto step = index.search("step", "pl", 10);
    REQUIRE_FALSE(step.empty());
    CHECK(step[0].card_id == "close-next-step");
    CHECK(step[0].title_hit);
}

TEST_CASE("an exact word outranks a longer word it is the start of", "[search]") {
    SearchIndex index(make_content());
    // "name" is exact in greet-by-name's title; nothing else has it.
    const auto hits = index.search("name", "en", 10);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].card_id == "greet-by-name");
    const auto exact = index.search("krok", "pl", 1);
    const auto prefix = index.search("kro", "pl", 1);
    REQUIRE(exact.size() == 1);
    REQUIRE(prefix.size() == 1);
    CHECK(exact[0].score > prefix[0].score);
}

TEST_CASE("cards matching more query words come first", "[search]") {
    SearchIndex index(make_content());
    // Only complaint-listen has both words; the other "promise" cards follow it.
    const auto both = index.search("promise angry", "en", 10);
    REQUIRE_FALSE(both.empty());
    CHECK(both[0].card_id == "complaint-listen");
    CHECK(both[0].words_matched == 2);
    for (std::size_t i = 1; i < both.size(); ++i)
        CHECK(both[i].words_matched == 1);
    // A word that matches nothing does not hide the cards the other word finds.
    CHECK(ids(index.search("promise zzzz", "en", 10)) == ids(index.search("promise", "en", 10)));
    // Words may come from different locales of the same card.
    const auto mixed = index.search("listen жалобу", "en", 10);
    REQUIRE_FALSE(mixed.empty());
    CHECK(mixed[0].card_id == "complaint-listen");
    CHECK(mixed[0].words_matched == 2);
    // Tags and the card id are searchable too.
    CHECK(ids(index.search("effort", "en", 10)) == std::vector<std::string>{"close-next-step"});
    CHECK(ids(index.search("greet", "en", 10)) == std::vector<std::string>{"greet-by-name"});
}

TEST_CASE("empty, blank and punctuation-only queries give no hits", "[search]") {
    SearchIndex index(make_content());
    CHECK(index.search("", "en", 10).empty());
    CHECK(index.search("   \t  ", "en", 10).empty());
    CHECK(index.search("?!.,;:-- ()", "pl", 10).empty());
    CHECK(index.search("krok", "pl", 0).empty());
}

TEST_CASE("absurd queries give a calm result", "[search]") {
    SearchIndex index(make_content());
    CHECK(index.search(std::string(10000, 'a'), "en", 10).empty());
    CHECK(index.search(std::string(10000, ' '), "en", 10).empty());
    std::string many_words;
    for (int i = 0; i < 2000; ++i)
        many_words += "krok ";
    CHECK(ids(index.search(many_words, "pl", 10)) == ids(index.search("krok", "pl", 10)));
    std::string controls;
    for (int i = 0; i < 10000; ++i)
        controls += static_cast<char>(i % 32);
    CHECK(index.search(controls, "en", 10).empty());
    // Control characters separate words like spaces do (a trailing one finishes the last word).
    CHECK(ids(index.search(std::string("\x01kro\x07k\x1b"), "pl", 10)) ==
          ids(index.search(" kro k ", "pl", 10)));
    CHECK(ids(index.search(std::string("\x01kro\x07k"), "pl", 10)) ==
          ids(index.search("kro k", "pl", 10)));
    CHECK_NOTHROW(index.search("\xFF\xFE\xC3(\xE2\x82\xF0\x9F\x98", "ru", 10));
    CHECK(ids(index.search("kr\xFFok", "pl", 10)) == ids(index.search("krok", "pl", 10)));
    // An unknown locale is not an error here: it just prefers none.
    CHECK(ids(index.search("krok", "xx", 10)).size() == 2);
}

TEST_CASE("search results are deterministic and limited", "[search]") {
    SearchIndex index(make_content());
    // Same score, no title hit: deck order decides (first-contact before closing).
    const auto first = index.search("klient", "pl", 10);
    CHECK(ids(first) == std::vector<std::string>{"greet-by-name", "complaint-listen"});
    for (int i = 0; i < 20; ++i)
        CHECK(ids(index.search("klient", "pl", 10)) == ids(first));
    CHECK(ids(SearchIndex(make_content()).search("klient", "pl", 10)) == ids(first));
    CHECK(index.search("promise", "en", 2).size() == 2);
}

TEST_CASE("each keystroke of a query can be searched on its own", "[search]") {
    SearchIndex index(make_content());
    const std::string query = "następny krok";
    std::size_t pos = 0;
    while (pos < query.size()) {
        trainer::search::decode_utf8(query, pos);
        const auto hits = index.search(query.substr(0, pos), "pl", 5);
        CHECK(contains(hits, "close-next-step"));
    }
    CHECK(SearchIndex().search("krok", "pl", 5).empty()); // an empty index is calm too
}

TEST_CASE("the cards CLI lists the bundled cards and finds each by its own title", "[search]") {
    const std::string bin = TRAINER_BIN_DIR "/trainer";
    const std::string content = " --content " + quoted(TRAINER_SOURCE_DIR "/content");
    std::string out;
    REQUIRE(test::run_command(bin + " cards list --json" + content, &out) == 0);
    const auto list = nlohmann::json::parse(out);
    REQUIRE(list.is_array());
    REQUIRE_FALSE(list.empty());
    for (const auto& card : list) {
        CHECK(card.at("id").is_string());
        CHECK(card.at("deck").is_string());
        CHECK(card.at("version").is_number_integer());
        CHECK(card.at("title").at("en").is_string());
    }
    // The first and last card: search the Polish title, with diacritics folded away.
    for (const auto* card : {&list.front(), &list.back()}) {
        const auto id = card->at("id").get<std::string>();
        const auto& titles = card->at("title");
        const auto title = titles.at(titles.contains("pl") ? "pl" : "en").get<std::string>();
        INFO(id << ": " << title);
        REQUIRE(test::run_command(bin + " cards search " + quoted(trainer::search::fold(title)) +
                                      " --lang pl --limit 50 --json" + content,
                                  &out) == 0);
        const auto hits = nlohmann::json::parse(out);
        bool found = false;
        for (const auto& h : hits)
            if (h.at("id") == id) found = h.at("title_hit") == true;
        CHECK(found);
        REQUIRE_FALSE(hits.empty());
        CHECK(hits[0].at("title_hit") == true);
    }
    CHECK(test::run_command(bin + " cards search krok --lang xx" + content, &out) == 2);
    CHECK(out.find("--lang") != std::string::npos);
    CHECK(test::run_command(bin + " cards search krok --limit many" + content, &out) == 2);
    CHECK(test::run_command(bin + " cards search ' ' --json" + content, &out) == 0);
    CHECK(nlohmann::json::parse(out).empty());
    CHECK(test::run_command(bin + " cards list --content /nonexistent/trainer-content", &out) == 1);
}

TEST_CASE("a one-letter query finds exactly the cards with a word starting with it", "[search]") {
    const ContentSet content = make_content();
    SearchIndex index(content);
    using trainer::search::fold_words;
    for (const std::string letter : {"p", "k", "z", "l", "Ł", "е", "з", "n", "7"}) {
        const std::string folded = trainer::search::fold(letter);
        std::vector<std::string> expected; // brute force over every field, in content order
        for (const auto& card : content.cards) {
            std::vector<std::string> texts = card.tags;
            texts.push_back(card.id);
            for (const auto& [locale, t] : card.text) {
                texts.insert(texts.end(), {t.title, t.front, t.back, t.why, t.avoid});
                texts.insert(texts.end(), t.phrasings.begin(), t.phrasings.end());
            }
            bool any = false;
            for (const auto& text : texts)
                for (const auto& w : fold_words(text)) any = any || w.starts_with(folded);
            if (any) expected.push_back(card.id);
        }
        const auto hits = index.search(letter, "pl", 100);
        auto got = ids(hits);
        std::sort(got.begin(), got.end());
        std::sort(expected.begin(), expected.end());
        INFO("letter " << letter);
        CHECK(got == expected);
        for (std::size_t i = 1; i < hits.size(); ++i) {
            const bool ordered = hits[i - 1].title_hit > hits[i].title_hit ||
                                 (hits[i - 1].title_hit == hits[i].title_hit &&
                                  hits[i - 1].score >= hits[i].score);
            CHECK(ordered);
        }
    }
}

TEST_CASE("hyphenated compounds are also words of their own, joined", "[search]") {
    using trainer::search::hyphen_compounds;
    const auto c = hyphen_compounds("Answer an e-mail, then a follow-up call-back; not - this or-");
    REQUIRE(c.size() == 3);
    CHECK(c[0].joined == "email");
    CHECK(c[0].first_word == 2); // answer an [e] mail
    CHECK(c[1].joined == "followup");
    CHECK(c[2].joined == "callback");
    CHECK(c[2].first_word == 8);
    CHECK(hyphen_compounds("Тайм-ауту конец").at(0).joined == "таймауту");
    CHECK(hyphen_compounds("no hyphen at all").empty());
    CHECK(hyphen_compounds("- -- a- -b").empty());

    ContentSet s = make_content();
    s.cards[1].text["en"].back = "Send the summary by e-mail.";
    const SearchIndex index(s);
    const auto hits = index.search("email ", "en", 3);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].card_id == "close-next-step");
    CHECK(hits[0].matches.at(0).kind == trainer::search::MatchKind::exact);
    CHECK(contains(index.search("e-mail ", "en", 3), "close-next-step")); // as written still works
}

TEST_CASE("function words match only exactly and do not decide the ranking", "[search]") {
    CHECK(trainer::search::function_words_sorted());
    CHECK(trainer::search::is_function_word("the"));
    CHECK(trainer::search::is_function_word("sie"));   // się, folded
    CHECK(trainer::search::is_function_word("перед"));
    CHECK_FALSE(trainer::search::is_function_word("promise"));
    CHECK_FALSE(trainer::search::is_function_word("klient"));

    const SearchIndex index(make_content());
    // "who does what and by when" are all in the closing card; "listen" only in the complaint
    // card: the one content word decides, not the four function words.
    const auto hits = index.search("who does what by listen ", "en", 3);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].card_id == "complaint-listen");
    CHECK(hits.size() == 1); // a card matching only function words is no hit
    // A finished function word does not prefix-match ("перед" is not "передайте")...
    const auto ru = index.search("перед ", "ru", 3);
    REQUIRE(ru.size() == 1);
    CHECK(ru[0].card_id == "close-next-step"); // "Перед завершением звонка", exactly
    // ...but while it is being typed it is a prefix like any other.
    CHECK(contains(index.search("by", "en", 3), "close-next-step"));
    // A query of function words only still finds where they stand.
    CHECK(contains(index.search("by when ", "en", 3), "close-next-step"));
}

TEST_CASE("typo candidates: same first letter, length within the allowed edits", "[search]") {
    const SearchIndex index(make_content());
    CHECK(contains(index.search("promsie ", "en", 3), "greet-by-name"));    // swap, 7 letters
    CHECK(contains(index.search("promiise ", "en", 3), "greet-by-name"));   // one letter more
    CHECK(contains(index.search("prmise ", "en", 3), "greet-by-name"));     // one letter less
    CHECK(index.search("bromise ", "en", 3).empty()); // the first letter must be right
    CHECK(contains(index.search("wysłuhcaj ", "pl", 3), "complaint-listen")); // Polish, a swap
    CHECK(contains(index.search("выслушйте ", "ru", 3), "complaint-listen")); // Russian, one letter less
}

TEST_CASE("a snippet highlights the words looked for, not the function words around them", "[search]") {
    using trainer::search::make_snippet;
    const auto parts = make_snippet("Say who does what and by when, then confirm it.", {"by", "confirm"}, 200);
    std::string marked;
    for (const auto& p : parts)
        if (p.match) marked += "[" + p.text + "]";
    CHECK(marked == "[confirm]");
    // Only function words matched: they are still shown.
    std::string only;
    for (const auto& p : make_snippet("Say who does what and by when.", {"by"}, 200))
        if (p.match) only += "[" + p.text + "]";
    CHECK(only == "[by]");
}
