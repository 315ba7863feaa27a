#include "trainer/i18n/format.hpp"

#include "trainer/core/time.hpp"

#include <unicode/dtitvfmt.h>
#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <map>
#include <memory>
#include <mutex>
#include <utility>

// [SECTION] numbers (immutable, thread-safe ICU formatters)
// [SECTION] dates (SimpleDateFormat is not thread-safe: one cache, one lock)
// [SECTION] weeks, ranges, periods

namespace trainer::i18n {
namespace {

icu::Locale locale_of(std::string_view locale) {
    // Only the product's locales; anything else reads as English, like the catalogs fall back.
    if (locale == "pl") return icu::Locale("pl", "PL");
    if (locale == "ru") return icu::Locale("ru", "RU");
    return icu::Locale("en", "US");
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// ---- [SECTION] numbers --------------------------------------------------------------------

std::string format_with(const icu::number::LocalizedNumberFormatter& f, double v) {
    UErrorCode status = U_ZERO_ERROR;
    const auto formatted = f.formatDouble(v, status);
    if (U_FAILURE(status)) return std::to_string(v);
    return utf8(formatted.toString(status));
}

// ---- [SECTION] dates ----------------------------------------------------------------------

class DateFormats {
public:
    // Formats `utc` with the best pattern of `skeleton` for the locale, in `zone` (null: UTC).
    std::string format(std::string_view locale, const char* skeleton, UDate utc, const icu::TimeZone* zone) {
        std::lock_guard lock(mutex_);
        icu::SimpleDateFormat* f = get(locale, skeleton);
        if (!f) return "";
        if (zone)
            f->setTimeZone(*zone);
        else
            f->setTimeZone(*icu::TimeZone::getGMT());
        icu::UnicodeString out;
        f->format(utc, out);
        return utf8(out);
    }
    std::string field_name(std::string_view locale, UDateTimePatternField field) {
        std::lock_guard lock(mutex_);
        icu::DateTimePatternGenerator* g = generator(locale);
        return g ? utf8(g->getFieldDisplayName(field, UDATPG_ABBREVIATED)) : "";
    }

private:
    icu::DateTimePatternGenerator* generator(std::string_view locale) {
        auto& g = generators_[std::string(locale)];
        if (!g) {
            UErrorCode status = U_ZERO_ERROR;
            g.reset(icu::DateTimePatternGenerator::createInstance(locale_of(locale), status));
            if (U_FAILURE(status)) g.reset();
        }
        return g.get();
    }
    icu::SimpleDateFormat* get(std::string_view locale, const char* skeleton) {
        auto& f = formats_[{std::string(locale), skeleton}];
        if (!f) {
            icu::DateTimePatternGenerator* g = generator(locale);
            if (!g) return nullptr;
            UErrorCode status = U_ZERO_ERROR;
            const icu::UnicodeString pattern = g->getBestPattern(icu::UnicodeString(skeleton), status);
            if (U_FAILURE(status)) return nullptr;
            f = std::make_unique<icu::SimpleDateFormat>(pattern, locale_of(locale), status);
            if (U_FAILURE(status)) f.reset();
        }
        return f.get();
    }
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<icu::DateTimePatternGenerator>> generators_;
    std::map<std::pair<std::string, std::string>, std::unique_ptr<icu::SimpleDateFormat>> formats_;
};

DateFormats& date_formats() {
    static DateFormats formats; // process-wide cache of ICU objects; thread-safe behind its lock
    return formats;
}

const char* skeleton_of(DateStyle style) {
    switch (style) {
    case DateStyle::Numeric: return "yMMdd";
    case DateStyle::Long: return "yMMMMd";
    case DateStyle::DayMonth: return "MMMd";
    case DateStyle::Medium: break;
    }
    return "yMMMd";
}

const icu::TimeZone* icu_zone(const OrgTimeZone& zone, std::unique_ptr<icu::TimeZone>& holder) {
    if (zone.is_utc()) return nullptr;
    holder.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone.id())));
    return holder.get();
}

} // namespace

std::string format_number(double v, int decimals, std::string_view locale) {
    const auto f = icu::number::NumberFormatter::withLocale(locale_of(locale))
                       .precision(icu::number::Precision::fixedFraction(decimals));
    return format_with(f, v);
}

std::string format_percent(double percent, int decimals, std::string_view locale) {
    const auto f = icu::number::NumberFormatter::withLocale(locale_of(locale))
                       .unit(icu::NoUnit::percent())
                       .precision(icu::number::Precision::fixedFraction(decimals));
    return format_with(f, percent);
}

std::string format_percent(std::optional<double> percent, int decimals, std::string_view locale) {
    return percent ? format_percent(*percent, decimals, locale) : kNoValue;
}

