// trainer init | backup OUT | rebuild
#include "trainer/app/projections.hpp"
#include "trainer/cli/cli.hpp"
#include "trainer/store/event_store.hpp"
#include "trainer/store/projection.hpp"
#include "trainer/sync/exchange.hpp"
#include "trainer/sync/rebuild_check.hpp"

#include <iostream>

namespace trainer::cli {
namespace {

int cmd_init(const Args& a, Io& io) {
    const auto path = db_path(a);
    std::error_code ec;
    const bool existed = std::filesystem::exists(path, ec);
    if (!existed && path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    auto db = open_db(a, /*create_if_missing=*/true);
    if (auto id = a.value("kiosk-id"); id && !store::meta_get(db, "kiosk_id"))
        store::meta_set(db, "kiosk_id", *id);
    const std::string kiosk = store::kiosk_id_of(db);
    if (auto org = a.value("organisation")) {
        try {
            sync::set_organisation_id(db, *org);
        } catch (const sync::ImportRefused& e) {
            io.err << e.what() << "\n";
            return 1;
        }
    }
    io.out << (existed ? "database is up to date: " : "created database: ") << path.string()
           << " (schema " << db.user_version() << ", kiosk " << kiosk << ", organisation "
           << sync::organisation_id(db) << ")\n";
    return 0;
}

int cmd_backup(const Args& a, Io& io) {
    const std::filesystem::path out = a.arg(0, "the backup file to write (OUT)");
    auto db = open_db(a);
    db.backup_to(out);
    io.out << "backup written: " << out.string() << "\n";
    return 0;
}

int cmd_rebuild(const Args& a, Io& io) {
    auto db = open_db(a);
    if (a.flag("check")) {
        auto scratch = db.path();
        scratch += ".check";
        const auto diffs = sync::check_rebuild(db, app::all_projections(), scratch);
        for (const auto& d : diffs)
            io.out << d.table << (d.live_only ? ": only live  " : ": only rebuilt  ") << d.row << "\n";
        io.out << (diffs.empty() ? "derived tables match a rebuild from the events\n"
                                 : std::to_string(diffs.size()) + " rows differ from a rebuild\n");
        return diffs.empty() ? 0 : 1;
    }
    const auto stats = store::rebuild(db, app::all_projections());
    io.out << "rebuilt " << stats.projections << " derived tables from " << stats.events
           << " events\n";
    return 0;
}

const Registration kInit{{"init", "trainer init [--db PATH] [--kiosk-id NAME] [--organisation ID]",
                          "create the database (mode 0600) or bring its schema up to date",
                          {{"kiosk-id", true}, {"organisation", true}}, cmd_init, 0}};
const Registration kBackup{{"backup", "trainer backup OUT",
                            "write a consistent copy of the live database (online backup API)",
                            {}, cmd_backup, 1}};
const Registration kRebuild{{"rebuild", "trainer rebuild [--check]",
                             "recompute all derived state from the event log (--check: only list the rows that "
                             "would change; exit 1 if any)",
                             {{"check", false}}, cmd_rebuild, 0}};

} // namespace
} // namespace trainer::cli
