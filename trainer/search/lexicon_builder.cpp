#include "trainer/search/lexicon_builder.hpp"

// [SECTION] Encodings: dictionaries in ISO 8859-2 or KOI8-R as well as UTF-8
// [SECTION] Affix rules: the dictionary's prefixes and suffixes, applied to one entry
// [SECTION] Building

#include "trainer/search/fold.hpp"
#include "trainer/search/lexicon.hpp"
#include "trainer/search/typo.hpp"

#include <hunspell/hunspell.hxx>
#include <iconv.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace trainer::search {
namespace {

// [SECTION] Encodings ----------------------------------------------------------------------

// Converts between an encoding and UTF-8; unconvertible characters drop the whole text.
std::string convert(const std::string& text, const std::string& from, const std::string& to) {
    if (from == to || text.empty()) return text;
    iconv_t cd = iconv_open(to.c_str(), from.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return {};
    std::string out(text.size() * 4 + 8, '\0');
    char* in_ptr = const_cast<char*>(text.data());
    std::size_t in_left = text.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1)) return {};
    out.resize(out.size() - out_left);
    return out;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> split_ws(std::string_view line) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            ++i;
        std::size_t j = i;
        while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r')
            ++j;
        if (j > i) out.emplace_back(line.substr(i, j - i));
        i = j;
    }
    return out;
}

// [SECTION] Affix rules --------------------------------------------------------------------

struct Rule {
    std::u32string strip, add;
    std::vector<std::pair<bool, std::u32string>> condition; // (negated, letters) per position
};

struct AffixClass {
    bool suffix = true;
    bool cross = false; // combines with the other kind
    std::vector<Rule> rules;
};

std::vector<std::pair<bool, std::u32string>> parse_condition(std::u32string_view c) {
    std::vector<std::pair<bool, std::u32string>> out;
    if (c == U".") return out;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c[i] == U'[') {
            const std::size_t end = c.find(U']', i);
            if (end == std::u32string_view::npos) return out;
            bool negated = i + 1 < end && c[i + 1] == U'^';
            out.emplace_back(negated, std::u32string(c.substr(i + (negated ? 2 : 1),
                                                              end - i - (negated ? 2 : 1))));
            i = end;
        } else if (c[i] == U'.') {
            out.emplace_back(true, U"");
        } else {
            out.emplace_back(false, std::u32string(1, c[i]));
        }
    }
    return out;
}

bool fits(const Rule& r, std::u32string_view word, bool suffix) {
    if (word.size() < r.condition.size() || word.size() < r.strip.size()) return false;
    const std::size_t start = suffix ? word.size() - r.condition.size() : 0;
    for (std::size_t k = 0; k < r.condition.size(); ++k) {
        const auto& [negated, letters] = r.condition[k];
        const bool in = letters.find(word[start + k]) != std::u32string::npos;
        if (in == negated) return false;
    }
    return suffix ? word.ends_with(r.strip) : word.starts_with(r.strip);
}

std::u32string apply(const Rule& r, std::u32string_view word, bool suffix) {
    if (suffix) return std::u32string(word.substr(0, word.size() - r.strip.size())) + r.add;
    return r.add + std::u32string(word.substr(r.strip.size()));
}

std::map<char32_t, AffixClass> parse_affixes(const std::string& aff_utf8) {
    std::map<char32_t, AffixClass> classes;
    std::istringstream in(aff_utf8);
    std::string line;
    while (std::getline(in, line)) {
        const auto f = split_ws(line);
        if (f.size() < 4 || (f[0] != "PFX" && f[0] != "SFX")) continue;
        const std::u32string flag = code_points(f[1]);
        if (flag.size() != 1) continue; // this reader supports one-letter flags only
        AffixClass& cls = classes[flag[0]];
        cls.suffix = f[0] == "SFX";
        if (f.size() == 4 && (f[2] == "Y" || f[2] == "N")) { // header: SFX F Y 442
            cls.cross = f[2] == "Y";
            continue;
        }
        if (f.size() < 5) continue;
        Rule r;
        r.strip = f[2] == "0" ? U"" : code_points(f[2]);
        std::string add = f[3].substr(0, f[3].find('/'));
        r.add = add == "0" ? U"" : code_points(add);
        r.condition = parse_condition(code_points(f[4]));
        cls.rules.push_back(std::move(r));
    }
    return classes;
}

