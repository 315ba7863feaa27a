#pragma once
// Typo tolerance (README "Search: typos"): how many edits a finished query word may have, and
// the optimal string alignment distance (Damerau: insert, delete, substitute, swap neighbours)
// between two words, counted in code points.
#include <cstddef>
#include <string>
#include <string_view>

namespace trainer::search {

// Code points of a UTF-8 word (invalid bytes are dropped).
std::u32string code_points(std::string_view word);

// 0 below 5 letters, 1 from 5, 2 from 9 (the convention of Meilisearch and Typesense).
std::size_t allowed_typos(std::size_t letters);

// The OSA distance of a and b when it is at most `bound`, else bound + 1 (cut off early).
std::size_t osa_distance(std::u32string_view a, std::u32string_view b, std::size_t bound);

} // namespace trainer::search
