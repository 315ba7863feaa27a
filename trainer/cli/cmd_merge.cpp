// trainer merge OTHER.db | events export [--since T] --out FILE | events import FILE
#include "trainer/cli/cli.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/event_store.hpp"
#include "trainer/sync/events_file.hpp"
#include "trainer/sync/merge.hpp"

#include <iostream>

namespace trainer::cli {
namespace {

void print_result(const sync::ImportResult& r, Io& io) {
    io.out << "received " << r.received << " events: " << r.added << " new, " << r.already_present
           << " already here";
    if (r.dropped_erased) io.out << ", " << r.dropped_erased << " of erased people dropped";
    io.out << "\n";
    if (r.from_future)
        io.out << r.from_future << " events occurred more than a day ahead of this clock (flagged in the audit log)\n";
    if (!r.added) return;
    if (r.applied_in_place) {
        io.out << "derived state updated in place";
        if (r.recomputed_people) io.out << " (onboarding of " << r.recomputed_people << " people recomputed)";
        io.out << "\n";
        return;
    }
    io.out << "derived state recomputed in the one order for " << r.recomputed_people << " people";
    if (!r.recomputed_shared.empty()) {
        io.out << " and";
        for (std::size_t i = 0; i < r.recomputed_shared.size(); ++i)
            io.out << (i ? ", " : " ") << r.recomputed_shared[i];
    }
    io.out << " (" << r.replayed << " events replayed)\n";
}

int refused(const sync::ImportRefused& e, Io& io) {
    io.err << "refused, nothing changed: " << e.what() << "\n";
    return 1;
}

int cmd_merge(const Args& a, Io& io) {
    const std::filesystem::path other = a.arg(0, "the database to merge in (OTHER.db)");
    auto db = open_db(a);
    try {
        print_result(sync::merge_database(db, other), io);
    } catch (const sync::ImportRefused& e) {
        return refused(e, io);
    }
    return 0;
}

int cmd_export(const Args& a, Io& io) {
    const auto out = a.value("out");
    if (!out) throw UsageError("--out FILE is required");
    sync::ExportQuery q;
    if (auto since = a.value("since")) {
        q.since_ms = parse_iso_ms(*since);
        if (!q.since_ms) q.since_ms = parse_date(*since);
        if (!q.since_ms)
            throw UsageError("--since expects a date (2026-03-01) or a UTC time (2026-03-01T08:00:00Z), got '" +
                             *since + "'");
    }
    auto db = open_db(a);
    sync::EventsFile f;
    f.organisation_id = sync::organisation_id(db);
    f.device_id = store::kiosk_id_of(db);
    f.schema = db.user_version();
    f.events = sync::export_events(db, q).events;
    sync::write_events_file(*out, f);
    io.out << "exported " << f.events.size() << " events to " << *out << "\n";
    return 0;
}

int cmd_import(const Args& a, Io& io) {
    const std::filesystem::path in = a.arg(0, "the events file to import (FILE)");
    auto db = open_db(a);
    try {
        const auto f = sync::read_events_file(in, store::Database::latest_version());
        const std::string org = sync::organisation_id(db);
        if (f.organisation_id != org)
            throw sync::ImportRefused(sync::ImportRefused::Reason::OtherOrganisation,
                                      in.string() + ": exported by organisation " + f.organisation_id +
                                          "; this database belongs to organisation " + org);
        print_result(sync::import_events(db, f.events, {nullptr, "file " + in.filename().string()}), io);
    } catch (const sync::ImportRefused& e) {
        return refused(e, io);
    }
    return 0;
}

const Registration kMerge{{"merge", "trainer merge OTHER.db",
                           "add every event of another database of the same organisation (union by id)",
                           {}, cmd_merge, 1}};
const Registration kExport{{"events export", "trainer events export [--since T] --out FILE",
                            "write this database's events (or those since T) to a file for another device",
                            {{"since", true}, {"out", true}}, cmd_export, 0}};
const Registration kImport{{"events import", "trainer events import FILE",
                            "add the events of a file from `events export` (union by id, all or nothing)",
                            {}, cmd_import, 1}};

} // namespace
} // namespace trainer::cli
