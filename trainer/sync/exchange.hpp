#pragma once
// Moving events between devices (issue 12; README "Merging devices"). This is the seam the central
// store and the USB-stick workflow both use. What it promises:
// - An event is identified by its id everywhere. Importing is a union by id: an id already present
//   with the same content is skipped (re-importing anything is harmless), an id present with
//   different content refuses the whole batch naming both versions.
// - All or nothing: import_events() either writes every new event and the recomputed derived
//   tables in one transaction, or throws ImportRefused / StoreError and changes nothing (a kill or
//   a full disk in the middle leaves the database as it was; a re-run completes).
// - Events of another organisation are refused; events of a person erased here are dropped
//   (the tombstone wins); an event more than a day ahead of this device's clock is accepted and
//   flagged in the audit log (sync.future_event).
// - Derived state never depends on arrival order: projections apply events in the one total order
//   (occurred_ms, device_id, origin_seq, id). New events that all sort after what was applied are applied
//   incrementally; otherwise the people they touch are recomputed from their history.
// - export_events() pages through the local log in arrival order (seq): a cursor that never moves
//   backwards, so a sender can remember "sent up to N" and resume.
#include "trainer/core/clock.hpp"
#include "trainer/store/database.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace trainer::sync {

// One event as it travels: every column of the local events table plus the organisation.
struct WireEvent {
    std::string id;              // UUID or stable external id ("qa:<tool>:<id>"): the union key
    std::string organisation_id; // must equal the receiving database's organisation
    std::string device_id;       // the kiosk that recorded it (events.kiosk_id)
    TimeMs occurred_ms = 0;      // UTC ms on that device's clock (events.at_ms)
    std::string type;            // "card.reviewed", "person.added", ...
    std::string person_id;       // who did it; "" for anonymous or system events
    std::string payload;         // JSON object text, compact with sorted keys (canonical)
    int content_version = 0;     // content version the record was made against (the payload's
                                 // card_version / version); 0 when it names none. Informational.
    std::int64_t origin_seq = 0; // the order the recording device wrote it in (its seq there):
                                 // orders one device's events within a millisecond; not compared
    std::int64_t seq = 0;        // the sender's local arrival order (export cursor); not compared

    // Same event: every field except seq.
    bool same_content(const WireEvent& o) const;
};

// The one total order every device applies events in: occurred_ms, device_id, origin_seq, id.
bool applies_before(const WireEvent& a, const WireEvent& b);

// Why a batch was refused. Nothing was written.
class ImportRefused : public std::runtime_error {
public:
    // Unappliable: every check passed but a projection cannot apply an event (another build's payload);
    // a file import refuses it whole, a pull from the centre leaves that event out, flagged.
    enum class Reason { OtherOrganisation, ConflictingDuplicate, Malformed, SameDatabase, NewerSchema, Damaged, Unappliable };
    ImportRefused(Reason reason, const std::string& what) : std::runtime_error(what), reason_(reason) {}
    Reason reason() const { return reason_; }

private:
    Reason reason_;
};

struct ImportOptions {
    const Clock* clock = nullptr; // for the "from the future" check; nullptr = system clock
    std::string source;           // named in the audit event ("merge other.db", "file x.jsonl")
    // Runs inside the import's transaction just before it commits (e.g. a sync client moving its
    // pull cursor): what it writes commits with the events or not at all. Throwing aborts the import.
    std::function<void(store::Database&)> before_commit;
    // Whether the import itself is recorded (sync.imported). A desk pulling from the central store
    // every 30 s says false: its sync state records the outcome, and an audit event per pull would
    // travel to every other desk and make each of them record one in turn, for ever.
    bool record_import = true;
};

struct ImportResult {
    std::size_t received = 0;
    std::size_t added = 0;          // new ids written
    std::size_t already_present = 0; // identical ids skipped (idempotent re-import)
    std::size_t dropped_erased = 0;  // events of people erased here (tombstone wins)
    std::size_t from_future = 0;     // accepted, flagged in the audit log
    bool applied_in_place = false;  // every new event sorted after those already applied
    std::int64_t replayed = 0;      // events replayed to recompute derived state (0 when in place)
    std::size_t recomputed_people = 0;        // people whose derived rows were recomputed
    std::vector<std::string> recomputed_shared; // shared tables recomputed whole (people, teams, ...)
};

// The organisation this database belongs to (meta.organisation_id).
std::string organisation_id(store::Database& db);
// Sets it; refused (ImportRefused::OtherOrganisation) once events from another device were merged.
void set_organisation_id(store::Database& db, const std::string& id);

// Union by id, idempotent, all-or-nothing, then derived state brought up to date (see above).
ImportResult import_events(store::Database& db, std::span<const WireEvent> events, const ImportOptions& options = {});

struct ExportQuery {
    std::int64_t after_seq = 0;          // cursor: only events that arrived after this one
    std::optional<TimeMs> since_ms;      // only events that occurred at or after this time
    std::size_t limit = 0;               // 0 = all
};
struct ExportBatch {
    std::vector<WireEvent> events; // in local arrival order
    std::int64_t next_cursor = 0;  // pass as after_seq to continue; equals after_seq when empty
};
ExportBatch export_events(store::Database& db, const ExportQuery& query = {});

} // namespace trainer::sync
