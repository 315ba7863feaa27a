#include "trainer/change/projection.hpp"

#include "trainer/content/change_model.hpp"
#include "trainer/content/onboarding_events.hpp"
#include "trainer/store/event_row.hpp"
#include "trainer/store/events.hpp"

namespace trainer::change {

namespace {

using store::Payload;

std::string str(const Payload& p, const char* key) {
    auto v = p.find_string(key);
    if (!v || v->empty()) throw std::invalid_argument(std::string("payload has no \"") + key + "\" string");
    return *v;
}

// A field's JSON text, `absent` when it is missing.
std::string text_of(const Payload& p, const char* key, const char* absent) {
    return p.contains(key) ? p.object(key).dump() : absent;
}

std::string phase_of(const Payload& p) {
    const std::string ph = str(p, "phase");
    if (!content::phase_from_id(ph)) throw std::invalid_argument("unknown phase '" + ph + "'");
    return ph;
}

void log_phase(store::Database& db, const store::Event& e, const std::string& person, const std::string& rollout,
               const std::string& phase, const char* source, const std::string& reasons, const std::string& author) {
    db.prepare("INSERT INTO change_phase_log (event_id, person_id, rollout_id, at_ms, phase, source, reasons, "
               "author_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind_all(e.id, person, rollout, e.at_ms, phase, source, reasons, author)
        .run();
    // The newest record wins (>=: a later event at the same millisecond replaces an earlier one).
    const bool self = std::string_view(source) == "self";
    db.prepare("INSERT INTO change_phase_latest (person_id, rollout_id, phase, source, at_ms, last_checkin_ms) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (person_id, rollout_id) DO UPDATE SET "
               "phase = CASE WHEN excluded.at_ms >= at_ms THEN excluded.phase ELSE phase END, "
               "source = CASE WHEN excluded.at_ms >= at_ms THEN excluded.source ELSE source END, "
               "at_ms = max(at_ms, excluded.at_ms), "
               "last_checkin_ms = CASE WHEN excluded.last_checkin_ms IS NULL THEN last_checkin_ms "
               "ELSE max(coalesce(last_checkin_ms, 0), excluded.last_checkin_ms) END")
        .bind_all(person, rollout, phase, source, e.at_ms, self ? std::optional<std::int64_t>(e.at_ms) : std::nullopt)
        .run();
}

void apply(store::Database& db, const store::Event& e) {
    const Payload& p = e.payload;
    if (e.type == kCheckedIn) {
        if (e.person_id.empty()) throw std::invalid_argument("a check-in has no person");
        log_phase(db, e, e.person_id, str(p, "rollout"), phase_of(p), "self",
                  text_of(p, "reasons", "[]"), "");
    } else if (e.type == kLeadAssessed) {
        log_phase(db, e, str(p, "person"), str(p, "rollout"), phase_of(p), "lead",
                  store::json_text(std::vector<std::string>{p.string_or("note", "")}), e.person_id);
    } else if (e.type == kRolloutDefined) {
        db.prepare("INSERT INTO change_rollouts (id, title, cards, modules, teams, start_date, target_date, "
                   "defined_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO UPDATE SET "
                   "title = excluded.title, cards = excluded.cards, modules = excluded.modules, "
                   "teams = excluded.teams, start_date = excluded.start_date, "
                   "target_date = excluded.target_date, defined_ms = excluded.defined_ms")
            .bind_all(str(p, "id"), p.object("title").dump(), p.object("cards").dump(), text_of(p, "modules", "[]"),
                      p.object("teams").dump(), str(p, "start"), str(p, "target"), e.at_ms)
            .run();
    } else if (e.type == kMaturityAssessed) {
        db.prepare("INSERT INTO change_maturity (event_id, team_id, date, total, answers, author_id, at_ms) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .bind_all(e.id, str(p, "team"), str(p, "date"), static_cast<int>(p.integer("total")), p.object("answers").dump(),
                      e.person_id, e.at_ms)
            .run();
    } else if (e.type == kModuleCompleted || e.type == onboarding::kAttemptFinished || e.type == onboarding::kSignedOff) {
        // module.completed is the learner's own; the onboarding records name the learner in "person"
        // (a sign-off is written by the lead).
        const std::string person = e.type == kModuleCompleted ? e.person_id : str(p, "person");
        if (person.empty()) throw std::invalid_argument("a module completion has no person");
        // A pass stays a pass: a later failed retry of the same version does not undo it.
        db.prepare("INSERT INTO change_module_done (person_id, module_id, version, passed, completed_ms) "
                   "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (person_id, module_id) DO UPDATE SET "
                   "passed = CASE WHEN excluded.version > version THEN excluded.passed "
                   "WHEN excluded.version = version THEN max(passed, excluded.passed) ELSE passed END, "
                   "version = max(version, excluded.version), completed_ms = excluded.completed_ms")
            .bind_all(person, str(p, "module"), p.integer_or("version", 1), p.boolean_or("passed", false) ? 1 : 0, e.at_ms)
            .run();
    }
}

} // namespace

void apply_change_event(store::Database& db, const store::Event& e) {
    store::apply_naming_event(e, [&] { apply(db, e); });
}

store::Projection change_projection() {
    return {"change_rollouts, change_phase_log, change_phase_latest, change_module_done, change_maturity",
            [](store::Database& db) {
                for (const char* t : {"change_rollouts", "change_phase_log", "change_phase_latest",
                                      "change_module_done", "change_maturity"})
                    db.exec(std::string("DELETE FROM ") + t);
            },
            [](store::Database& db, const store::Event& e) { apply_change_event(db, e); }};
}

} // namespace trainer::change
