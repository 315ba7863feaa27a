// trainer track assign TRACK PERSON | track status PERSON [--json] [--lang L] |
// track signoffs LEAD [--json] [--lang L]
// The same onboarding services as the kiosk's track map and lead screens; the CLI acts as admin.
#include "trainer/cli/change_cli.hpp"
#include "trainer/cli/cli.hpp"
#include "trainer/cli/session.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/content/onboarding_model.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/time.hpp"
#include "trainer/i18n/format.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/onboarding/assignment.hpp"
#include "trainer/onboarding/service.hpp"
#include "trainer/onboarding/signoff.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace trainer::cli {
namespace {

const content::OnboardingContent& onboarding_of(const Session& s) { return *s.content->onboarding; }

std::unique_ptr<Session> open_session(const Args& a) {
    auto content = change_cli::load_content_or_throw(a);
    if (!content->onboarding)
        throw std::runtime_error("content in " + content_dir(a).string() +
                                 " has no onboarding tracks (tracks/, modules/)");
    return std::make_unique<Session>(a, std::move(content));
}

std::string locale_of(const Args& a) {
    const std::string l = a.value("lang").value_or("en");
    if (!content::is_supported_locale(l)) throw UsageError("--lang must be en, pl or ru, got '" + l + "'");
    return l;
}

nlohmann::ordered_json completion_json(const onboarding::Completion& c) {
    return {{"version", c.version}, {"attempt", c.attempt}, {"started", format_iso_ms(c.started_ms)},
            {"ended", format_iso_ms(c.ended_ms)}, {"score", c.score}, {"passed", c.passed},
            {"signer", c.signer.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.signer)}};
}

int cmd_assign(const Args& a, Io& io) {
    const std::string& track = a.arg(0, "the track id (TRACK)");
    const std::string& person = a.arg(1, "the person id (PERSON)");
    auto s = open_session(a);
    const bool made = onboarding::assign_track(s->events, onboarding_of(*s), identity::cli_admin(), track, person);
    io.out << (made ? "assigned track " : "already assigned: track ") << track << " to " << person << "\n";
    return 0;
}

int cmd_status(const Args& a, Io& io) {
    const std::string& person = a.arg(0, "the person id (PERSON)");
    const std::string locale = locale_of(a);
    auto s = open_session(a);
    onboarding::OnboardingService service(s->events, onboarding_of(*s));
    const auto maps = service.track_maps(identity::cli_admin(), person, locale);
    if (a.flag("json")) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& m : maps) {
            auto mods = nlohmann::ordered_json::array();
            for (const auto& t : m.modules) {
                nlohmann::ordered_json j{{"module", t.module_id},     {"pillar", content::pillar_name(t.pillar)},
                                         {"title", t.title},          {"version", t.version},
                                         {"status", onboarding::module_status_name(t.status)},
                                         {"percent", t.percent},      {"requires", t.requires_ids},
                                         {"missing", t.missing},      {"unlocks", t.unlocks},
                                         {"reopened", t.reopened},    {"awaiting_signoff", t.awaiting_signoff}};
                j["last_completion"] = t.last_completion ? completion_json(*t.last_completion) : nlohmann::ordered_json();
                mods.push_back(std::move(j));
            }
            nlohmann::ordered_json resume;
            if (m.resume) resume = {{"module", m.resume->module_id}, {"page", m.resume->page}};
            out.push_back({{"track", m.track_id}, {"title", m.title}, {"percent", m.percent}, {"done", m.done},
                           {"next", m.next}, {"resume", resume}, {"modules", mods}});
        }
        io.out << out.dump(2) << "\n";
        return 0;
    }
    if (maps.empty()) io.out << person << " has no onboarding track assigned\n";
    for (const auto& m : maps) {
        io.out << m.track_id << "\t" << m.title << "\t" << m.percent << "%\t" << m.done << "/" << m.modules.size()
               << " done\n";
        for (const auto& t : m.modules) {
            io.out << "  " << onboarding::module_status_name(t.status) << "\t" << t.percent << "%\t" << t.module_id
                   << " (" << content::pillar_name(t.pillar) << ", v" << t.version << ")";
            if (!t.missing.empty()) {
                io.out << "\tneeds";
                for (const auto& x : t.missing) io.out << " " << x;
            }
            if (t.reopened) io.out << "\tre-opened: new version";
            if (t.awaiting_signoff) io.out << "\tawaiting sign-off";
            io.out << "\n";
        }
        if (m.resume) io.out << "  resume: " << m.resume->module_id << " page " << m.resume->page + 1 << "\n";
    }
    return 0;
}

int cmd_signoffs(const Args& a, Io& io) {
    const std::string& lead_id = a.arg(0, "the lead's person id (LEAD)");
    const std::string locale = locale_of(a);
    auto s = open_session(a);
    const identity::Actor lead = identity::actor_for(s->db, lead_id);
    identity::AuthService auth(s->db, s->events, s->clock);
    onboarding::SignoffService service(s->events, onboarding_of(*s), auth);
    const auto queue = service.queue(lead, locale);
    if (a.flag("json")) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& q : queue) {
            auto steps = nlohmann::ordered_json::array();
            for (const auto& st : q.steps) steps.push_back({{"id", st.id}, {"text", st.text}, {"cards", st.cards}});
            out.push_back({{"person", q.person_id}, {"name", q.display_name}, {"module", q.module_id},
                           {"title", q.module_title}, {"version", q.version}, {"attempt", q.attempt},
                           {"requested", format_iso_ms(q.requested_ms)}, {"pass_mark", q.pass_mark},
                           {"steps", steps}});
        }
        io.out << out.dump(2) << "\n";
        return 0;
    }
    if (queue.empty()) io.out << "no sign-off requests for " << lead_id << "\n";
    // When each was asked for, as a person of --lang writes it, in the organisation's time zone
    // (config/organisation.json), like the other CLI tables; --json keeps ISO 8601.
    const OrgTimeZone zone = organisation_zone();
    for (const auto& q : queue)
        io.out << i18n::format_date_time(q.requested_ms, locale, zone) << "\t" << q.person_id << "\t" << q.display_name << "\t"
               << q.module_id << "\t" << q.module_title << "\n";
    return 0;
}

const Registration kAssign{{"track assign", "trainer track assign TRACK PERSON",
                            "assign an onboarding track to a person (as admin)", {}, cmd_assign, 2}};
const Registration kStatus{{"track status", "trainer track status PERSON [--json] [--lang en|pl|ru]",
                            "PERSON's track map: modules locked/open/in progress/done, progress, resume point",
                            {{"json", false}, {"lang", true}}, cmd_status, 1}};
const Registration kSignoffs{{"track signoffs", "trainer track signoffs LEAD [--json] [--lang en|pl|ru]",
                              "skills sign-off requests waiting for LEAD (members of the teams they lead)",
                              {{"json", false}, {"lang", true}}, cmd_signoffs, 1}};

} // namespace
} // namespace trainer::cli
