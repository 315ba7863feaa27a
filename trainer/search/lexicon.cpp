#include "trainer/search/lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

namespace trainer::search {

Lexicon Lexicon::parse(std::string text, std::string& problem) {
    problem.clear();
    Lexicon lex;
    lex.text_ = std::make_shared<const std::string>(std::move(text));
    const std::string_view all = *lex.text_;
    if (!all.starts_with(kLexiconHeader)) {
        problem = "line 1: expected \"" + std::string(kLexiconHeader) + "\"";
        return {};
    }
    std::size_t line_no = 0;
    for (std::size_t pos = 0; pos < all.size();) {
        std::size_t end = all.find('\n', pos);
        if (end == std::string_view::npos) end = all.size();
        const std::string_view line = all.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (line.empty() || line[0] == '#') continue;
        const std::size_t tab = line.find('\t');
        if (tab == 0 || tab == std::string_view::npos || tab + 1 == line.size() ||
            line.find('\t', tab + 1) != std::string_view::npos) {
            problem = "line " + std::to_string(line_no) + ": expected form<TAB>lemma";
            return {};
        }
        lex.entries_.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    if (!std::is_sorted(lex.entries_.begin(), lex.entries_.end(),
                        [](const Entry& a, const Entry& b) { return a.form < b.form; })) {
        problem = "forms are not sorted";
        return {};
    }
    return lex;
}

Lexicon Lexicon::load(const std::filesystem::path& path, std::string& problem) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problem = path.string() + ": cannot be read";
        return {};
    }
    std::ostringstream text;
    text << in.rdbuf();
    Lexicon lex = parse(text.str(), problem);
    if (!problem.empty()) problem = path.string() + ": " + problem;
    return lex;
}

std::vector<std::string_view> Lexicon::lemmas(std::string_view form) const {
    auto lo = std::lower_bound(entries_.begin(), entries_.end(), form,
                               [](const Entry& e, std::string_view f) { return e.form < f; });
    std::vector<std::string_view> out;
    for (; lo != entries_.end() && lo->form == form; ++lo)
        out.push_back(lo->lemma);
    return out;
}

std::filesystem::path lexicon_path(const std::filesystem::path& content_dir) {
    return content_dir / "search" / "lexicon.tsv";
}

} // namespace trainer::search
