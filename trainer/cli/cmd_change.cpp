// trainer change rollouts | change rollout define | change checkin | change assess | change history
// trainer maturity record | maturity trend — the change-phase services from the command line.
// --as PERSON acts as that person (what a lead may do); without it the CLI acts as the admin.
#include "trainer/change/checkin.hpp"
#include "trainer/change/maturity.hpp"
#include "trainer/change/rollouts.hpp"
#include "trainer/cli/change_cli.hpp"
#include "trainer/cli/session.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/i18n/format.hpp"

#include <iostream>
#include <sstream>

namespace trainer::cli {
namespace {

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

// "id=4,other=2" → {id: 4, other: 2}; UsageError naming the bad item.
std::map<std::string, int> answers_of(const std::string& text) {
    std::map<std::string, int> out;
    for (const auto& item : split(text)) {
        const auto eq = item.find('=');
        int v = 0;
        try {
            std::size_t used = 0;
            if (eq == std::string::npos) throw std::invalid_argument("");
            v = std::stoi(item.substr(eq + 1), &used);
            if (used != item.size() - eq - 1) throw std::invalid_argument("");
        } catch (const std::exception&) {
            throw UsageError("answers are ID=NUMBER separated by commas; '" + item + "' is not");
        }
        out[item.substr(0, eq)] = v;
    }
    return out;
}

int cmd_rollouts(const Args& a, Io& io) {
    const auto content = change_cli::load_content_or_throw(a);
    auto db = open_db(a);
    for (const auto& r : change::list_rollouts(db, *content)) {
        std::string teams;
        for (const auto& t : r.teams) teams += (teams.empty() ? "" : ",") + t;
        io.out << r.id << "  " << content::pick(r.title, "en") << "  " << r.start_date << ".." << r.target_date
               << "  cards " << r.cards.size() << "  modules " << r.modules.size() << "  teams " << teams << "\n";
    }
    return 0;
}

int cmd_define(const Args& a, Io& io) {
    Session s(a, change_cli::load_content_or_throw(a));
    content::Rollout r;
    r.id = a.arg(0, "the rollout id (ID)");
    const auto title = a.value("title");
    if (!title) throw UsageError("--title is required");
    r.title = {{"en", *title}};
    r.cards = split(a.value("cards").value_or(""));
    r.modules = split(a.value("modules").value_or(""));
    r.teams = split(a.value("teams").value_or(""));
    r.start_date = a.value("start").value_or("");
    r.target_date = a.value("target").value_or("");
    change::define_rollout(s.events, change_cli::actor_of(a, s.db), *s.content, r);
    io.out << "rollout defined: " << r.id << "\n";
    return 0;
}

int cmd_checkin(const Args& a, Io& io) {
    const std::string& person = a.arg(0, "the person checking in (PERSON)");
    const std::string& rollout = a.arg(1, "the rollout (ROLLOUT)");
    const auto answers = answers_of(a.arg(2, "the answers (ID=1..5,...)"));
    Session s(a, change_cli::load_content_or_throw(a));
    change::CheckinService service(s.events, s.clock, *s.content);
    const auto r = service.check_in(change_cli::actor_of(a, s.db), person, rollout, answers);
    io.out << "phase: " << content::phase_id(r.result.phase) << "\n";
    for (const auto& why : r.result.reasons) io.out << "  because " << why.to_string() << "\n";
    io.out << "lead action: " << content::pick(s.content->change->phase(r.result.phase).lead_action, "en") << "\n";
    return 0;
}

int cmd_assess(const Args& a, Io& io) {
    const std::string& person = a.arg(0, "the person assessed (PERSON)");
    const std::string& rollout = a.arg(1, "the rollout (ROLLOUT)");
    const std::string& phase_text = a.arg(2, "the phase (denial, resistance, exploration, commitment)");
    const auto phase = content::phase_from_id(phase_text);
    if (!phase) throw UsageError("PHASE must be denial, resistance, exploration or commitment, got '" + phase_text + "'");
    Session s(a, change_cli::load_content_or_throw(a));
    change::CheckinService service(s.events, s.clock, *s.content);
    service.assess(change_cli::actor_of(a, s.db), person, rollout, *phase, a.value("note").value_or(""));
    io.out << "assessment recorded: " << person << " " << phase_text << "\n";
    return 0;
}

int cmd_history(const Args& a, Io& io) {
    const std::string& person = a.arg(0, "the person (PERSON)");
    const std::string& rollout = a.arg(1, "the rollout (ROLLOUT)");
    Session s(a, change_cli::load_content_or_throw(a));
    change::CheckinService service(s.events, s.clock, *s.content);
    for (const auto& r : service.history(change_cli::actor_of(a, s.db), person, rollout)) {
        io.out << i18n::format_date_time(r.at_ms, "en", organisation_zone()) << "  " << content::phase_id(r.phase) << "  " << r.source;
        if (!r.author_id.empty()) io.out << " (" << r.author_id << ")";
        if (!r.note.empty()) io.out << "  note: " << r.note;
        io.out << "\n";
        for (const auto& why : r.reasons) io.out << "    because " << why << "\n";
    }
    return 0;
}

int cmd_maturity_record(const Args& a, Io& io) {
    const std::string& team = a.arg(0, "the team (TEAM)");
    const auto answers = answers_of(a.value("answers").value_or(""));
    Session s(a, change_cli::load_content_or_throw(a));
    const std::string date = a.value("date").value_or(org_today(s.clock));
    const auto r = change::record_maturity(s.events, change_cli::actor_of(a, s.db), *s.content, team, date, answers);
    io.out << "maturity " << r.team_id << " " << r.date << ": " << r.total << " / 30 (" << content::band_id(r.band) << ")\n";
    return 0;
}

int cmd_maturity_trend(const Args& a, Io& io) {
    const std::string& team = a.arg(0, "the team (TEAM)");
    auto db = open_db(a);
    for (const auto& r : change::maturity_trend(db, change_cli::actor_of(a, db), team))
        io.out << r.date << "  " << r.total << " / 30  " << content::band_id(r.band) << "\n";
    return 0;
}

const Registration kRollouts{{"change rollouts", "trainer change rollouts", "list rollouts (content and CLI-defined)",
                              {}, cmd_rollouts, 0}};
const Registration kDefine{{"change rollout define",
                            "trainer change rollout define ID --title T --cards A,B --teams T1,T2 --start YYYY-MM-DD "
                            "--target YYYY-MM-DD [--modules M1,M2]",
                            "define (or redefine) a rollout as an admin",
                            {{"title", true}, {"cards", true}, {"modules", true}, {"teams", true}, {"start", true},
                             {"target", true}, {"as", true}},
                            cmd_define, 1}};
const Registration kCheckin{{"change checkin", "trainer change checkin PERSON ROLLOUT ID=1..5,... [--as PERSON]",
                             "record a pulse check-in and show the phase and why",
                             {{"as", true}}, cmd_checkin, 3}};
const Registration kAssess{{"change assess", "trainer change assess PERSON ROLLOUT PHASE [--note TEXT] [--as LEAD]",
                            "record a lead's own assessment of a person's phase",
                            {{"note", true}, {"as", true}}, cmd_assess, 3}};
const Registration kHistory{{"change history", "trainer change history PERSON ROLLOUT [--as PERSON]",
                             "a person's check-ins and lead assessments, oldest first",
                             {{"as", true}}, cmd_history, 2}};
const Registration kMaturityRecord{{"maturity record",
                                    "trainer maturity record TEAM --answers ID=0..2,... [--date YYYY-MM-DD] [--as LEAD]",
                                    "record a service maturity self-check (15 answers, 0 / 1 / 2)",
                                    {{"answers", true}, {"date", true}, {"as", true}}, cmd_maturity_record, 1}};
const Registration kMaturityTrend{{"maturity trend", "trainer maturity trend TEAM [--as LEAD]",
                                   "a team's maturity self-checks by date", {{"as", true}}, cmd_maturity_trend, 1}};

} // namespace
} // namespace trainer::cli
