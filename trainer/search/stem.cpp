#include "trainer/search/stem.hpp"

#include "trainer/search/fold.hpp"
#include "trainer/search/irregular_en.hpp"

#include <libstemmer.h>

#include <memory>

namespace trainer::search {
namespace {

struct StemmerDeleter {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using Stemmer = std::unique_ptr<sb_stemmer, StemmerDeleter>;

sb_stemmer* stemmer(bool russian) {
    // Snowball stemmers keep state between calls: one per thread and language.
    thread_local Stemmer ru(sb_stemmer_new("russian", "UTF_8"));
    thread_local Stemmer en(sb_stemmer_new("english", "UTF_8"));
    return russian ? ru.get() : en.get();
}

} // namespace

bool is_cyrillic_word(std::string_view folded_word) {
    if (folded_word.empty()) return false;
    std::size_t pos = 0;
    const char32_t cp = decode_utf8(folded_word, pos);
    return cp >= 0x0400 && cp <= 0x052F;
}

std::string snowball_stem(std::string_view folded_word) {
    const bool russian = is_cyrillic_word(folded_word);
    sb_stemmer* s = stemmer(russian);
    if (s == nullptr || folded_word.empty()) return std::string(folded_word);
    if (!russian) folded_word = english_base_form(folded_word); // "swore" -> "swear"
    const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                           static_cast<int>(folded_word.size()));
    if (out == nullptr) return std::string(folded_word); // out of memory: the word itself
    return {reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(s))};
}

} // namespace trainer::search
