#include "trainer/search/function_words.hpp"

#include <algorithm>
#include <array>

namespace trainer::search {
namespace {

// en, pl and ru in one list, folded (lowercase, no diacritics, ё as е) and sorted by byte value
// (unit: the function-word list is sorted) so that a lookup is a binary search.
constexpr std::array kWords = std::to_array<std::string_view>({
    "a", "about", "after", "again", "albo", "ale", "all", "also", "am", "an", "and", "another",
    "any", "are", "arent", "as", "asked", "asks", "at", "be", "been", "being", "bez", "both",
    "but", "by", "byc", "byl", "byla", "bylo", "can", "cant", "chca", "chce", "chcial", "chciala",
    "chcialby", "cie", "ciebie", "co", "could", "couldnt", "czy", "did", "didnt", "dla", "do",
    "does", "doesnt", "dont", "each", "for", "from", "gdy", "gdzie", "go", "had", "has", "hasnt",
    "have", "havent", "he", "her", "here", "herself", "hes", "him", "himself", "his", "how", "i",
    "ich", "if", "im", "in", "into", "is", "isnt", "it", "its", "ive", "ja", "jak", "jego", "jej",
    "jemu", "jest", "just", "juz", "kiedy", "ktory", "lub", "me", "mi", "mnie", "moim", "moj",
    "moja", "moje", "mojego", "mojej", "mowi", "mowia", "mowil", "mowila", "mowili", "mu", "my",
    "myself", "na", "nad", "nia", "nich", "nie", "niego", "niej", "niemu", "nim", "no", "not", "o",
    "od", "of", "off", "on", "ona", "one", "oni", "ono", "or", "other", "our", "po", "pod",
    "podczas", "powiedzial", "powiedziala", "przed", "przez", "przy", "pyta", "pytaja", "pytal",
    "pytala", "sa", "said", "says", "she", "shes", "should", "shouldnt", "sie", "siebie", "since",
    "so", "sobie", "some", "ta", "tak", "tam", "te", "tego", "tej", "tell", "telling", "tells",
    "ten", "tez", "than", "that", "thats", "the", "their", "them", "themselves", "then", "there",
    "theres", "these", "they", "theyre", "this", "those", "to", "tobie", "told", "too", "tu", "ty",
    "tylko", "tym", "u", "until", "us", "very", "w", "wam", "want", "wanted", "wants", "was",
    "wasnt", "we", "were", "what", "whats", "when", "where", "which", "while", "who", "why",
    "will", "with", "wont", "would", "wouldnt", "wy", "you", "your", "youre", "yourself", "z",
    "za", "ze", "а", "без", "бы", "был", "была", "были", "было", "быть", "в", "вам", "вами", "вас",
    "во", "вы", "где", "говорил", "говорила", "говорили", "говорит", "говорят", "да", "для", "до",
    "его", "ее", "ей", "ему", "если", "есть", "же", "за", "и", "из", "или", "им", "ими", "их", "к",
    "как", "ко", "когда", "ли", "меня", "мне", "мной", "мое", "моего", "моей", "мои", "мой", "мою",
    "моя", "мы", "на", "над", "нам", "нами", "нас", "не", "него", "нее", "ней", "нем", "нему",
    "ни", "ним", "них", "но", "о", "об", "он", "она", "они", "оно", "от", "перед", "по", "под",
    "пока", "при", "про", "с", "себе", "себя", "сказал", "сказала", "сказали", "со", "спрашивает",
    "спрашивают", "спросил", "спросила", "так", "тебе", "тебя", "то", "ты", "у", "уже", "хотел",
    "хотела", "хотят", "хочет", "хочу", "что", "чтобы", "эта", "эти", "этих", "это", "этого",
    "этой", "этом", "этот", "я"
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
