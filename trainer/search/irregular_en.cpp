#include "trainer/search/irregular_en.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

namespace trainer::search {
namespace {

// Sorted by form. Verbs people use about calls, complaints and service; a form that is also a
// common noun or adjective in the cards' sense ("left", "found", "lay", "bit") is not listed.
constexpr std::pair<std::string_view, std::string_view> kIrregularForms[] = {
    {"ate", "eat"},
    {"became", "become"},
    {"began", "begin"},
    {"begun", "begin"},
    {"bought", "buy"},
    {"broke", "break"},
    {"broken", "break"},
    {"brought", "bring"},
    {"came", "come"},
    {"caught", "catch"},
    {"chose", "choose"},
    {"chosen", "choose"},
    {"drawn", "draw"},
    {"drew", "draw"},
    {"driven", "drive"},
    {"drove", "drive"},
    {"eaten", "eat"},
    {"fallen", "fall"},
    {"fell", "fall"},
    {"felt", "feel"},
    {"forbade", "forbid"},
    {"forbidden", "forbid"},
    {"forgave", "forgive"},
    {"forgiven", "forgive"},
    {"forgot", "forget"},
    {"forgotten", "forget"},
    {"fought", "fight"},
    {"froze", "freeze"},
    {"frozen", "freeze"},
    {"gave", "give"},
    {"given", "give"},
    {"gone", "go"},
    {"got", "get"},
    {"gotten", "get"},
    {"grew", "grow"},
    {"grown", "grow"},
    {"heard", "hear"},
    {"held", "hold"},
    {"hid", "hide"},
    {"hidden", "hide"},
    {"hung", "hang"},
    {"kept", "keep"},
    {"knew", "know"},
    {"known", "know"},
    {"led", "lead"},
    {"lent", "lend"},
    {"lost", "lose"},
    {"made", "make"},
    {"meant", "mean"},
    {"met", "meet"},
    {"misled", "mislead"},
    {"misunderstood", "misunderstand"},
    {"overheard", "overhear"},
    {"paid", "pay"},
    {"ran", "run"},
    {"rang", "ring"},
    {"risen", "rise"},
    {"rose", "rise"},
    {"rung", "ring"},
    {"said", "say"},
    {"sang", "sing"},
    {"sat", "sit"},
    {"saw", "see"},
    {"seen", "see"},
    {"sent", "send"},
    {"shaken", "shake"},
    {"shook", "shake"},
    {"shot", "shoot"},
    {"slept", "sleep"},
    {"sold", "sell"},
    {"sought", "seek"},
    {"spent", "spend"},
    {"spoke", "speak"},
    {"spoken", "speak"},
    {"stole", "steal"},
    {"stolen", "steal"},
    {"stood", "stand"},
    {"struck", "strike"},
    {"stuck", "stick"},
    {"swore", "swear"},
    {"sworn", "swear"},
    {"taken", "take"},
    {"taught", "teach"},
    {"thought", "think"},
    {"threw", "throw"},
    {"thrown", "throw"},
    {"told", "tell"},
    {"took", "take"},
    {"tore", "tear"},
    {"torn", "tear"},
    {"understood", "understand"},
    {"went", "go"},
    {"withdrawn", "withdraw"},
    {"withdrew", "withdraw"},
    {"woke", "wake"},
    {"woken", "wake"},
    {"won", "win"},
    {"wore", "wear"},
    {"worn", "wear"},
    {"written", "write"},
    {"wrote", "write"},
};

constexpr bool irregular_forms_sorted() {
    for (std::size_t i = 1; i < std::size(kIrregularForms); ++i)
        if (!(kIrregularForms[i - 1].first < kIrregularForms[i].first)) return false;
    return true;
}
static_assert(irregular_forms_sorted(), "kIrregularForms must be sorted by form, each form once");

} // namespace

std::string_view english_base_form(std::string_view folded_word) {
    const auto it =
        std::lower_bound(std::begin(kIrregularForms), std::end(kIrregularForms), folded_word,
                         [](const auto& e, std::string_view w) { return e.first < w; });
    return it != std::end(kIrregularForms) && it->first == folded_word ? it->second : folded_word;
}

} // namespace trainer::search