// Every form of one dictionary entry: the word, its suffixed and prefixed forms, and the
// prefixed suffixed forms where both classes allow crossing.
std::vector<std::u32string> expand(const std::u32string& word, std::u32string_view flags,
                                   const std::map<char32_t, AffixClass>& classes) {
    std::vector<std::u32string> forms{word};
    std::vector<std::u32string> crossable{word};
    for (char32_t f : flags) {
        auto it = classes.find(f);
        if (it == classes.end() || !it->second.suffix) continue;
        for (const Rule& r : it->second.rules)
            if (fits(r, word, true)) {
                forms.push_back(apply(r, word, true));
                if (it->second.cross) crossable.push_back(forms.back());
            }
    }
    for (char32_t f : flags) {
        auto it = classes.find(f);
        if (it == classes.end() || it->second.suffix) continue;
        for (const std::u32string& base : crossable)
            for (const Rule& r : it->second.rules)
                if ((&base == &crossable.front() || it->second.cross) && fits(r, base, false))
                    forms.push_back(apply(r, base, false));
    }
    return forms;
}

// [SECTION] Building -----------------------------------------------------------------------

// The words of a text as written (not folded): runs of letters.
void words_of(std::string_view text, std::unordered_set<std::string>& out) {
    std::string word, scratch;
    for (std::size_t pos = 0; pos <= text.size();) {
        std::size_t start = pos;
        FoldKind kind = FoldKind::separator;
        if (pos < text.size()) {
            scratch.clear();
            kind = fold_code_point(decode_utf8(text, pos), scratch);
        } else {
            ++pos;
        }
        if (kind == FoldKind::letter)
            word.append(text.substr(start, pos - start));
        else if (kind == FoldKind::separator && !word.empty())
            out.insert(std::exchange(word, {}));
    }
}

std::string encode32(std::u32string_view s) {
    std::string out;
    for (char32_t cp : s)
        encode_utf8(cp, out);
    return out;
}

// Russian dictionaries list many imperatives as entries of their own ("назови", "ответь"), so
// Hunspell gives "назовите" the lemma "назови" and never "назвать": the agent's infinitive would
// not meet the card's imperative. The imperative is built on the present/future stem (назов-и,
// назов-ут), so the infinitive is the lemma Hunspell gives to that stem's 1st person singular or
// 3rd plural; only lemmas that are infinitives (-ть, -ти, -чь) are taken.
std::set<std::string> infinitives_of_imperative(Hunspell& hunspell, const std::string& lemma,
                                                const std::string& encoding) {
    std::set<std::string> out;
    const std::u32string cp = code_points(lemma);
    if (cp.size() < 4 || (cp.back() != U'и' && cp.back() != U'ь' && cp.back() != U'й')) return out;
    const std::string stem = encode32(std::u32string_view(cp).substr(0, cp.size() - 1));
    for (const char* ending : {"у", "ю", "ут", "ют", "ат", "ят"}) {
        const std::string probe = convert(stem + ending, "UTF-8", encoding);
        if (probe.empty()) continue;
        for (const std::string& s : hunspell.stem(probe)) {
            const std::string u = convert(s, encoding, "UTF-8");
            if (u != lemma && (u.ends_with("ть") || u.ends_with("ти") || u.ends_with("чь")))
                out.insert(u);
        }
    }
    return out;
}

} // namespace

