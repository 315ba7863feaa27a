#include "trainer/core/org_time_zone.hpp"

#include "trainer/core/clock.hpp"
#include "trainer/core/time.hpp"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <mutex>

namespace trainer {

struct OrgTimeZone::Impl {
    std::unique_ptr<icu::TimeZone> tz;
};

OrgTimeZone::OrgTimeZone() = default;

std::optional<OrgTimeZone> OrgTimeZone::from_id(std::string_view iana_id) {
    if (iana_id.empty()) return std::nullopt;
    const auto uid = icu::UnicodeString::fromUTF8(icu::StringPiece(iana_id.data(), static_cast<int32_t>(iana_id.size())));
    std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(uid));
    if (!tz || *tz == icu::TimeZone::getUnknown()) return std::nullopt;
    OrgTimeZone out;
    out.id_ = std::string(iana_id);
    icu::UnicodeString canonical;
    UBool system = false;
    UErrorCode status = U_ZERO_ERROR;
    icu::TimeZone::getCanonicalID(uid, canonical, system, status);
    if (U_SUCCESS(status) && (canonical == UNICODE_STRING_SIMPLE("Etc/UTC") ||
                              canonical == UNICODE_STRING_SIMPLE("Etc/GMT")))
        return out; // plain UTC: keep the fast path
    auto impl = std::make_shared<Impl>();
    impl->tz = std::move(tz);
    out.impl_ = std::move(impl);
    return out;
}

TimeMs OrgTimeZone::offset_ms(TimeMs utc) const {
    if (!impl_) return 0;
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    impl_->tz->getOffset(static_cast<UDate>(utc), false, raw, dst, status);
    return U_SUCCESS(status) ? TimeMs{raw} + dst : 0;
}

std::int64_t OrgTimeZone::local_day(TimeMs utc) const { return utc_day(utc + offset_ms(utc)); }

std::string OrgTimeZone::local_date(TimeMs utc) const { return format_date(utc + offset_ms(utc)); }

TimeMs OrgTimeZone::day_start_ms(std::int64_t day) const {
    const TimeMs local_midnight = day * kMsPerDay;
    if (!impl_) return local_midnight;
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    // Local midnight read with the offset in force before a transition: in a DST gap that swallows
    // midnight this lands on the first instant that exists; in a repeated hour, on its first pass.
    if (auto* basic = dynamic_cast<const icu::BasicTimeZone*>(impl_->tz.get()))
        basic->getOffsetFromLocal(static_cast<UDate>(local_midnight), UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw,
                                  dst, status);
    else
        impl_->tz->getOffset(static_cast<UDate>(local_midnight), true, raw, dst, status);
    if (U_FAILURE(status)) return local_midnight;
    TimeMs t = local_midnight - (TimeMs{raw} + dst);
    // A gap: the instant computed may fall on the previous local day; the day starts when it ends.
    while (local_day(t) < day) t += kMsPerMinute;
    return t;
}

namespace {
std::mutex g_zone_mutex;
OrgTimeZone& zone_slot() {
    static OrgTimeZone zone; // the process-wide organisation zone (see the header)
    return zone;
}
} // namespace

OrgTimeZone organisation_zone() {
    std::lock_guard lock(g_zone_mutex);
    return zone_slot();
}

void set_organisation_zone(OrgTimeZone zone) {
    std::lock_guard lock(g_zone_mutex);
    zone_slot() = std::move(zone);
}

std::int64_t org_day(TimeMs t) { return organisation_zone().local_day(t); }
std::string org_date(TimeMs t) { return organisation_zone().local_date(t); }
std::string org_today(const Clock& clock) { return org_date(clock.now_ms()); }

} // namespace trainer
