#include "trainer/onboarding/assignment.hpp"

#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/time.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/content/onboarding_events.hpp"
#include "trainer/onboarding/projection.hpp"
#include "trainer/onboarding/record.hpp"
#include "trainer/onboarding/service.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>

namespace trainer::onboarding {

namespace {
using Code = OnboardingError::Code;

bool already_assigned(store::Database& db, const std::string& person, const std::string& track) {
    const auto tracks = assigned_tracks(db, person);
    return std::find(tracks.begin(), tracks.end(), track) != tracks.end();
}
} // namespace

bool assign_track(store::EventStore& events, const content::OnboardingContent& content,
                  const identity::Actor& actor, const std::string& track, const std::string& person) {
    if (!content.find_track(track)) {
        std::string known;
        for (const auto& t : content.tracks)
            known += (known.empty() ? "" : ", ") + t.id;
        throw OnboardingError(Code::UnknownTrack, "no track '" + track + "' (tracks: " + known + ")");
    }
    const auto p = identity::read_person(events.db(), person);
    if (!p) throw OnboardingError(Code::UnknownPerson, "no person '" + person + "'");
    identity::require_manage_person(actor, person);
    store::Transaction tx(events.db());
    if (already_assigned(events.db(), person, track)) return false;
    const store::Event e = events.append(
        {kTrackAssigned, actor.person_id, {{"person", person}, {"track", track}, {"auto", false}, {"by", actor.label()}}});
    update_derived(events.db(), {}, e);
    tx.commit();
    return true;
}

int auto_assign_recent_hires(store::EventStore& events, const content::OnboardingContent& content,
                             const std::optional<std::string>& person) {
    store::Database& db = events.db();
    const std::int64_t today = org_day(events.clock().now_ms());
    std::vector<std::pair<std::string, std::int64_t>> hires; // person, hire day
    auto st = db.prepare("SELECT id, hire_date FROM people WHERE active = 1 AND hire_date IS NOT NULL "
                         "AND (?1 IS NULL OR id = ?1) ORDER BY id");
    st.bind(1, person);
    while (st.step())
        if (auto d = parse_date(st.text(1))) hires.emplace_back(st.text(0), utc_day(*d));
    int made = 0;
    store::Transaction tx(db);
    for (const auto& t : content.tracks) {
        if (!t.auto_assign_within_days) continue;
        for (const auto& [id, hired] : hires) {
            const std::int64_t age = today - hired;
            if (age < 0 || age > *t.auto_assign_within_days || already_assigned(db, id, t.id)) continue;
            store::NewEvent ne{kTrackAssigned, "", {{"person", id}, {"track", t.id}, {"auto", true}}};
            ne.id = "onboarding-auto:" + t.id + ":" + id;
            if (!events.append_if_absent(ne)) continue;
            if (auto e = events.find(ne.id)) update_derived(db, {}, *e);
            ++made;
        }
    }
    tx.commit();
    return made;
}

} // namespace trainer::onboarding
