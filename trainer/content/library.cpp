#include "trainer/content/library.hpp"
#include "trainer/core/read_all.hpp"

#include "trainer/content/adoption.hpp"
#include "trainer/core/uuid.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>
#include <functional>
#include <fstream>
#include <iterator>

namespace trainer::content {

namespace {

// Content files: every .json below the folder except the authors' schemas.
std::vector<std::filesystem::path> content_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_directory() && it->path().filename() == "schema") {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && it->path().extension() == ".json") out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

ContentLibrary::ContentLibrary(std::filesystem::path dir, store::Database* db, const Clock& clock)
    : dir_(std::move(dir)), db_(db), clock_(clock) {}

std::string ContentLibrary::fingerprint() const {
    std::string fp;
    std::error_code ec;
    for (const auto& p : content_files(dir_)) {
        const auto size = std::filesystem::file_size(p, ec);
        const auto time = std::filesystem::last_write_time(p, ec).time_since_epoch().count();
        fp += p.string() + ':' + std::to_string(size) + ':' + std::to_string(time) + ';';
    }
    return fp;
}

bool ContentLibrary::changed_on_disk() const { return fingerprint() != loaded_fingerprint_; }

const ContentState& ContentLibrary::reload() {
    loaded_fingerprint_ = fingerprint(); // before reading: a change during the load is seen next time
    return apply(load_content(dir_));
}

const ContentState& ContentLibrary::reload(LoadResult loaded) {
    loaded_fingerprint_ = fingerprint();
    return apply(std::move(loaded));
}

const ContentState& ContentLibrary::apply(LoadResult r) {
    if (r.ok()) {
        state_.content = r.content;
        state_.refused.clear();
        state_.warnings = r.diagnostics;
        state_.from_snapshot = false;
        save_snapshot();
        record_adoption();
        return state_;
    }
    state_.refused.clear();
    for (auto& d : r.diagnostics)
        if (d.severity == Severity::Error) state_.refused.push_back(std::move(d));
    if (!state_.content) {
        state_.content = load_snapshot();
        state_.from_snapshot = state_.content != nullptr;
    }
    return state_;
}

void ContentLibrary::save_snapshot() {
    if (!db_) return;
    try {
        std::vector<std::pair<std::string, std::string>> files;
        std::string all;
        for (const auto& p : content_files(dir_)) {
            std::ifstream in(p, std::ios::binary);
            files.emplace_back(std::filesystem::relative(p, dir_).string(),
                               read_all(in));
            all += files.back().first + '\0' + files.back().second + '\0';
        }
        // Most starts load the same content as last time: then nothing is written.
        const std::string digest = std::to_string(std::hash<std::string>{}(all)) + ":" + std::to_string(all.size());
        if (store::meta_get(*db_, "content_snapshot_digest") == digest) return;
        store::Transaction tx(*db_);
        db_->exec("DELETE FROM content_snapshot");
        auto ins = db_->prepare("INSERT INTO content_snapshot (path, data, saved_ms) VALUES (?1, ?2, ?3)");
        for (const auto& [path, data] : files) {
            ins.reset();
            ins.bind(1, path).bind_blob(2, data).bind(3, clock_.now_ms());
            ins.run();
        }
        store::meta_set(*db_, "content_snapshot_digest", digest);
        tx.commit();
        state_.snapshot_problem.clear();
    } catch (const store::StoreError& e) {
        // A read-only or busy database only costs the fallback copy, never the content itself.
        state_.snapshot_problem = e.what();
    }
}

// A validated set is adopted where it brings a card the history has not adopted, or a newer
// version (content/adoption.hpp); the same folder as last time records nothing.
void ContentLibrary::record_adoption() {
    if (!db_ || !state_.content) return;
    try {
        store::EventStore events(*db_, clock_, store::kiosk_id_of(*db_));
        adopt_content(events, *state_.content, AdoptionSource::Load);
        state_.adoption_problem.clear();
    } catch (const store::StoreError& e) {
        // A read-only or busy database: the content is still shown; the next load tries again.
        state_.adoption_problem = e.what();
    }
}

std::shared_ptr<const ContentSet> ContentLibrary::load_snapshot() {
    if (!db_) return nullptr;
    const auto tmp = std::filesystem::temp_directory_path() / ("trainer-content-" + new_uuid());
    std::shared_ptr<const ContentSet> out;
    try {
        auto st = db_->prepare("SELECT path, data FROM content_snapshot");
        bool any = false;
        while (st.step()) {
            const auto path = tmp / st.text(0);
            std::filesystem::create_directories(path.parent_path());
            std::ofstream(path, std::ios::binary) << st.text(1);
            any = true;
        }
        if (any) {
            LoadResult r = load_content(tmp);
            if (r.ok()) out = r.content;
        }
    } catch (const std::exception&) {
        out = nullptr;
    }
    std::error_code ec;
    std::filesystem::remove_all(tmp, ec);
    return out;
}

} // namespace trainer::content
