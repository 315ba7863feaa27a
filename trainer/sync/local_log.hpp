#pragma once
// The desk's side of sync with a central store: what to push, what was acknowledged, where the
// pull stopped. A narrow seam so the protocol (trainer/central/sync_client.*) does not care how
// events are merged locally: the SQLite log hands pulled events to sync::import_events, the same
// order-independent import as `trainer merge` and events files (docs/merging.md).
#include "trainer/core/clock.hpp"
#include "trainer/store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace trainer::sync {

// One event as it travels to and from the centre.
struct SyncEvent {
    std::string id;
    std::string type;
    std::string person_id; // "" for anonymous or system events
    std::string kiosk_id;  // the desk that recorded it
    TimeMs at_ms = 0;
    std::string payload;   // JSON object text
    std::int64_t seq = 0;  // local arrival order (push side only)
    // The order the recording desk wrote it in (its seq there): the total order's tie-break within
    // one desk's millisecond (exchange.hpp). Pushed with the event, pulled back with it; 0 = unknown
    // (a centre that does not keep it yet): the id breaks the tie, the same on every desk.
    std::int64_t origin_seq = 0;
};

// Where the pull stopped at the centre: the inserting transaction id and the centre's seq.
struct PullCursor {
    std::string xid = "0";
    std::int64_t seq = 0;
};

// The last outcome, as the top bar shows it.
struct SyncState {
    std::optional<TimeMs> last_ok_ms;
    std::optional<TimeMs> offline_since_ms;
    std::string last_error;
    std::int64_t waiting = 0; // this desk's events the centre has not acknowledged
};

class LocalLog {
public:
    virtual ~LocalLog() = default;
    // Up to `limit` of this desk's events the centre has not acknowledged, in arrival order.
    virtual std::vector<SyncEvent> unacknowledged_events(std::size_t limit) = 0;
    // Every event of this desk up to and including `seq` is in the centre.
    virtual void mark_acknowledged(std::int64_t seq) = 0;
    // Writes the events not yet here (by id), brings derived state up to date and moves the
    // cursor, in one transaction. Returns how many were new. Throws sync::ImportRefused (nothing
    // written, the cursor unmoved) on a batch the import refuses.
    virtual std::size_t apply_pulled(const std::vector<SyncEvent>& events, const PullCursor& next) = 0;
    virtual PullCursor cursor() = 0;
    virtual SyncState state() = 0;
    virtual void record_outcome(bool ok, TimeMs now, const std::string& error) = 0;
    // Records an audit event (sync.refused, sync.clock_skew) as this desk.
    virtual void audit(const std::string& type, const std::string& payload_json) = 0;
    // Whether this desk is in a clock-skew episode already flagged (one audit entry per episode).
    virtual bool skew_flagged() = 0;
    virtual void set_skew_flagged(bool flagged) = 0;
};

// The LocalLog over this build's SQLite event log and projections.
class SqliteLocalLog final : public LocalLog {
public:
    SqliteLocalLog(store::Database& db, const Clock& clock);
    SqliteLocalLog(store::Database& db, const Clock&& clock) = delete;

    std::vector<SyncEvent> unacknowledged_events(std::size_t limit) override;
    void mark_acknowledged(std::int64_t seq) override;
    std::size_t apply_pulled(const std::vector<SyncEvent>& events, const PullCursor& next) override;
    PullCursor cursor() override;
    SyncState state() override;
    void record_outcome(bool ok, TimeMs now, const std::string& error) override;
    void audit(const std::string& type, const std::string& payload_json) override;
    bool skew_flagged() override;
    void set_skew_flagged(bool flagged) override;

private:
    store::Database& db_;
    const Clock& clock_;
    std::string kiosk_id_;
};

} // namespace trainer::sync
