#pragma once
// A large history written straight into the central store with COPY, for the central benchmarks
// (bench/central_bench.cpp): agents in teams of 25 at sites of 10 teams, each reviewing cards
// every day of the period, with two QA evaluations and a survey answer per agent a month (the
// motivation inputs).
#include "trainer/central/pg.hpp"

namespace trainer::central {

struct SeedOptions {
    int agents = 100;
    int cards = 200;
    int days = 365;
    int reviews_per_day = 10;
    long long end_ms = 0; // the last day (0: now)
};

struct SeedResult {
    long long events = 0;
    double seconds = 0;
};

// Writes memberships, team sites and the review events (as device "seed"), in one transaction.
SeedResult seed_central(PgConnection& admin, const SeedOptions& o);

} // namespace trainer::central
