#include "trainer/search/snippet.hpp"

#include "trainer/search/fold.hpp"
#include "trainer/search/function_words.hpp"
#include "trainer/search/stem.hpp"

#include <algorithm>

namespace trainer::search {
namespace {

struct Token {
    std::string text, folded; // folded is empty for the text between words
    std::size_t chars = 0;
    bool word = false;
};

std::vector<Token> tokens(std::string_view text) {
    std::vector<Token> out;
    std::string scratch;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        scratch.clear();
        const bool word = fold_code_point(decode_utf8(text, pos), scratch) != FoldKind::separator;
        if (out.empty() || out.back().word != word) out.push_back({{}, {}, 0, word});
        Token& t = out.back();
        t.text.append(text.substr(start, pos - start));
        t.folded += scratch;
        ++t.chars;
    }
    return out;
}

// The matched word itself, or another form of it with the same Snowball stem ("оскорбления"
// in the text when the title had "оскорблениях").
bool is_match(const Token& t, const std::vector<std::string>& matched) {
    if (!t.word || t.folded.empty()) return false;
    if (std::find(matched.begin(), matched.end(), t.folded) != matched.end()) return true;
    const std::string stem = snowball_stem(t.folded);
    for (const auto& m : matched)
        if (stem.size() >= 4 && snowball_stem(m) == stem) return true;
    return false;
}

// Function words ("to", "na") are not what the agent looks for (function_words.hpp): they are
// neither highlighted nor chosen as the snippet's place, unless nothing else matched.
std::vector<std::string> content_words(const std::vector<std::string>& matched) {
    std::vector<std::string> out;
    for (const auto& m : matched)
        if (!is_function_word(m)) out.push_back(m);
    return out.empty() ? matched : out;
}

} // namespace

bool has_match(std::string_view text, const std::vector<std::string>& all_matched) {
    const std::vector<std::string> matched = content_words(all_matched);
    for (const Token& t : tokens(text))
        if (is_match(t, matched)) return true;
    return false;
}

std::vector<SnippetPart> make_snippet(std::string_view text, const std::vector<std::string>& all_matched,
                                      std::size_t max_chars) {
    const std::vector<std::string> matched = content_words(all_matched);
    const std::vector<Token> toks = tokens(text);
    std::size_t first = 0;
    for (std::size_t i = 0; i < toks.size(); ++i)
        if (is_match(toks[i], matched)) {
            first = i;
            break;
        }
    // Up to a quarter of the room goes to the words before the first match.
    std::size_t start = first, before = 0;
    while (start > 0 && before + toks[start - 1].chars <= max_chars / 4)
        before += toks[--start].chars;
    if (start > 0 && start < toks.size() && !toks[start].word) ++start; // begin on a word
    std::vector<SnippetPart> out;
    if (start > 0) out.push_back({"…", false});
    std::size_t used = 0, i = start;
    for (; i < toks.size(); ++i) {
        if (used + toks[i].chars > max_chars && i > start) break;
        used += toks[i].chars;
        out.push_back({toks[i].text, is_match(toks[i], matched)});
    }
    if (i < toks.size()) {
        while (!out.empty() && !out.back().match && out.back().text.find_first_not_of(" ,;:-–—") == std::string::npos)
            out.pop_back(); // no dangling space or comma before the ellipsis
        out.push_back({"…", false});
    }
    return out;
}

} // namespace trainer::search
