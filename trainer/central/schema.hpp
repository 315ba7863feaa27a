#pragma once
// The central store's schema (docs/deployment.md): numbered, forward-only migrations recorded in
// their own table central.schema_versions. A centre whose schema is newer than this build is
// refused untouched.
#include "trainer/central/pg.hpp"

#include <string>
#include <vector>

namespace trainer::central {

struct CentralMigration {
    int version;
    std::string name;
    std::string sql;
};

// Every migration this build knows, ordered by version.
const std::vector<CentralMigration>& central_migrations();
int latest_central_version();

struct InitResult {
    int from_version = 0;
    int to_version = 0;
    std::string organisation_id;
};

// Creates or upgrades the schema (each migration in its own transaction) and records the
// organisation on first use. Refuses a newer schema and a centre of another organisation
// (CentralError, refused) without changing anything. up_to_version: stop after that migration
// (0: the latest; tests upgrade a centre made by an older build this way).
InitResult init_central(PgConnection& admin, const std::string& organisation_id, int up_to_version = 0);

// The version recorded in the centre (0 when it has no schema). Throws when it is newer than
// this build knows.
int check_central_version(PgConnection& c);

// Migration 2's SQL (reporting_sql.cpp).
const char* reporting_views_sql();
// Migration 2's views alone (CREATE VIEW and COMMENT), made again by migration 7.
const char* reporting_view_definitions();
// Migration 3's SQL (push_v3_sql.cpp).
const char* push_v3_sql();
// Migration 4's SQL (push_v4_sql.cpp): the staged (COPY) push and its NOTIFY.
const char* push_staged_sql();
// Migration 5's SQL (push_v5_sql.cpp): central.events.origin_seq and the staged push that stores it.
const char* push_origin_sql();
// Migration 6's SQL (push_v6_sql.cpp): the (type, at_ms) index only on reporting's sparse types.
const char* push_v6_sql();
// Migration 7's SQL (push_v7_sql.cpp): the payload stored as json, and the set-wise staged push.
const char* push_v7_sql();
// Migration 8's SQL (push_v8_sql.cpp): devices write only through the push (SECURITY DEFINER).
const char* push_v8_sql();
// The first migration whose centre keeps origin_seq (a desk of this build uses its push and pull).
inline constexpr int kOriginSeqVersion = 5;
// The first migration whose push owns the staging table (a desk of this build COPYs into it).
inline constexpr int kWriterPushVersion = 8;

// The organisation the centre belongs to.
std::string central_organisation(PgConnection& c);

// Creates monthly partitions of central.events covering [from_ms, to_ms) (idempotent).
void ensure_partitions(PgConnection& admin, long long from_ms, long long to_ms);

} // namespace trainer::central
