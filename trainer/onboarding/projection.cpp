#include "trainer/onboarding/projection.hpp"

#include "trainer/content/onboarding_events.hpp"
#include "trainer/store/event_row.hpp"
#include "trainer/store/events.hpp"

#include <map>
#include <memory>
#include <stdexcept>
#include <utility>

namespace trainer::onboarding {

namespace {

constexpr const char* kUpsertProgressSql =
    "INSERT INTO onboarding_progress (person_id, module_id, version, attempt, attempt_open, page, "
    "pages_seen, answered, signoff_requested_ms, updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
    "?9, ?10) ON CONFLICT (person_id, module_id) DO UPDATE SET version = excluded.version, "
    "attempt = excluded.attempt, attempt_open = excluded.attempt_open, page = excluded.page, "
    "pages_seen = excluded.pages_seen, answered = excluded.answered, "
    "signoff_requested_ms = excluded.signoff_requested_ms, updated_ms = excluded.updated_ms";

constexpr const char* kInsertCompletionSql =
    "INSERT OR IGNORE INTO onboarding_completions (event_id, person_id, module_id, version, attempt, "
    "started_ms, ended_ms, score, passed, signer_person_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif(?10, ''))";

constexpr const char* kInsertAssignmentSql =
    "INSERT OR IGNORE INTO onboarding_assignments (person_id, track_id, assigned_ms, automatic) "
    "VALUES (?1, ?2, ?3, ?4)";

} // namespace

void update_derived(store::Database& db, const ModuleRecord& r, const store::Event& e) {
    if (e.type == kTrackAssigned) {
        db.prepare(kInsertAssignmentSql)
            .bind_all(e.payload.string("person"), e.payload.string("track"),
                      e.at_ms, e.payload.boolean_or("auto", false) ? 1 : 0)
            .run();
        return;
    }
    if (!is_onboarding_event(e.type)) return;
    const auto answered = static_cast<std::int64_t>(r.answers.size() + r.scenarios.size());
    db.prepare(kUpsertProgressSql)
        .bind_all(r.person, r.module, r.version, r.attempt, r.attempt_open ? 1 : 0, r.page,
                  r.pages_seen, answered, r.signoff_requested_ms, r.updated_ms)
        .run();
    if ((e.type == kAttemptFinished || e.type == kSignedOff) && !r.completions.empty() &&
        r.completions.back().event_id == e.id) {
        const Completion& c = r.completions.back();
        db.prepare(kInsertCompletionSql)
            .bind_all(e.id, r.person, r.module, c.version, c.attempt, c.started_ms, c.ended_ms, c.score,
                      c.passed ? 1 : 0, c.signer)
            .run();
    }
}

store::Projection onboarding_projection() {
    // Records of the replay so far; events arrive in order, so each is applied incrementally.
    using Key = std::pair<std::string, std::string>;
    auto records = std::make_shared<std::map<Key, ModuleRecord>>();
    return {"onboarding_progress, onboarding_completions, onboarding_assignments",
            [records](store::Database& db) {
                records->clear();
                db.exec("DELETE FROM onboarding_progress");
                db.exec("DELETE FROM onboarding_completions");
                db.exec("DELETE FROM onboarding_assignments");
            },
            [records](store::Database& db, const store::Event& e) {
                if (!is_onboarding_event(e.type)) return;
                store::apply_naming_event(e, [&] {
                    ModuleRecord* r = nullptr;
                    ModuleRecord none;
                    if (e.type != kTrackAssigned) {
                        Key key{e.payload.string("person"),
                                e.payload.string("module")};
                        auto [it, fresh] = records->try_emplace(key);
                        if (fresh) it->second.person = key.first, it->second.module = key.second;
                        r = &it->second;
                        apply(*r, e);
                    }
                    update_derived(db, r ? *r : none, e);
                });
            }};
}

} // namespace trainer::onboarding
