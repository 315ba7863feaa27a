// Aspect partners of Polish and Russian verb lemmas (aspect.hpp).
#include "trainer/search/aspect.hpp"

#include <array>

namespace trainer::search {
namespace {

struct Pattern {
    std::string_view ending;                    // the perfective's: "ac", "ать"
    std::array<std::string_view, 3> imperfective; // what replaces it: "awac", "ywac", "iwac"
};

constexpr std::array<Pattern, 2> kPatterns{{
    {"ac", {"awac", "ywac", "iwac"}},
    {"ать", {"авать", "ывать", "ивать"}},
}};

// Prefixes that make a perfective of a plain verb without changing what it names:
// z-rezygnować / rezygnować, za-dzwonić / dzwonić, prze-czytać / czytać, с-делать / делать,
// по-звонить / звонить, на-писать / писать.
constexpr std::array<std::string_view, 9> kPolishPrefixes{"z",  "s",    "ze", "za", "po",
                                                          "na", "prze", "wy", "u"};
constexpr std::array<std::string_view, 7> kRussianPrefixes{"с", "по", "за", "на", "про", "вы", "у"};

bool is_polish_infinitive(std::string_view w) {
    return w.size() >= 2 && w.back() == 'c' &&
           std::string_view("aeiouy").find(w[w.size() - 2]) != std::string_view::npos;
}
bool is_russian_infinitive(std::string_view w) {
    return w.ends_with("ть") || w.ends_with("ти");
}

std::size_t letters(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

} // namespace

std::vector<std::string> aspect_partners(std::string_view lemma) {
    std::vector<std::string> out;
    for (const Pattern& p : kPatterns) {
        // An imperfective (podawac, передавать) -> its perfective (podac, передать).
        bool imperfective = false;
        for (std::string_view longer : p.imperfective)
            if (lemma.ends_with(longer) && letters(lemma.substr(0, lemma.size() - longer.size())) >= 2) {
                out.push_back(std::string(lemma.substr(0, lemma.size() - longer.size())) +
                              std::string(p.ending));
                imperfective = true;
            }
        if (imperfective) continue;
        // A perfective (podac, записать) -> each possible imperfective.
        if (!lemma.ends_with(p.ending)) continue;
        const std::string_view stem = lemma.substr(0, lemma.size() - p.ending.size());
        if (letters(stem) < 2) continue;
        for (std::string_view longer : p.imperfective)
            out.push_back(std::string(stem) + std::string(longer));
    }
    // A prefixed perfective and the plain verb (both ways): the rest must be a verb of 4+ letters.
    const bool polish = is_polish_infinitive(lemma), russian = is_russian_infinitive(lemma);
    if (!polish && !russian) return out;
    auto add_prefixes = [&](const auto& prefixes) {
        for (std::string_view prefix : prefixes) {
            if (lemma.starts_with(prefix) && letters(lemma.substr(prefix.size())) >= 4)
                out.push_back(std::string(lemma.substr(prefix.size())));
            if (letters(lemma) >= 4) out.push_back(std::string(prefix) + std::string(lemma));
        }
    };
    if (polish)
        add_prefixes(kPolishPrefixes);
    else
        add_prefixes(kRussianPrefixes);
    return out;
}

} // namespace trainer::search
