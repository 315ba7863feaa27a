#include "trainer/quality/period.hpp"

#include "trainer/core/time.hpp"

#include <cstdio>

namespace trainer::quality {

namespace {

std::optional<int> digits(std::string_view s) {
    if (s.empty()) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::string ymd(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

Period make(PeriodKind kind, int year, int index) { // index: month 1-12 or quarter 1-4
    Period p;
    p.kind = kind;
    char buf[16];
    if (kind == PeriodKind::Month) {
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, index);
        p.from_date = ymd(year, index, 1);
        p.until_date = index == 12 ? ymd(year + 1, 1, 1) : ymd(year, index + 1, 1);
    } else {
        std::snprintf(buf, sizeof buf, "%04d-Q%d", year, index);
        p.from_date = ymd(year, 3 * index - 2, 1);
        p.until_date = index == 4 ? ymd(year + 1, 1, 1) : ymd(year, 3 * index + 1, 1);
    }
    p.label = buf;
    return p;
}

} // namespace

const char* period_kind_name(PeriodKind k) { return k == PeriodKind::Month ? "month" : "quarter"; }

std::optional<PeriodKind> parse_period_kind(std::string_view s) {
    if (s == "month") return PeriodKind::Month;
    if (s == "quarter") return PeriodKind::Quarter;
    return std::nullopt;
}

std::optional<Period> parse_period(std::string_view s) {
    if (s.size() != 7 || s[4] != '-') return std::nullopt;
    const auto year = digits(s.substr(0, 4));
    if (!year || *year < 1970) return std::nullopt;
    if (s[5] == 'Q' || s[5] == 'q') {
        const auto q = digits(s.substr(6, 1));
        if (!q || *q < 1 || *q > 4) return std::nullopt;
        return make(PeriodKind::Quarter, *year, *q);
    }
    const auto m = digits(s.substr(5, 2));
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    return make(PeriodKind::Month, *year, *m);
}

bool is_valid_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    const auto y = digits(s.substr(0, 4)), m = digits(s.substr(5, 2)), d = digits(s.substr(8, 2));
    if (!y || !m || !d || *y < 1970 || *m < 1 || *m > 12 || *d < 1) return false;
    // Round-trip through the civil calendar: 2026-02-30 comes back as March.
    const CivilDate back = civil_from_days(days_from_civil({*y, *m, *d}));
    return back.year == *y && back.month == *m && back.day == *d;
}

std::optional<Period> period_of(std::string_view date, PeriodKind kind) {
    if (!is_valid_date(date)) return std::nullopt;
    const int y = *digits(date.substr(0, 4)), m = *digits(date.substr(5, 2));
    return kind == PeriodKind::Month ? make(kind, y, m) : make(kind, y, (m - 1) / 3 + 1);
}

Period previous(const Period& p) {
    const int y = *digits(std::string_view(p.from_date).substr(0, 4));
    const int m = *digits(std::string_view(p.from_date).substr(5, 2));
    if (p.kind == PeriodKind::Month) return m == 1 ? make(p.kind, y - 1, 12) : make(p.kind, y, m - 1);
    const int q = (m - 1) / 3 + 1;
    return q == 1 ? make(p.kind, y - 1, 4) : make(p.kind, y, q - 1);
}

} // namespace trainer::quality