LexiconBuild build_lexicon(const content::ContentSet& content,
                           const std::filesystem::path& dict_dir) {
    LexiconBuild build;
    std::set<std::pair<std::string, std::string>> pairs; // (folded form, folded lemma)
    const std::pair<const char*, const char*> dictionaries[] = {{"pl", "pl_PL"}, {"ru", "ru_RU"}};
    for (const auto& [locale, name] : dictionaries) {
        const auto aff_path = dict_dir / (std::string(name) + ".aff");
        const auto dic_path = dict_dir / (std::string(name) + ".dic");
        const std::string aff = read_file(aff_path), dic = read_file(dic_path);
        if (aff.empty() || dic.empty()) {
            build.notes.push_back(std::string(locale) + ": no Hunspell dictionary at " +
                                  dic_path.string() + "; its words match exactly and by prefix");
            continue;
        }
        Hunspell hunspell(aff_path.c_str(), dic_path.c_str());
        const std::string encoding = hunspell.get_dict_encoding();
        const std::string aff_utf8 = convert(aff, encoding, "UTF-8");
        const std::string dic_utf8 = convert(dic, encoding, "UTF-8");
        if (aff_utf8.empty() || dic_utf8.empty()) {
            build.notes.push_back(std::string(locale) + ": " + dic_path.string() +
                                  " is not valid " + encoding + "; left out");
            continue;
        }
        std::unordered_set<std::string> words;
        for (const auto& card : content.cards) {
            auto it = card.text.find(locale);
            if (it == card.text.end()) continue;
            const content::CardText& t = it->second;
            for (const std::string* s : {&t.title, &t.front, &t.back, &t.why, &t.avoid})
                words_of(*s, words);
            for (const auto& s : t.phrasings)
                words_of(s, words);
            for (const auto& s : t.keywords)
                words_of(s, words);
        }
        std::unordered_set<std::string> lemmas; // UTF-8, as in the dictionary
        for (const std::string& w : words) {
            const std::string encoded = convert(w, "UTF-8", encoding);
            if (encoded.empty()) continue;
            for (const std::string& stem : hunspell.stem(encoded))
                lemmas.insert(convert(stem, encoding, "UTF-8"));
        }
        std::map<std::string, std::set<std::string>> infinitives; // imperative lemma -> infinitives
        if (std::string_view(locale) == "ru") {
            // Only lemmas the cards use as the polite imperative ("назови" + "те"): a noun or an
            // adjective ending in -ь or -й ("цель", "простой") is never joined to a verb.
            std::unordered_set<std::string> folded_words;
            for (const std::string& w : words)
                folded_words.insert(fold(w));
            std::vector<std::string> found;
            for (const std::string& lemma : lemmas)
                if (folded_words.contains(fold(lemma + "те"))) found.push_back(lemma);
            for (const std::string& lemma : found)
                for (const std::string& inf : infinitives_of_imperative(hunspell, lemma, encoding)) {
                    infinitives[lemma].insert(inf);
                    lemmas.insert(inf);
                }
        }
        const auto classes = parse_affixes(aff_utf8);
        std::size_t entries = 0;
        std::istringstream in(dic_utf8);
        std::string line;
        std::getline(in, line); // the entry count
        while (std::getline(in, line)) {
            const std::size_t slash = line.find('/');
            std::string root = line.substr(0, std::min(slash, line.find_first_of(" \t\r")));
            if (!lemmas.contains(root)) continue;
            ++entries;
            std::string flags;
            if (slash != std::string::npos)
                flags = line.substr(slash + 1, line.find_first_of(" \t\r", slash) - slash - 1);
            const std::string lemma = fold(root);
            const auto joined = infinitives.find(root);
            for (const auto& form : expand(code_points(root), code_points(flags), classes)) {
                const std::string folded = fold(encode32(form));
                pairs.emplace(folded, lemma);
                if (joined != infinitives.end())
                    for (const std::string& inf : joined->second)
                        pairs.emplace(folded, fold(inf));
            }
        }
        if (entries == 0) { // a damaged file, or a dictionary of another language
            build.notes.push_back(std::string(locale) + ": " + dic_path.string() +
                                  " gave no lemma for any of " + std::to_string(words.size()) +
                                  " content words (damaged, or not a " + name +
                                  " dictionary?); its words match exactly and by prefix");
            continue;
        }
        build.notes.push_back(std::string(locale) + ": " + std::to_string(words.size()) +
                              " content words, " + std::to_string(lemmas.size()) +
                              " lemmas, " + std::to_string(entries) + " entries expanded from " +
                              dic_path.string());
    }
    build.text = std::string(kLexiconHeader) + "\n";
    for (const auto& [form, lemma] : pairs) {
        if (form.empty() || lemma.empty() || form.find(' ') != std::string::npos) continue;
        build.text += form + '\t' + lemma + '\n';
        ++build.forms;
    }
    return build;
}

} // namespace trainer::search
