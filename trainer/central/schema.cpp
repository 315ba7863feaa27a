#include "trainer/central/schema.hpp"

#include "trainer/core/time.hpp"

#include <chrono>
#include <cstdio>

namespace trainer::central {

namespace {

bool has_versions_table(PgConnection& c) {
    return c.exec("SELECT to_regclass('central.schema_versions') IS NOT NULL").text(0, 0) == "t";
}

} // namespace

int check_central_version(PgConnection& c) {
    if (!has_versions_table(c)) return 0;
    const int v = static_cast<int>(c.exec("SELECT coalesce(max(version), 0) FROM central.schema_versions").int64(0, 0));
    if (v > latest_central_version())
        throw CentralError(ErrorKind::refused, "",
                           "the central store " + c.dbname() + " has schema " + std::to_string(v) +
                               ", newer than this build knows (" + std::to_string(latest_central_version()) +
                               "): update the app; nothing was changed");
    return v;
}

std::string central_organisation(PgConnection& c) {
    auto r = c.exec("SELECT value FROM central.settings WHERE key = 'organisation_id'");
    return r.rows() ? r.text(0, 0) : std::string();
}

InitResult init_central(PgConnection& admin, const std::string& organisation_id, int up_to_version) {
    if (organisation_id.empty()) throw CentralError(ErrorKind::other, "", "an organisation id is needed");
    InitResult out;
    out.from_version = check_central_version(admin);
    if (out.from_version > 0) {
        const std::string org = central_organisation(admin);
        if (org != organisation_id)
            throw CentralError(ErrorKind::refused, "",
                               "the central store " + admin.dbname() + " belongs to organisation '" + org +
                                   "', not '" + organisation_id + "'; nothing was changed");
    }
    {
        PgTransaction tx(admin);
        // Serialises two concurrent inits of the same centre.
        admin.exec("SELECT pg_advisory_xact_lock(hashtext('trainer central schema'))");
        admin.exec_script("CREATE SCHEMA IF NOT EXISTS central;"
                          "CREATE TABLE IF NOT EXISTS central.schema_versions ("
                          " version int PRIMARY KEY, name text NOT NULL,"
                          " applied_at timestamptz NOT NULL DEFAULT now())");
        tx.commit();
    }
    int current = out.from_version;
    for (const auto& m : central_migrations()) {
        if (m.version <= current) continue;
        if (up_to_version > 0 && m.version > up_to_version) break;
        PgTransaction tx(admin);
        admin.exec("SELECT pg_advisory_xact_lock(hashtext('trainer central schema'))");
        if (check_central_version(admin) >= m.version) continue; // another init got there first
        try {
            admin.exec_script(m.sql);
        } catch (const CentralError& e) {
            throw CentralError(e.kind(), e.sqlstate(),
                               "central migration " + std::to_string(m.version) + " (" + m.name + ") failed: " +
                                   e.what());
        }
        admin.exec("INSERT INTO central.schema_versions (version, name) VALUES ($1, $2)",
                   {std::to_string(m.version), m.name});
        if (m.version == 1)
            admin.exec("INSERT INTO central.settings VALUES ('organisation_id', $1)", {organisation_id});
        tx.commit();
        current = m.version;
    }
    out.to_version = current;
    out.organisation_id = organisation_id;
    // Partitions for the past year and the next: older or later events land in the default
    // partition, still stored and unique (docs/deployment.md, "Partitioning"). Re-running init
    // (a monthly job) adds the months ahead.
    const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count();
    ensure_partitions(admin, now_ms - 366 * kMsPerDay, now_ms + 366 * kMsPerDay);
    return out;
}

void ensure_partitions(PgConnection& admin, long long from_ms, long long to_ms) {
    // One statement does the calendar arithmetic in UTC; a partition that exists is skipped.
    admin.exec(R"(
DO $$
DECLARE m timestamptz; name text;
BEGIN
  m := date_trunc('month', to_timestamp()" + std::to_string(from_ms) + R"( / 1000.0) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  WHILE m < to_timestamp()" + std::to_string(to_ms) + R"( / 1000.0) LOOP
    name := 'events_' || to_char(m AT TIME ZONE 'UTC', 'YYYY_MM');
    IF to_regclass('central.' || name) IS NULL THEN
      EXECUTE format('CREATE TABLE central.%I PARTITION OF central.events FOR VALUES FROM (%s) TO (%s)',
                     name, (extract(epoch FROM m) * 1000)::bigint,
                     (extract(epoch FROM m + interval '1 month') * 1000)::bigint);
    END IF;
    m := m + interval '1 month';
  END LOOP;
END $$)");
}

} // namespace trainer::central
