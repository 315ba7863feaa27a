#include "trainer/change/checkin.hpp"

#include "trainer/core/text_policy.hpp"

#include "trainer/change/projection.hpp"
#include "trainer/change/rollouts.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/events.hpp"

#include <sqlite3.h>

#include <algorithm>

namespace trainer::change {

namespace {

// The caller's transaction when there is one (bulk seeding), else a new one.
void begin_unless_in_transaction(std::optional<store::Transaction>& tx, store::Database& db) {
    if (sqlite3_get_autocommit(db.handle())) tx.emplace(db);
}

std::vector<std::string> teams_of(store::Database& db, const std::string& person_id) {
    std::vector<std::string> out;
    auto st = db.prepare("SELECT team_id FROM team_members WHERE person_id = ?1 ORDER BY team_id");
    st.bind(1, person_id);
    while (st.step()) out.push_back(st.text(0));
    return out;
}

bool shares_team(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const std::string& t) { return std::find(b.begin(), b.end(), t) != b.end(); });
}

} // namespace

CheckinService::CheckinService(store::EventStore& events, const Clock& clock, const content::ContentSet& content,
                               CheckinConfig config)
    : events_(events), clock_(clock), content_(content), config_(config) {
    if (config_.interval_days < 1) throw std::invalid_argument("check-in interval must be at least 1 day");
}

std::vector<content::Rollout> CheckinService::due(const std::string& person_id) {
    std::vector<content::Rollout> out;
    if (!content_.change) return out;
    const TimeMs now = clock_.now_ms();
    const auto teams = teams_of(events_.db(), person_id);
    for (auto& r : list_rollouts(events_.db(), content_)) {
        if (org_day(now) < start_day(r) || !shares_team(teams, r.teams)) continue;
        auto st = events_.db().prepare(
            "SELECT last_checkin_ms FROM change_phase_latest WHERE person_id = ?1 AND rollout_id = ?2");
        st.bind_all(person_id, r.id);
        // Due on the organisation day `interval_days` after the last check-in's day (docs/figures.md).
        if (st.step() && !st.is_null(0) && org_day(now) - org_day(st.int64(0)) < config_.interval_days) continue;
        out.push_back(std::move(r));
    }
    return out;
}

content::Rollout CheckinService::rollout_for(const std::string& person_id, const std::string& rollout_id) {
    content::Rollout r = require_rollout(events_.db(), content_, rollout_id);
    if (!shares_team(teams_of(events_.db(), person_id), r.teams))
        throw CheckinError("'" + person_id + "' is not a member of any team of rollout '" + rollout_id + "'");
    return r;
}

CheckinResult CheckinService::check_in(const identity::Actor& actor, const std::string& person_id,
                                       const std::string& rollout_id, const std::map<std::string, int>& answers) {
    if (!content_.change) throw CheckinError("no change content is loaded: there is no pulse to answer");
    if (actor.person_id != person_id && actor.role != identity::Role::Admin)
        throw identity::AccessDenied(actor.label() + " may not check in for '" + person_id + "'");
    const content::Rollout r = rollout_for(person_id, rollout_id);
    const TimeMs now = clock_.now_ms();
    if (org_day(now) < start_day(r))
        throw CheckinError("rollout '" + rollout_id + "' starts on " + r.start_date + "; check-ins open then");
    CheckinResult out;
    out.result = classify(content_.change->pulse, answers); // PulseError: nothing written
    std::vector<std::string> reasons;
    std::map<std::string, double> scores;
    for (const auto& why : out.result.reasons) reasons.push_back(why.to_string());
    for (auto d : content::kDimensions) scores[content::dimension_id(d)] = out.result.scores[static_cast<std::size_t>(d)];
    std::optional<store::Transaction> tx;
    begin_unless_in_transaction(tx, events_.db());
    const store::Event e = events_.append({kCheckedIn, person_id,
                                           {{"rollout", rollout_id}, {"answers", answers},
                                            {"phase", content::phase_id(out.result.phase)},
                                            {"scores", scores}, {"reasons", reasons}},
                                           {}, now});
    apply_change_event(events_.db(), e);
    if (tx) tx->commit();
    out.event_id = e.id;
    return out;
}

PhaseRecord CheckinService::assess(const identity::Actor& actor, const std::string& person_id,
                                   const std::string& rollout_id, Phase phase, const std::string& note) {
    if (actor.role != identity::Role::Admin &&
        !(actor.role == identity::Role::Lead && identity::can_manage_person(actor, person_id)))
        throw identity::AccessDenied(actor.label() + " may not assess '" + person_id +
                                     "': only a lead of their team or an admin may");
    rollout_for(person_id, rollout_id);
    if (auto e = text::problem(note, text::Kind::MultiLine)) throw CheckinError("the note: " + *e);
    if (note.size() > 2000) throw CheckinError("the note is longer than 2000 bytes");
    std::optional<store::Transaction> tx;
    begin_unless_in_transaction(tx, events_.db());
    const store::Event e = events_.append({kLeadAssessed, actor.person_id,
                                           {{"person", person_id}, {"rollout", rollout_id},
                                            {"phase", content::phase_id(phase)}, {"note", note}},
                                           {}, clock_.now_ms()});
    apply_change_event(events_.db(), e);
    if (tx) tx->commit();
    return {e.id, person_id, rollout_id, e.at_ms, phase, "lead", {}, note, actor.person_id};
}

std::vector<PhaseRecord> CheckinService::history(const identity::Actor& actor, const std::string& person_id,
                                                 const std::string& rollout_id) {
    identity::require_view_person(actor, person_id);
    std::vector<PhaseRecord> out;
    auto st = events_.db().prepare("SELECT event_id, at_ms, phase, source, reasons, author_id FROM change_phase_log "
                                   "WHERE person_id = ?1 AND rollout_id = ?2 ORDER BY at_ms, rowid");
    st.bind_all(person_id, rollout_id);
    while (st.step()) {
        PhaseRecord r{st.text(0), person_id, rollout_id, st.int64(1),
                      content::phase_from_id(st.text(2)).value_or(Phase::Exploration), st.text(3)};
        std::vector<std::string> texts;
        for (const auto& v : store::Payload::parse(st.text(4)).elements())
            if (auto text = v.as_string()) texts.push_back(std::move(*text));
        if (r.source == "lead") r.note = texts.empty() ? "" : texts.front();
        else r.reasons = std::move(texts);
        r.author_id = st.text(5);
        out.push_back(std::move(r));
    }
    return out;
}

std::optional<PhaseRecord> CheckinService::latest(const identity::Actor& actor, const std::string& person_id,
                                                  const std::string& rollout_id) {
    auto all = history(actor, person_id, rollout_id);
    if (all.empty()) return std::nullopt;
    return all.back();
}

} // namespace trainer::change
