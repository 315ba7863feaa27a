#pragma once
// CLDR plural categories for the shipped locales (en, pl, ru).
#include <string_view>

namespace trainer::i18n {

enum class PluralCategory { One, Few, Many, Other };

// en: 1 → one, else other. pl: 1 → one; 2-4 (not 12-14) → few; else many.
// ru: ends in 1 (not 11) → one; ends in 2-4 (not 12-14) → few; else many.
PluralCategory plural_category(std::string_view locale, long long n);
std::string_view category_name(PluralCategory c);

} // namespace trainer::i18n
