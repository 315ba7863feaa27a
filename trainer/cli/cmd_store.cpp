// trainer init | backup OUT | rebuild
#include "trainer/app/projections.hpp"
#include "trainer/cli/cli.hpp"
#include "trainer/store/events.hpp"
#include "trainer/store/projection.hpp"

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
    io.out << (existed ? "database is up to date: " : "created database: ") << path.string()
           << " (schema " << db.user_version() << ", kiosk " << kiosk << ")\n";
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
    const auto stats = store::rebuild(db, app::all_projections());
    io.out << "rebuilt " << stats.projections << " derived tables from " << stats.events
           << " events\n";
    return 0;
}

const Registration kInit{{"init", "trainer init [--db PATH] [--kiosk-id NAME]",
                          "create the database (mode 0600) or bring its schema up to date",
                          {{"kiosk-id", true}}, cmd_init, 0}};
const Registration kBackup{{"backup", "trainer backup OUT",
                            "write a consistent copy of the live database (online backup API)",
                            {}, cmd_backup, 1}};
const Registration kRebuild{{"rebuild", "trainer rebuild",
                             "recompute all derived state from the event log", {}, cmd_rebuild, 0}};

} // namespace
} // namespace trainer::cli
