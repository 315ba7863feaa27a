#include "trainer/i18n/plural.hpp"

namespace trainer::i18n {

PluralCategory plural_category(std::string_view locale, long long n) {
    const long long a = n < 0 ? -n : n;
    const long long mod10 = a % 10, mod100 = a % 100;
    const bool few = mod10 >= 2 && mod10 <= 4 && !(mod100 >= 12 && mod100 <= 14);
    if (locale == "pl") {
        if (a == 1) return PluralCategory::One;
        return few ? PluralCategory::Few : PluralCategory::Many;
    }
    if (locale == "ru") {
        if (mod10 == 1 && mod100 != 11) return PluralCategory::One;
        return few ? PluralCategory::Few : PluralCategory::Many;
    }
    return a == 1 ? PluralCategory::One : PluralCategory::Other;
}

std::string_view category_name(PluralCategory c) {
    switch (c) {
    case PluralCategory::One: return "one";
    case PluralCategory::Few: return "few";
    case PluralCategory::Many: return "many";
    case PluralCategory::Other: return "other";
    }
    return "other";
}

} // namespace trainer::i18n