std::string format_date(TimeMs utc, std::string_view locale, const OrgTimeZone& zone, DateStyle style) {
    std::unique_ptr<icu::TimeZone> holder;
    return date_formats().format(locale, skeleton_of(style), static_cast<UDate>(utc), icu_zone(zone, holder));
}

std::string format_date_time(TimeMs utc, std::string_view locale, const OrgTimeZone& zone) {
    std::unique_ptr<icu::TimeZone> holder;
    return date_formats().format(locale, "yMMMdHHmm", static_cast<UDate>(utc), icu_zone(zone, holder));
}

std::string format_day(std::int64_t day, std::string_view locale, DateStyle style) {
    return date_formats().format(locale, skeleton_of(style), static_cast<UDate>(day * kMsPerDay), nullptr);
}

std::string format_iso_day(std::string_view yyyy_mm_dd, std::string_view locale, DateStyle style) {
    const auto ms = parse_date(yyyy_mm_dd);
    return ms ? format_day(utc_day(*ms), locale, style) : std::string(yyyy_mm_dd);
}

std::string format_month(int year, int month, std::string_view locale) {
    const std::int64_t day = days_from_civil({year, month, 1});
    return date_formats().format(locale, "yMMMM", static_cast<UDate>(day * kMsPerDay), nullptr);
}

// ---- [SECTION] weeks, ranges, periods -----------------------------------------------------

std::string format_iso_week(std::int64_t monday_day, std::string_view locale) {
    // ISO week number: the week holding the Thursday; its year is the Thursday's year.
    const std::int64_t thursday = monday_day + 3;
    const CivilDate t = civil_from_days(thursday);
    const std::int64_t week = (thursday - days_from_civil({t.year, 1, 1})) / 7 + 1;
    std::string name = date_formats().field_name(locale, UDATPG_WEEK_OF_YEAR_FIELD);
    if (name.empty()) name = "W";
    return name + "\u00a0" + std::to_string(week);
}

std::string format_day_range(std::int64_t first_day, std::int64_t last_day, std::string_view locale) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateIntervalFormat> f(
        icu::DateIntervalFormat::createInstance(icu::UnicodeString("MMMd"), locale_of(locale), status));
    if (U_FAILURE(status) || !f) return format_day(first_day, locale, DateStyle::DayMonth);
    f->setTimeZone(*icu::TimeZone::getGMT());
    const icu::DateInterval interval(static_cast<UDate>(first_day * kMsPerDay), static_cast<UDate>(last_day * kMsPerDay));
    icu::UnicodeString out;
    icu::FieldPosition pos;
    f->format(&interval, out, pos, status);
    return U_FAILURE(status) ? format_day(first_day, locale, DateStyle::DayMonth) : utf8(out);
}

namespace {

// A period label of quality/period.hpp split into year, month (1..12) or quarter (1..4); false
// when it is not one.
struct ParsedPeriod {
    int year = 0, month = 0, quarter = 0;
};
bool parse_period(std::string_view label, ParsedPeriod& out) {
    auto digits = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (i >= label.size() || label[i] < '0' || label[i] > '9') return -1;
            v = v * 10 + (label[i] - '0');
        }
        return v;
    };
    out = {};
    out.year = digits(0, 4);
    if (out.year < 1970 || label.size() != 7 || label[4] != '-') return false;
    if (label[5] == 'Q') {
        out.quarter = digits(6, 1);
        return out.quarter >= 1 && out.quarter <= 4;
    }
    out.month = digits(5, 2);
    return out.month >= 1 && out.month <= 12;
}

UDate first_day_of(const ParsedPeriod& p) {
    const int month = p.quarter ? (p.quarter - 1) * 3 + 1 : p.month;
    return static_cast<UDate>(days_from_civil({p.year, month, 1}) * kMsPerDay);
}

} // namespace

std::string format_period_label(std::string_view label, std::string_view locale) {
    ParsedPeriod p;
    if (!parse_period(label, p)) return std::string(label);
    if (p.quarter) return date_formats().format(locale, "yQQQ", first_day_of(p), nullptr);
    return format_month(p.year, p.month, locale);
}

PeriodShort format_period_short(std::string_view label, std::string_view locale) {
    ParsedPeriod p;
    if (!parse_period(label, p)) return {std::string(label), {}};
    // Stand-alone abbreviations (CLDR "LLL"): "gru" and "дек." as a label, not "grudnia".
    return {date_formats().format(locale, p.quarter ? "QQQ" : "MMM", first_day_of(p), nullptr), std::to_string(p.year)};
}

} // namespace trainer::i18n
