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
    return out;
}

} // namespace trainer::search
