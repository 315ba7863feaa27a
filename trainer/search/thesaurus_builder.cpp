#include "trainer/search/thesaurus_builder.hpp"

// [SECTION] Reading a MyThes .dat file
// [SECTION] Building

#include "trainer/search/fold.hpp"
#include "trainer/search/function_words.hpp"
#include "trainer/search/lexicon_builder.hpp"
#include "trainer/search/stem.hpp"
#include "trainer/search/thesaurus.hpp"
#include "trainer/search/typo.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace trainer::search {
namespace {

// [SECTION] Reading a MyThes .dat file -----------------------------------------------------

// headword (folded, one word) -> its synonyms (folded single words, in the file's order).
using Thesaurus = std::unordered_map<std::string, std::vector<std::string>>;

// The .dat format: the first line names the encoding; then entries "headword|N" followed by N
// lines "(part of speech)|synonym|synonym|...". A synonym with a note in parentheses
// ("city (generic term)", "(antonym)", "zaś (książk.)") or of several words is left out.
Thesaurus read_mythes(const std::filesystem::path& path, std::string& problem) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problem = "cannot be read";
        return {};
    }
    std::ostringstream raw;
    raw << in.rdbuf();
    std::string text = raw.str();
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    const std::size_t first_end = text.find('\n');
    std::string encoding = text.substr(0, first_end);
    while (!encoding.empty() && (encoding.back() == '\r' || encoding.back() == ' '))
        encoding.pop_back();
    if (first_end == std::string::npos || encoding.empty()) {
        problem = "line 1: expected the name of an encoding";
        return {};
    }
    const std::string utf8 = convert_encoding(text.substr(first_end + 1), encoding, "UTF-8");
    if (utf8.empty()) {
        problem = "cannot be converted from " + encoding;
        return {};
    }
    Thesaurus out;
    std::vector<std::string>* current = nullptr;
    std::size_t senses_left = 0;
    std::istringstream lines(utf8);
    std::string line;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (senses_left == 0) {
            const std::size_t bar = line.rfind('|');
            current = nullptr;
            if (bar == std::string::npos) continue;
            senses_left = std::strtoul(line.c_str() + bar + 1, nullptr, 10);
            const auto head = fold_words(line.substr(0, bar));
            if (head.size() == 1) current = &out[head[0]];
            continue;
        }
        --senses_left;
        if (current == nullptr) continue;
        std::size_t pos = line.find('|'); // skip the part of speech
        while (pos != std::string::npos) {
            const std::size_t next = line.find('|', pos + 1);
            const std::string item = line.substr(pos + 1, next == std::string::npos
                                                               ? std::string::npos
                                                               : next - pos - 1);
            pos = next;
            if (item.find('(') != std::string::npos) continue;
            auto words = fold_words(item);
            if (words.size() == 1) current->push_back(std::move(words[0]));
        }
    }
    return out;
}

// [SECTION] Building -----------------------------------------------------------------------

std::vector<std::string> card_words(const content::CardText& t) {
    std::vector<std::string> out;
    auto add = [&](const std::string& s) {
        for (auto& w : fold_words(s))
            out.push_back(std::move(w));
    };
    add(t.title);
    for (const auto& k : t.keywords)
        add(k);
    add(t.front);
    add(t.back);
    add(t.why);
    for (const auto& p : t.phrasings)
        add(p);
    add(t.avoid);
    return out;
}

} // namespace

ThesaurusBuild build_thesaurus(const content::ContentSet& content, const Lexicon& lexicon,
                               const std::filesystem::path& mythes_dir) {
    ThesaurusBuild build;
    // Every word of the content in any locale: a synonym that is one needs no table line.
    std::unordered_set<std::string> all_words;
    for (const auto& card : content.cards)
        for (const auto& [locale, t] : card.text)
            for (auto& w : card_words(t))
                all_words.insert(std::move(w));
    std::set<std::pair<std::string, std::string>> pairs; // (synonym, content word)
    const std::pair<const char*, const char*> files[] = {
        {"en", "th_en_US_v2.dat"}, {"pl", "th_pl_PL_v2.dat"}, {"ru", "th_ru_RU_v2.dat"}};
    for (const auto& [locale, name] : files) {
        std::string problem;
        const Thesaurus thesaurus = read_mythes(mythes_dir / name, problem);
        if (!problem.empty() || thesaurus.empty()) {
            build.notes.push_back(std::string(locale) + ": no thesaurus at " +
                                  (mythes_dir / name).string() +
                                  (problem.empty() ? "" : " (" + problem + ")") +
                                  "; its words get no synonyms");
            continue;
        }
        const bool stems = std::string_view(locale) != "pl"; // Snowball has no Polish
        std::unordered_map<std::string, std::vector<const std::string*>> by_stem;
        if (stems)
            for (const auto& entry : thesaurus)
                by_stem[snowball_stem(entry.first)].push_back(&entry.first);
        // The cards each word of this locale occurs in, to leave out common words.
        std::map<std::string, std::set<std::size_t>> cards_of;
        for (std::size_t ci = 0; ci < content.cards.size(); ++ci) {
            const auto t = content.cards[ci].text.find(locale);
            if (t == content.cards[ci].text.end()) continue;
            for (auto& w : card_words(t->second))
                cards_of[std::move(w)].insert(ci);
        }
        std::size_t before = pairs.size();
        for (const auto& [word, cards] : cards_of) {
            if (cards.size() * 4 > content.cards.size() || is_function_word(word) ||
                code_points(word).size() < 4)
                continue;
            std::vector<std::string> heads{word};
            for (std::string_view lemma : lexicon.lemmas(word))
                heads.emplace_back(lemma);
            if (stems)
                if (auto it = by_stem.find(snowball_stem(word)); it != by_stem.end())
                    for (const std::string* h : it->second)
                        heads.push_back(*h);
            std::vector<std::string> kept;
            for (const std::string& h : heads) {
                const auto it = thesaurus.find(h);
                if (it == thesaurus.end()) continue;
                for (const std::string& s : it->second) {
                    if (kept.size() >= kMaxSynonymsPerWord) break;
                    if (code_points(s).size() < 4 || is_function_word(s) || all_words.contains(s))
                        continue;
                    if (std::find(kept.begin(), kept.end(), s) == kept.end()) kept.push_back(s);
                }
            }
            for (const std::string& s : kept)
                pairs.emplace(s, word);
        }
        build.notes.push_back(std::string(locale) + ": " + std::to_string(thesaurus.size()) +
                              " headwords in " + (mythes_dir / name).string() + ", " +
                              std::to_string(pairs.size() - before) + " synonym lines");
    }
    build.text = std::string(kThesaurusHeader) + "\n";
    for (const auto& [synonym, word] : pairs)
        build.text += synonym + "\t" + word + "\n";
    build.pairs = pairs.size();
    return build;
}

} // namespace trainer::search
