#pragma once
// The organisation's time zone (config/organisation.json, docs/figures.md "Days, weeks and
// months"): it decides which calendar day an instant belongs to, and so what "today", "this week",
// "this month", a check-in's due day, a QA period and a payroll month are. Events stay in UTC; only
// the grouping into days is local. An entry at 01:30 in Moscow is on that Moscow day.
//
// Backed by ICU's copy of the tz database (libstdc++ 12 has no std::chrono::tzdb). Cheap to copy.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace trainer {

using TimeMs = std::int64_t; // as in clock.hpp: milliseconds since the Unix epoch, UTC
class Clock;

class OrgTimeZone {
public:
    OrgTimeZone(); // UTC
    // An IANA zone id ("Europe/Moscow", "UTC"); nullopt for an id the tz database does not know.
    static std::optional<OrgTimeZone> from_id(std::string_view iana_id);

    const std::string& id() const { return id_; }
    bool is_utc() const { return !impl_; }
    // Local time minus UTC at that instant, in milliseconds (DST included).
    TimeMs offset_ms(TimeMs utc) const;
    // Day number (days since 1970-01-01) of the local calendar date of an instant.
    std::int64_t local_day(TimeMs utc) const;
    // The local calendar date of an instant, "YYYY-MM-DD".
    std::string local_date(TimeMs utc) const;
    // The first instant of a local day (its midnight, or the end of a DST gap that swallows it).
    TimeMs day_start_ms(std::int64_t day) const;

private:
    struct Impl;
    std::string id_ = "UTC";
    std::shared_ptr<const Impl> impl_; // null: UTC, no ICU call
};

// The organisation's zone is process-wide, like the tz database itself: set once at start-up from
// config/organisation.json (app/organisation_config.hpp), read by every rule that groups instants
// into days. Tests set it with ScopedOrgTimeZone next to their injected clock. Thread-safe.
OrgTimeZone organisation_zone();
void set_organisation_zone(OrgTimeZone zone);
class ScopedOrgTimeZone {
public:
    explicit ScopedOrgTimeZone(OrgTimeZone zone) : previous_(organisation_zone()) { set_organisation_zone(std::move(zone)); }
    ~ScopedOrgTimeZone() { set_organisation_zone(std::move(previous_)); }
    ScopedOrgTimeZone(const ScopedOrgTimeZone&) = delete;
    ScopedOrgTimeZone& operator=(const ScopedOrgTimeZone&) = delete;

private:
    OrgTimeZone previous_;
};

// The organisation day (day number) and date ("YYYY-MM-DD") of an instant.
std::int64_t org_day(TimeMs t);
std::string org_date(TimeMs t);
// The organisation's today, by the injected clock.
std::string org_today(const Clock& clock);

} // namespace trainer
