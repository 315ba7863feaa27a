#include "trainer/onboarding/record.hpp"

#include "trainer/content/onboarding_events.hpp"
#include "trainer/store/event_row.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>
#include <stdexcept>

namespace trainer::onboarding {

namespace {


// Onboarding events of one person: the subject is the payload's "person". The person records
// their own steps (found through the person index); an assignment or a sign-off is recorded by
// someone else (found through the type index). Ranges instead of LIKE so both indexes serve:
// this runs once per agent on the lead dashboard, over event logs of millions of rows.
constexpr const char* kPersonEventsSql =
    "SELECT seq, id, type, person_id, kiosk_id, at_ms, payload FROM events "
    "WHERE person_id = ?1 AND ((type >= 'onboarding.' AND type < 'onboarding/') OR "
    "                          (type >= 'skills.' AND type < 'skills/')) "
    "AND json_extract(payload, '$.person') = ?1 "
    "UNION ALL "
    "SELECT seq, id, type, person_id, kiosk_id, at_ms, payload FROM events "
    "WHERE type IN ('onboarding.track_assigned', 'skills.signed_off') AND person_id IS NOT ?1 "
    "AND json_extract(payload, '$.person') = ?1 ORDER BY seq";

std::vector<store::Event> person_events(store::Database& db, const std::string& person) {
    std::vector<store::Event> out;
    auto st = db.prepare(kPersonEventsSql);
    st.bind(1, person);
    while (st.step()) out.push_back(store::read_event(st));
    return out;
}

// Starting work on a newer content version: the old version's unfinished state is dropped.
void enter_version(ModuleRecord& r, int version) {
    if (version <= r.version) return;
    r.version = version;
    r.attempt_open = false;
    r.page = -1;
    r.pages_seen = 0;
    r.answers.clear();
    r.scenarios.clear();
    r.signoff_requested_ms.reset();
}

Completion completion_of(const ModuleRecord& r, const store::Event& e) {
    const store::Payload& p = e.payload;
    Completion c;
    c.event_id = e.id;
    c.version = static_cast<int>(p.integer("version"));
    c.attempt = static_cast<int>(p.integer("attempt"));
    c.started_ms = p.integer_or("started_ms", r.started_ms);
    c.ended_ms = p.integer_or("ended_ms", e.at_ms);
    c.score = p.number("score");
    c.passed = p.boolean("passed");
    c.signer = p.string_or("signer", "");
    return c;
}

} // namespace

const Completion* ModuleRecord::passed_in(int content_version) const {
    for (auto it = completions.rbegin(); it != completions.rend(); ++it)
        if (it->version == content_version && it->passed) return &*it;
    return nullptr;
}

bool is_onboarding_event(const std::string& type) {
    return type.rfind("onboarding.", 0) == 0 || type.rfind("skills.", 0) == 0;
}

void apply(ModuleRecord& r, const store::Event& e) {
    if (!is_onboarding_event(e.type) || e.type == kTrackAssigned) return;
    const store::Payload& p = e.payload;
    try {
        if (p.string("person") != r.person || p.string("module") != r.module)
            return;
        const int version = static_cast<int>(p.integer("version"));
        enter_version(r, version);
        r.updated_ms = e.at_ms;
        const bool same_attempt = p.contains("attempt") && static_cast<int>(p.integer("attempt")) == r.attempt;
        if (e.type == kPageViewed) {
            r.page = static_cast<int>(p.integer("page"));
            r.pages_seen = std::max(r.pages_seen, r.page + 1);
        } else if (e.type == kAttemptStarted) {
            r.attempt = static_cast<int>(p.integer("attempt"));
            r.attempts = std::max(r.attempts, r.attempt);
            r.attempt_open = true;
            r.seed = p.unsigned_or("seed", 0);
            r.started_ms = e.at_ms;
            r.answers.clear();
            r.scenarios.clear();
            r.signoff_requested_ms.reset();
        } else if (e.type == kQuizAnswered && same_attempt) {
            r.answers[p.string("question")] = {
                p.strings("chosen"), p.number("score")};
        } else if (e.type == kScenarioAnswered && same_attempt) {
            r.scenarios[p.string("scenario")] = {
                p.string("option"), static_cast<int>(p.integer("value")), p.string_or("reflection", "")};
        } else if (e.type == kSignoffRequested && same_attempt) {
            r.signoff_requested_ms = e.at_ms;
        } else if ((e.type == kAttemptFinished || e.type == kSignedOff) && same_attempt) {
            r.completions.push_back(completion_of(r, e));
            r.attempt_open = false;
            r.signoff_requested_ms.reset();
        }
    } catch (const std::exception& x) {
        if (!store::is_json_error(x)) throw;
        throw std::invalid_argument(e.type + " event " + e.id + ": malformed payload: " + x.what());
    }
}

std::map<std::string, ModuleRecord> load_records(store::Database& db, const std::string& person) {
    std::map<std::string, ModuleRecord> out;
    for (const auto& e : person_events(db, person)) {
        if (e.type == kTrackAssigned) continue;
        const auto module = e.payload.string_or("module", "");
        auto [it, fresh] = out.try_emplace(module);
        if (fresh) it->second.person = person, it->second.module = module;
        apply(it->second, e);
    }
    return out;
}

ModuleRecord load_record(store::Database& db, const std::string& person, const std::string& module) {
    auto all = load_records(db, person);
    if (auto it = all.find(module); it != all.end()) return std::move(it->second);
    ModuleRecord r;
    r.person = person;
    r.module = module;
    return r;
}

std::vector<std::string> assigned_tracks(store::Database& db, const std::string& person) {
    std::vector<std::string> out;
    for (const auto& e : person_events(db, person))
        if (e.type == kTrackAssigned) {
            const auto track = e.payload.string_or("track", "");
            if (std::find(out.begin(), out.end(), track) == out.end()) out.push_back(track);
        }
    return out;
}

std::set<std::string> people_with_tracks(store::Database& db) {
    // The subject of an assignment is its payload's "person" (person_events() above).
    auto st = db.prepare("SELECT DISTINCT json_extract(payload, '$.person') FROM events WHERE type = ?1");
    st.bind(1, kTrackAssigned);
    std::set<std::string> out;
    while (st.step())
        if (!st.is_null(0)) out.insert(st.text(0));
    return out;
}

} // namespace trainer::onboarding
