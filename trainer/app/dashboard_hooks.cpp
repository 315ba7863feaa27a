#include "trainer/app/dashboard_hooks.hpp"

#include "trainer/cards/review_service.hpp"
#include "trainer/content/adopted_content.hpp"
#include "trainer/content/onboarding_model.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/time.hpp"
#include "trainer/onboarding/record.hpp"
#include "trainer/onboarding/service.hpp"
#include "trainer/onboarding/signoff.hpp"
#include "trainer/quality/motivation.hpp"
#include "trainer/quality/qa_figures.hpp"
#include "trainer/quality/records.hpp"
#include "trainer/identity/people.hpp"

#include <algorithm>
#include <cstdlib>

namespace trainer::app {

dashboard::Hooks dashboard_hooks(store::Database& db, store::EventStore& events, const Clock& clock,
                                 const content::ContentSet& content, const identity::Actor& actor,
                                 const quality::MotivationConfig& motivation) {
    dashboard::Hooks h;
    // The QA column: each person's QA score of the current period, the same figure as the Quality
    // tab, the agent's own scores and the motivation index (quality/qa_figures.hpp).
    h.qa_score = [&db, &motivation, actor](const std::vector<std::string>& people, TimeMs now) {
        std::map<std::string, double> out;
        const auto period = quality::period_of(org_date(now), motivation.period);
        if (!period) return out;
        const auto scores = quality::people_quality(db, *period); // one query, no payload parsed
        for (const auto& p : people) {
            if (!identity::can_view_person(actor, p)) continue;
            if (const auto it = scores.find(p); it != scores.end() && it->second.percent) out[p] = *it->second.percent;
        }
        return out;
    };
    h.qa_period = [&motivation](TimeMs now) {
        const auto period = quality::period_of(org_date(now), motivation.period);
        return period ? period->label : std::string();
    };
    h.motivation_index = [&db, &events, &clock, &content, &motivation, actor](
                             const std::vector<std::string>& people, TimeMs now,
                             const std::map<std::string, cards::MasterySummary>& mastery) {
        const auto period = quality::period_of(org_date(now), motivation.period);
        if (!period) return std::map<std::string, double>();
        std::vector<std::string> visible;
        for (const auto& p : people)
            if (identity::can_view_person(actor, p)) visible.push_back(p);
        // The column shows the index only: no reasons built, no names read (3 ms for 500 agents).
        return quality::motivation_indexes(db, events, clock, content, motivation, actor, visible, *period, &mastery);
    };
    if (content.onboarding) {
        // Onboarding % = progress through the person's assigned tracks (the track map's figure,
        // mean over their tracks); people without a track keep the dashboard's own figure.
        h.onboarding_percent = [&events, &content, actor](const std::vector<std::string>& people, TimeMs) {
            std::map<std::string, double> out;
            onboarding::OnboardingService svc(events, *content.onboarding);
            const auto walking = onboarding::people_with_tracks(events.db());
            for (const auto& p : people) {
                if (!walking.count(p) || !identity::can_view_person(actor, p)) continue;
                const auto maps = svc.track_maps(actor, p, "en");
                if (maps.empty()) continue;
                double sum = 0;
                for (const auto& m : maps) sum += m.percent;
                out[p] = sum / static_cast<double>(maps.size());
            }
            return out;
        };
        h.signoff_queue = [&db, &content, actor](const std::string& team_id) {
            std::vector<dashboard::SignoffItem> out;
            store::Statement q = db.prepare(
                "SELECT m.person_id, p.display_name FROM team_members m JOIN people p ON p.id = m.person_id "
                "WHERE m.team_id = ? AND p.active = 1 "
                "AND m.person_id NOT IN (SELECT person_id FROM team_leads WHERE team_id = m.team_id)");
            q.bind(1, team_id);
            // Requests in the module version the organisation adopted, as the sign-off queue has them.
            const content::AdoptedVersions adopted = content::adopted_of(db, "module");
            while (q.step()) {
                const std::string person = q.text(0);
                if (!identity::can_view_person(actor, person)) continue;
                for (const auto& [module_id, r] : onboarding::load_records(db, person)) {
                    const content::Module* m = content.onboarding->find_module(module_id);
                    if (!m || m->pillar != content::Pillar::Skills ||
                        !r.current_for(content::current_version(adopted, module_id, m->version)) ||
                        !r.signoff_requested_ms)
                        continue;
                    out.push_back({person, q.text(1), module_id, *r.signoff_requested_ms, onboarding::may_sign(db, actor, person)});
                }
            }
            std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
                return a.requested_ms < b.requested_ms;
            });
            return out;
        };
    }
    return h;
}

quality::MotivationConfig motivation_config_near(const std::filesystem::path& content_dir,
                                                 const content::ContentSet* content) {
    if (const char* env = std::getenv("TRAINER_MOTIVATION_CONFIG"); env && *env)
        return quality::read_motivation_config(env, content);
    const auto path = content_dir.parent_path() / "config" / "motivation.json";
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return {};
    return quality::read_motivation_config(path, content);
}

} // namespace trainer::app
