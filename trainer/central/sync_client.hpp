#pragma once
// `trainer sync` and the kiosk's background sync: push this desk's unacknowledged events, then
// pull the events of its scope after its cursor. Batched (each batch one transaction at each
// end), resumable (the acknowledgement and the cursor move only after a batch is durable) and
// idempotent (the centre stores an id once; the desk writes an id once).
#include "trainer/central/pg.hpp"
#include "trainer/sync/local_log.hpp"

#include <functional>
#include <string>
#include <vector>

namespace trainer::central {

struct SyncOptions {
    // Events per push batch: one COPY and one transaction at the centre.
    std::size_t batch = 10000;
    // Events per pulled page (at least `batch`): one COPY TO STDOUT and one local import
    // transaction, so the projections catch up once per page and a new desk's bootstrap of a
    // team's year is one import.
    std::size_t import_events = 200000;
    // Called after each pushed batch and each pulled import (tests cut the connection here).
    std::function<void(const char* phase, std::size_t batch_index)> after_batch;
    // A one-shot copy that keeps no cursor (reports with --central): every row its snapshot sees,
    // not only the rows below the transaction horizon. A long transaction anywhere in the cluster
    // must not empty a lead's report, and with no cursor kept nothing can be skipped for ever.
    bool whole_snapshot = false;
    // false: push only, no pull (bench/central_bench.cpp measures ingest alone this way).
    bool pull = true;
};

struct Refusal {
    std::string event_id;
    std::string reason;
};

struct SyncReport {
    std::size_t pushed = 0;     // stored by the centre now
    std::size_t duplicates = 0; // the centre had them already (a resumed or repeated push)
    std::vector<Refusal> refused;
    std::size_t pulled = 0;     // received from the centre
    std::size_t applied = 0;    // new here
    long long clock_skew_ms = 0; // this desk's clock minus the centre's
    // Where a sync's time went (bench/central_bench.cpp prints them): waiting on the centre for
    // pushes and for pulled pages, and importing pulled pages here (sync::import_events).
    double push_s = 0, fetch_s = 0, import_s = 0;
};

// One complete exchange. Throws CentralError when the centre cannot be reached or refuses; what
// was done before the failure stays done (a re-run continues from there).
SyncReport sync_once(PgConnection& conn, sync::LocalLog& log, const Clock& clock, const SyncOptions& options = {});

// Only the pull half: every event the device may read after the log's cursor (a scratch copy for
// `--central` reports starts at the beginning, with options.whole_snapshot). Same batches, cursor
// and import as sync_once.
SyncReport pull_scope(PgConnection& conn, sync::LocalLog& log, const SyncOptions& options = {});

// The sentence a desk shows for a failure (calm, no SQL).
std::string calm_message(const CentralError& e);

} // namespace trainer::central
