#include "trainer/search/typo.hpp"

#include "trainer/search/fold.hpp"

#include <algorithm>
#include <vector>

namespace trainer::search {

std::u32string code_points(std::string_view word) {
    std::u32string out;
    for (std::size_t pos = 0; pos < word.size();) {
        const char32_t cp = decode_utf8(word, pos);
        if (cp != kInvalidCodePoint) out += cp;
    }
    return out;
}

std::size_t allowed_typos(std::size_t letters) {
    if (letters >= 9) return 2;
    if (letters >= 5) return 1;
    return 0;
}

std::size_t osa_distance(std::u32string_view a, std::u32string_view b, std::size_t bound) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > bound) return bound + 1;
    // Three rows of the dynamic programme: two back (for swaps), one back, current.
    thread_local std::vector<std::size_t> rows;
    rows.assign(3 * (m + 1), 0);
    std::size_t* prev2 = rows.data();
    std::size_t* prev = prev2 + (m + 1);
    std::size_t* cur = prev + (m + 1);
    for (std::size_t j = 0; j <= m; ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d = std::min(d, prev2[j - 2] + 1);
            cur[j] = d;
            row_min = std::min(row_min, d);
        }
        if (row_min > bound) return bound + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], bound + 1);
}

} // namespace trainer::search
