#pragma once
// Keeps the last good content: a content folder that fails validation is refused as a whole,
// the set in use stays, and the refusal is reported (DESIGN §5). The last good files are also
// kept in the database so a kiosk that starts on a broken folder still has its standards.
#include "trainer/content/loader.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/store/database.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace trainer::content {

struct ContentState {
    std::shared_ptr<const ContentSet> content; // what to show; null only if nothing ever loaded
    std::vector<Diagnostic> refused;           // errors of the latest refused load (empty if none)
    std::vector<Diagnostic> warnings;          // warnings of the content in use
    bool from_snapshot = false;                // content came from the database's last good copy
    std::string snapshot_problem;              // why the last good copy could not be saved, if so
    std::string adoption_problem;              // why content.adopted could not be recorded, if so
};

class ContentLibrary {
public:
    // db may be null (no snapshot then).
    ContentLibrary(std::filesystem::path dir, store::Database* db, const Clock& clock);

    // Loads the folder. Valid → becomes current (and the snapshot). Invalid → current stays;
    // with no current set, the snapshot is loaded instead.
    const ContentState& reload();
    // The same with a load already done (e.g. on another thread while the window opened).
    const ContentState& reload(LoadResult loaded);
    // True when files in the folder changed since the last reload (size or modification time).
    bool changed_on_disk() const;
    const ContentState& state() const { return state_; }

private:
    const ContentState& apply(LoadResult r);
    std::string fingerprint() const;
    void save_snapshot();
    void record_adoption();
    std::shared_ptr<const ContentSet> load_snapshot();

    std::filesystem::path dir_;
    store::Database* db_;
    const Clock& clock_;
    ContentState state_;
    std::string loaded_fingerprint_;
};

} // namespace trainer::content
