// Search engine rules for classes of queries agents type (README "Search", session 6): a whole
// question longer than the words a search weighs, a word the content has as itself against
// words that merely resemble it, a mistyped first letter. On the bundled content and lexicon.
#include "support.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/search/index.hpp"
#include "trainer/search/irregular_en.hpp"
#include "trainer/search/lexicon.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using trainer::search::Hit;
using trainer::search::MatchKind;
using trainer::search::SearchIndex;

const SearchIndex& bundled_index() {
    static const SearchIndex index = [] {
        const auto loaded = trainer::content::load_content(TRAINER_SOURCE_DIR "/content");
        REQUIRE(loaded.content);
        std::string problem;
        auto lexicon = trainer::search::Lexicon::load(
            trainer::search::lexicon_path(TRAINER_SOURCE_DIR "/content"), problem);
        INFO(problem);
        REQUIRE(problem.empty());
        return SearchIndex(*loaded.content, std::move(lexicon));
    }();
    return index;
}

std::vector<std::string> ids(const std::vector<Hit>& hits) {
    std::vector<std::string> out;
    for (const Hit& h : hits)
        out.push_back(h.card_id);
    return out;
}

bool matched_word(const std::vector<Hit>& hits, std::string_view word) {
    for (const Hit& h : hits)
        for (const auto& m : h.matches)
            if (m.word == word) return true;
    return false;
}

} // namespace

TEST_CASE("a question longer than eight words keeps the words that name the standard", "[search]") {
    const SearchIndex& index = bundled_index();
    // Ten function words before the two that matter: they are dropped first, not the end.
    const auto plain = index.search("numer reklamacji ", "pl", 3);
    const auto padded = index.search("a i o w z na do że się to numer reklamacji ", "pl", 3);
    REQUIRE_FALSE(plain.empty());
    CHECK(ids(padded) == ids(plain));
    CHECK(padded[0].words_matched >= 2);
    // A real question of nine words: "supervisor", the ninth, still counts.
    const auto asked = index.search("how do i pass the caller to my supervisor ", "en", 3);
    CHECK(matched_word(asked, "supervisor"));
    // More content words than a search weighs: the first eight are kept, calmly.
    const auto many = index.search("refund delay complaint callback chat email survey recording "
                                   "greeting summary ",
                                   "en", 3);
    CHECK(many.size() == 3);
    CHECK_FALSE(matched_word(many, "summary"));
}

TEST_CASE("a word some card holds counts as matched only where it is, not where it resembles", "[search]") {
    const SearchIndex& index = bundled_index();
    // "interrupting" is on cards as itself or a word form, and resembles *intermittent* and
    // *internet*: those cards still show, below every card that holds the word.
    const auto hits = index.search("interrupting ", "en", 20);
    REQUIRE(hits.size() >= 2);
    bool weak_seen = false;
    for (const Hit& h : hits) {
        REQUIRE(h.matches.size() == 1);
        const bool weak = h.rank_words == 0;
        if (weak) CHECK(h.matches[0].kind <= MatchKind::related);
        if (!weak) CHECK_FALSE(weak_seen); // no holder of the word below a look-alike
        weak_seen = weak_seen || weak;
    }
    CHECK(weak_seen);
    const auto ranked = ids(index.search("customer keeps interrupting ", "en", 3));
    CHECK((std::find(ranked.begin(), ranked.end(), "un-listen-to-the-end") != ranked.end() ||
           std::find(ranked.begin(), ranked.end(), "ch-let-emotion-out") != ranked.end()));
}

TEST_CASE("a mistyped first letter counts as two edits", "[search]") {
    const SearchIndex& index = bundled_index();
    // 9 letters or more allow two edits: a wrong first letter (a neighbouring key) is found.
    const auto en = index.search("vancellation ", "en", 3);
    REQUIRE_FALSE(en.empty());
    CHECK(en[0].card_id == "ch-customer-wants-to-leave");
    CHECK(en[0].matches.at(0).kind == MatchKind::typo);
    const auto pl = index.search("tezygnacja ", "pl", 3);
    REQUIRE_FALSE(pl.empty());
    CHECK(pl[0].card_id == "ch-customer-wants-to-leave");
    // Shorter words allow one edit, which a wrong first letter already exceeds.
    CHECK_FALSE(matched_word(index.search("vancel ", "en", 10), "cancel"));
    // A wrong first letter plus another typo is three edits: no match.
    CHECK_FALSE(matched_word(index.search("vancellatiom ", "en", 10), "cancellation"));
}

TEST_CASE("an English irregular past or participle meets the verb's other forms", "[search]") {
    using trainer::search::english_base_form;
    CHECK(english_base_form("swore") == "swear");
    CHECK(english_base_form("forgotten") == "forget");
    CHECK(english_base_form("told") == "tell");
    CHECK(english_base_form("refunded") == "refunded"); // regular: Snowball's own work
    CHECK(english_base_form("was") == "was");           // auxiliaries are function words
    // "swore" has nothing in common with *swearing* for Snowball; as a form of "swear" it is a
    // word form of the cards' *swearing*, not a typo or a look-alike.
    const auto hits = bundled_index().search("swore ", "en", 10);
    bool form_of_swear = false;
    for (const Hit& h : hits)
        for (const auto& m : h.matches)
            form_of_swear = form_of_swear || (m.word == "swearing" && m.kind == MatchKind::form);
    CHECK(form_of_swear);
}
