#pragma once
// The kiosk's sync with the central store, on its own thread (README "A central store for many
// desks"): it syncs soon after each commit (it watches the newest local event, four times a
// second), as soon as the centre announces another desk's push (LISTEN trainer_events, central
// migration 4) and every `interval_s` seconds, with its own SQLite connection, so a frame never waits on the
// network. The app reads a copy of the status for the top bar.
#include "trainer/core/clock.hpp"
#include "trainer/store/database.hpp"

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace trainer::central {

struct SyncStatus {
    enum class State { starting, synced, offline, stopped } state = State::starting;
    std::optional<TimeMs> last_ok_ms;
    std::optional<TimeMs> offline_since_ms;
    long long waiting = 0;   // this desk's records not yet in the centre
    std::string problem;     // a calm sentence when stopped (revoked, refused, untrusted certificate)
};

class BackgroundSync {
public:
    // Null when the database has not joined a central store (no credential next to it). The
    // first status is read from `open_db` (the app's connection), so the bar is right at once.
    static std::unique_ptr<BackgroundSync> start_if_joined(const std::filesystem::path& db, store::Database& open_db,
                                                           int interval_s = 30);
    ~BackgroundSync(); // stops the thread (an exchange in flight finishes its batch or times out)
    BackgroundSync(const BackgroundSync&) = delete;
    BackgroundSync& operator=(const BackgroundSync&) = delete;

    SyncStatus status() const;
    // Ask for a sync now (e.g. after a commit the app knows of).
    void poke();

private:
    BackgroundSync(std::filesystem::path db, int interval_s);
    void run();

    std::filesystem::path db_path_;
    int interval_s_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    bool poked_ = true;
    SyncStatus status_;
    std::thread thread_;
};

// The top bar's words for a status, e.g. "synced 10 s ago · 37 waiting". Keys of the i18n catalog
// and their arguments: the caller translates ({key, n, args} pairs, joined with " · ").
struct StatusPart {
    std::string key;
    long long n = -1; // counted phrase when >= 0
    std::string arg;  // {time} or {s}
};
std::vector<StatusPart> status_parts(const SyncStatus& s, TimeMs now);

} // namespace trainer::central
