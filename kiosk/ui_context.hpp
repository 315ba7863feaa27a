#pragma once
// What every screen needs to draw: the language, its strings, the fonts and the UI scale.
#include "kiosk/fonts.hpp"
#include "trainer/i18n/catalog.hpp"

#include <string>

namespace kiosk {

struct UiContext {
    const trainer::i18n::Catalog& catalog;
    std::string locale;
    Fonts fonts;
    float scale = 1.0f;

    std::string tr(std::string_view key, trainer::i18n::Args args = {}) const {
        return catalog.text(locale, key, args);
    }
    std::string count(std::string_view key, long long n, trainer::i18n::Args args = {}) const {
        return catalog.count(locale, key, n, args);
    }
    float px(float v) const { return v * scale; }
};

} // namespace kiosk
