#pragma once
// The result-list snippet (README "Search"): a piece of a card text around the first word the
// query matched, cut at word boundaries with an ellipsis, matched words marked for highlighting.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::search {

struct SnippetPart {
    std::string text; // a word, or the spaces and punctuation between words, or "…"
    bool match = false;
};

// `matched` holds folded content words (Hit::matches[].word). At most about `max_chars` code
// points; starts a few words before the first match so it reads in context.
std::vector<SnippetPart> make_snippet(std::string_view text, const std::vector<std::string>& matched,
                                      std::size_t max_chars);

// True when some word of `text` folds to one of `matched`.
bool has_match(std::string_view text, const std::vector<std::string>& matched);

} // namespace trainer::search
