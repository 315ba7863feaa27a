#include "trainer/central/background_sync.hpp"

#include "trainer/central/devices.hpp"
#include "trainer/central/sync_client.hpp"
#include "trainer/store/database.hpp"
#include "trainer/sync/local_log.hpp"

#include <ctime>
#include <vector>

namespace trainer::central {

std::unique_ptr<BackgroundSync> BackgroundSync::start_if_joined(const std::filesystem::path& db,
                                                                store::Database& open_db, int interval_s) {
    std::error_code ec;
    if (!std::filesystem::exists(credential_path(db), ec)) return nullptr;
    SyncStatus first;
    try {
        SystemClock clock;
        const auto s = sync::SqliteLocalLog(open_db, clock).state();
        first.last_ok_ms = s.last_ok_ms;
        first.offline_since_ms = s.offline_since_ms;
        first.waiting = s.waiting;
    } catch (const std::exception&) { // an unreadable state: the thread will say more
    }
    std::unique_ptr<BackgroundSync> out(new BackgroundSync(db, interval_s));
    {
        std::lock_guard lock(out->mutex_);
        if (out->status_.state == SyncStatus::State::starting && !out->status_.last_ok_ms) {
            const auto state = out->status_.state;
            out->status_ = first;
            out->status_.state = state;
        }
    }
    return out;
}

BackgroundSync::BackgroundSync(std::filesystem::path db, int interval_s)
    : db_path_(std::move(db)), interval_s_(interval_s > 0 ? interval_s : 30) {
    thread_ = std::thread([this] { run(); });
}

BackgroundSync::~BackgroundSync() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

SyncStatus BackgroundSync::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void BackgroundSync::poke() {
    {
        std::lock_guard lock(mutex_);
        poked_ = true;
    }
    wake_.notify_all();
}

// After the centre announces a push, how long and how often to keep pulling until it arrives.
constexpr TimeMs kAnnouncedRetryMs = 15'000;
constexpr TimeMs kAnnouncedPollMs = 1'000;

void BackgroundSync::run() {
    SystemClock clock;
    std::optional<store::Database> db;
    std::optional<PgConnection> conn;
    std::int64_t seen_seq = -1;
    TimeMs next_due = 0;
    TimeMs announced_until = 0; // the centre announced a push this long ago: see below
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            // A quarter second: a committed review here, or another desk's push announced by the
            // centre (LISTEN trainer_events), starts a sync within that, never a frame's wait.
            wake_.wait_for(lock, std::chrono::milliseconds(250), [&] { return stop_ || poked_; });
            if (stop_) return;
        }
        try {
            if (!db) db.emplace(store::Database::open(db_path_));
            auto st = db->prepare("SELECT coalesce(max(seq), 0) FROM events");
            st.step();
            const std::int64_t newest = st.int64(0);
            bool due = clock.now_ms() >= next_due || newest != seen_seq;
            try {
                if (conn && conn->wait_notification(0)) {
                    due = true;
                    announced_until = clock.now_ms() + kAnnouncedRetryMs;
                }
            } catch (const CentralError&) {
                conn.reset(); // the connection dropped while idle: the next sync reconnects
                due = true;
            }
            {
                std::lock_guard lock(mutex_);
                due = due || poked_;
                poked_ = false;
                if (status_.state == SyncStatus::State::stopped) due = false; // until the app restarts
            }
            sync::SqliteLocalLog log(*db, clock);
            if (due) {
                next_due = clock.now_ms() + 1000LL * interval_s_;
                try {
                    if (!conn) {
                        conn.emplace(connect_device(read_credential(credential_path(db_path_)), 5));
                        conn->exec("LISTEN trainer_events"); // central migration 4 notifies on each push
                    }
                    // Smaller imports than `trainer sync`: an import holds the desk's write lock,
                    // and a grade committed meanwhile waits for it.
                    SyncOptions options;
                    options.import_events = 5000;
                    const SyncReport report = sync_once(*conn, log, clock, options);
                    // Announced but not handed out yet: a pull only hands out what every older
                    // transaction at the centre has finished with (sync_client.cpp, the cursor), so
                    // a long transaction elsewhere can hold a just-announced event back. Ask again
                    // each second for a while instead of waiting for the next interval.
                    if (report.pulled == 0 && clock.now_ms() < announced_until)
                        next_due = clock.now_ms() + kAnnouncedPollMs;
                    else if (report.pulled > 0)
                        announced_until = 0;
                    std::lock_guard lock(mutex_);
                    status_.state = SyncStatus::State::synced;
                } catch (const CentralError& e) {
                    conn.reset();
                    log.record_outcome(false, clock.now_ms(), calm_message(e));
                    std::lock_guard lock(mutex_);
                    const bool lasting = e.kind() == ErrorKind::revoked || e.kind() == ErrorKind::bad_login ||
                                         e.kind() == ErrorKind::certificate || e.kind() == ErrorKind::refused;
                    status_.state = lasting ? SyncStatus::State::stopped : SyncStatus::State::offline;
                    status_.problem = lasting ? calm_message(e) : std::string();
                }
                auto again = db->prepare("SELECT coalesce(max(seq), 0) FROM events");
                again.step();
                seen_seq = again.int64(0); // our own audit and pulled events are not "new work"
            }
            const auto s = log.state();
            std::lock_guard lock(mutex_);
            status_.last_ok_ms = s.last_ok_ms;
            status_.offline_since_ms = s.offline_since_ms;
            status_.waiting = s.waiting;
        } catch (const std::exception&) {
            // The local database is busy or unreadable: try again at the next tick.
            db.reset();
        }
    }
}

std::vector<StatusPart> status_parts(const SyncStatus& s, TimeMs now) {
    std::vector<StatusPart> parts;
    if (s.state == SyncStatus::State::stopped) {
        parts.push_back({"sync.stopped", -1, ""});
    } else if (s.offline_since_ms) {
        // The desk's local time: people read the clock on the wall, not UTC.
        const std::time_t t = static_cast<std::time_t>(*s.offline_since_ms / 1000);
        std::tm local{};
        localtime_r(&t, &local);
        char hhmm[8];
        std::strftime(hhmm, sizeof hhmm, "%H:%M", &local);
        parts.push_back({"sync.offline_since", -1, hhmm});
    } else if (s.last_ok_ms) {
        const long long secs = (now - *s.last_ok_ms) / 1000;
        if (secs < 120)
            parts.push_back({"sync.synced_seconds", secs < 0 ? 0 : secs, ""});
        else
            parts.push_back({"sync.synced_minutes", secs / 60, ""});
    } else {
        parts.push_back({"sync.starting", -1, ""});
    }
    if (s.waiting > 0) parts.push_back({"sync.waiting", s.waiting, ""});
    return parts;
}

} // namespace trainer::central
