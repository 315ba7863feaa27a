#include "trainer/search/function_words.hpp"

#include <algorithm>
#include <array>

namespace trainer::search {
namespace {

// en, pl and ru in one list, folded (lowercase, no diacritics, ё as е) and sorted by byte value
// (unit: the function-word list is sorted) so that a lookup is a binary search.
constexpr std::array kWords = std::to_array<std::string_view>({
    "a", "about", "after", "again", "albo", "ale", "all", "also", "am", "an", "and", "another",
    "any", "are", "as", "at", "be", "been", "being", "bez", "both", "but", "by", "byc", "byl",
    "byla", "bylo", "can", "cant", "chca", "chce", "chcial", "chciala", "chcialby", "co", "could",
    "czy", "did", "dla", "do", "does", "doesnt", "dont", "each", "for", "from", "gdy", "gdzie",
    "go", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i", "ich", "if", "im",
    "in", "into", "is", "it", "its", "ive", "jak", "jego", "jej", "jest", "just", "juz", "kiedy",
    "ktory", "lub", "me", "mi", "mnie", "mowi", "mowia", "mu", "my", "na", "nad", "nie", "no",
    "not", "o", "od", "of", "off", "on", "or", "other", "our", "po", "pod", "powiedzial",
    "powiedziala", "przed", "przez", "przy", "sa", "said", "says", "she", "should", "sie", "so",
    "some", "tak", "tez", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "to", "too", "tylko", "u", "very", "w", "want", "wanted", "wants",
    "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "would",
    "you", "your", "z", "za", "ze", "а", "без", "бы", "был", "была", "были", "было", "быть", "в",
    "вам", "вас", "во", "вы", "где", "говорит", "говорят", "да", "для", "до", "его", "ее", "ей",
    "ему", "если", "есть", "же", "за", "и", "из", "или", "им", "их", "к", "как", "ко", "когда",
    "ли", "мне", "мы", "на", "над", "нам", "нас", "не", "ни", "но", "о", "об", "он", "она", "они",
    "оно", "от", "перед", "по", "под", "при", "про", "с", "сказал", "сказала", "со", "так", "то",
    "у", "уже", "хотел", "хотела", "хотят", "хочет", "хочу", "что", "чтобы", "это", "я"
});

} // namespace

bool function_words_sorted() {
    return std::is_sorted(kWords.begin(), kWords.end()) &&
           std::adjacent_find(kWords.begin(), kWords.end()) == kWords.end();
}

bool is_function_word(std::string_view folded_word) {
    return std::binary_search(kWords.begin(), kWords.end(), folded_word);
}

} // namespace trainer::search
