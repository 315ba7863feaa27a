#include "trainer/quality/motivation.hpp"

#include "trainer/cards/review_service.hpp"
#include "trainer/cards/team_mastery.hpp"
#include "trainer/core/time.hpp"
#include "trainer/quality/qa_figures.hpp"
#include "trainer/quality/records.hpp"
#include "trainer/quality/survey_figures.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>
#include <charconv>
#include <memory>
#include <set>

namespace trainer::quality {

namespace {

// What counts as completing a module: onboarding's completion records (a quiz or attitude attempt
// finished, a skills sign-off) and a plain "module.completed" record (imports, older kiosks).
constexpr const char* kCompletionEvents[] = {"onboarding.attempt_finished", "skills.signed_off",
                                             "module.completed"};

// As `std::ostream << round2(v)` printed it (printf's %g, 6 digits, no locale), without building a
// stream for each of a team's reasons.
std::string pct(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, round2(v), std::chars_format::general, 6);
    return std::string(buf, r.ptr);
}

// Who completed which module by `until_ms`. A record with "passed": false is not a completion.
std::map<std::string, std::set<std::string>> completed_modules(store::EventStore& events,
                                                                TimeMs until_ms) {
    std::map<std::string, std::set<std::string>> out;
    for (const char* type : kCompletionEvents) {
        store::EventFilter f;
        f.type = type;
        f.until_ms = until_ms;
        events.for_each(f, [&](const store::Event& e) {
            const auto& p = e.payload;
            const auto module = p.find_string("module");
            if (!module) return;
            if (auto passed = p.find_boolean("passed"); passed && !*passed) return;
            // the subject is "person" when someone else signed
            const std::string person = p.find_string("person").value_or(e.person_id);
            out[person].insert(*module);
        });
    }
    return out;
}

struct Context {
    store::Database& db;
    const content::ContentSet& content;
    const MotivationConfig& config;
    const identity::Actor& actor;
    const Period& period;
    std::map<std::string, std::set<std::string>> modules;
    std::unique_ptr<cards::ReviewService> reviews; // null when review state cannot be read
    std::string review_problem;
    // Read once for every person of the call (one query per figure, not per person).
    std::map<std::string, std::vector<std::string>> teams;
    std::map<std::string, PeriodQuality> quality;
    std::map<std::string, std::vector<SurveyAnswer>> surveys;
    std::map<std::string, cards::MasterySummary> mastery; // whoever the service can answer for
    bool reasons = true; // false: the index alone (motivation_indexes): no gate or note text is built
};

MotivationRow compute(Context& c, const std::string& person_id, const std::string& name) {
    MotivationRow r;
    r.person_id = person_id;
    r.display_name = name;
    r.period = c.period.label;
    if (auto it = c.teams.find(person_id); it != c.teams.end()) r.teams = it->second;
    std::vector<Reason> gates, notes;

    // The person's QA score of the period (qa_figures.hpp: one definition everywhere).
    if (auto it = c.quality.find(person_id); it != c.quality.end()) {
        r.evaluations = it->second.evaluations;
        if (it->second.percent) r.quality = round2(*it->second.percent);
    }

    const auto answers = c.surveys.find(person_id);
    const auto figures =
        survey_figures(answers != c.surveys.end() ? answers->second : std::vector<SurveyAnswer>{});
    r.csat_percent = figures.csat_percent;
    r.nps = figures.nps;
    r.ces_mean = figures.ces_mean;

    const auto& done = c.modules[person_id];
    if (c.config.training_modules.empty()) {
        if (c.reasons)
            notes.push_back({"training_not_configured",
                         "no training modules are configured; training completion counted as 0", {}});
    } else {
        int n = 0;
        for (const auto& m : c.config.training_modules)
            n += done.count(m) ? 1 : 0;
        r.training = round2(100.0 * n / static_cast<double>(c.config.training_modules.size()));
    }
    std::optional<cards::MasterySummary> mastery;
    std::string mastery_problem = c.review_problem;
    if (auto it = c.mastery.find(person_id); it != c.mastery.end()) {
        mastery = it->second;
    } else if (c.reviews) {
        try { // says why (e.g. someone who left during the period), or answers after all
            mastery = c.reviews->mastery_summary(c.actor, person_id);
        } catch (const std::exception& e) {
            mastery_problem = e.what(); // e.g. someone who left during the period: still paid for it
        }
    }
    if (mastery) {
        r.mastery = round2(mastery->percent);
        if (mastery->total == 0 && c.reasons) notes.push_back({"mastery_no_cards", "no standards in the content; mastery counted as 0", {}});
    } else if (c.reasons) {
        notes.push_back({"mastery_unavailable", "review state unavailable (" + mastery_problem +
                                                    "); mastery counted as 0", {}});
    }

    double weighted = 0, weights = 0;
    for (const char* k : kComponents) {
        const double w = c.config.weights.count(k) ? c.config.weights.at(k) : 0;
        if (w <= 0) continue;
        const std::string key = k;
        double v = 0;
        if (key == "quality") {
            v = r.quality.value_or(0);
            // Said once: with a quality gate, its "quality_missing" already says it.
            if (!r.quality && !c.config.min_quality && c.reasons)
                notes.push_back({"quality_no_data", "no QA evaluation in " + c.period.label + "; quality counted as 0",
                                 {{"period", c.period.label}}});
        } else if (key == "training") {
            v = r.training;
        } else if (key == "mastery") {
            v = r.mastery;
        } else {
            std::optional<double> f = key == "csat" ? r.csat_percent
                                    : key == "nps" && r.nps ? std::optional(nps_to_percent(*r.nps))
                                    : key == "ces" && r.ces_mean ? std::optional(ces_to_percent(*r.ces_mean))
                                                                 : std::nullopt;
            if (!f && c.reasons) notes.push_back({key + "_no_data", "no " + key + " answers in " + c.period.label + "; " + key + " counted as 0",
                                     {{"period", c.period.label}}});
            v = f.value_or(0);
        }
        r.components[key] = v;
        weighted += w * v;
        weights += w;
    }
    r.index = weights > 0 ? round2(weighted / weights) : 0;
    if (!c.reasons) return r; // the gates below decide eligibility, not the index

    if (r.evaluations < c.config.min_evaluations)
        gates.push_back({"too_few_evaluations", std::to_string(r.evaluations) + " QA evaluation(s) in " +
                                                   c.period.label + "; at least " +
                                                   std::to_string(c.config.min_evaluations) + " needed",
                         {{"count", std::to_string(r.evaluations)}, {"period", c.period.label},
                          {"needed", std::to_string(c.config.min_evaluations)}}});
    if (c.config.min_quality && r.quality && *r.quality < *c.config.min_quality)
        gates.push_back({"quality_below_gate", "quality " + pct(*r.quality) + " % is below " +
                                                   pct(*c.config.min_quality) + " %",
                         {{"quality", pct(*r.quality)}, {"gate", pct(*c.config.min_quality)}}});
    else if (c.config.min_quality && !r.quality)
        gates.push_back({"quality_missing", "no quality score in " + c.period.label +
                                                "; at least " + pct(*c.config.min_quality) + " % needed",
                         {{"period", c.period.label}, {"gate", pct(*c.config.min_quality)}}});
    std::string missing;
    for (const auto& m : c.config.required_modules)
        if (!done.count(m)) missing += (missing.empty() ? "" : ", ") + m;
    if (!missing.empty())
        gates.push_back({"required_modules_missing", "required modules not completed: " + missing,
                         {{"modules", missing}}});
    r.eligible = gates.empty();
    r.reasons = gates;
    r.reasons.insert(r.reasons.end(), notes.begin(), notes.end());
    return r;
}

// `only`: the one person of the call; nullopt: everyone's figures of the period.
Context make_context(store::Database& db, store::EventStore& events, const Clock& clock,
                     const content::ContentSet& content, const MotivationConfig& config,
                     const identity::Actor& actor, const Period& period,
                     const std::optional<std::string>& only, const std::vector<std::string>* people = nullptr,
                     const std::map<std::string, cards::MasterySummary>* mastery = nullptr) {
    Context c{db, content, config, actor, period, {}, nullptr, "", {}, {}, {}, {}};
    c.modules = completed_modules(events, parse_date(period.until_date).value_or(0));
    auto teams = db.prepare(std::string("SELECT person_id, team_id FROM team_members") +
                            (only ? " WHERE person_id = ?1" : "") + " ORDER BY person_id, team_id");
    if (only) teams.bind(1, *only);
    while (teams.step()) c.teams[teams.text(0)].push_back(teams.text(1));
    c.quality = people_quality(db, period, only);
    for (auto& a : list_survey_answers(db, {only, period.from_date, period.until_date}))
        c.surveys[a.person_id].push_back(std::move(a));
    if (mastery) {
        c.mastery = *mastery; // a person it lacks is asked for one by one in compute()
    } else if (people) {
        try { // a team at once; whoever is left out is asked one by one in compute()
            c.mastery = cards::mastery_summaries(db, content, cards::ReviewConfig{}, actor, *people, clock.now_ms());
        } catch (const std::exception&) {
            c.mastery.clear(); // compute() asks the service per person and reports its reason
        }
    }
    try {
        c.reviews = std::make_unique<cards::ReviewService>(db, events, clock, content, cards::ReviewConfig{});
    } catch (const std::exception& e) {
        c.review_problem = e.what();
    }
    return c;
}

} // namespace

MotivationRow motivation_for(store::Database& db, store::EventStore& events, const Clock& clock,
                             const content::ContentSet& content, const MotivationConfig& config,
                             const identity::Actor& actor, const std::string& person_id,
                             const Period& period) {
    identity::require_view_person(actor, person_id);
    Context c = make_context(db, events, clock, content, config, actor, period, person_id);
    auto st = db.prepare("SELECT display_name FROM people WHERE id = ?1");
    st.bind(1, person_id);
    return compute(c, person_id, st.step() ? st.text(0) : person_id);
}

namespace {
// The figures of several people read once for all of them, after checking the actor may see each.
Context team_context(store::Database& db, store::EventStore& events, const Clock& clock,
                     const content::ContentSet& content, const MotivationConfig& config,
                     const identity::Actor& actor, const std::vector<std::string>& people, const Period& period,
                     const std::map<std::string, cards::MasterySummary>* mastery) {
    for (const auto& p : people) identity::require_view_person(actor, p);
    return make_context(db, events, clock, content, config, actor, period,
                        people.size() == 1 ? std::optional(people.front()) : std::nullopt, &people, mastery);
}
} // namespace

std::vector<MotivationRow> motivation_rows(store::Database& db, store::EventStore& events, const Clock& clock,
                                           const content::ContentSet& content, const MotivationConfig& config,
                                           const identity::Actor& actor, const std::vector<std::string>& people,
                                           const Period& period,
                                           const std::map<std::string, cards::MasterySummary>* mastery) {
    Context c = team_context(db, events, clock, content, config, actor, people, period, mastery);
    std::vector<MotivationRow> out;
    auto st = db.prepare("SELECT display_name FROM people WHERE id = ?1");
    for (const auto& p : people) {
        st.reset();
        st.bind(1, p);
        out.push_back(compute(c, p, st.step() ? st.text(0) : p));
    }
    return out;
}

std::map<std::string, double> motivation_indexes(store::Database& db, store::EventStore& events, const Clock& clock,
                                                 const content::ContentSet& content, const MotivationConfig& config,
                                                 const identity::Actor& actor, const std::vector<std::string>& people,
                                                 const Period& period,
                                                 const std::map<std::string, cards::MasterySummary>* mastery) {
    Context c = team_context(db, events, clock, content, config, actor, people, period, mastery);
    c.reasons = false;
    std::map<std::string, double> out;
    for (const auto& p : people) out[p] = compute(c, p, std::string()).index;
    return out;
}

MotivationReport motivation_report(store::Database& db, store::EventStore& events,
                                   const Clock& clock, const content::ContentSet& content,
                                   const MotivationConfig& config, const identity::Actor& actor,
                                   const Period& period) {
    MotivationReport rep;
    rep.period = period;
    Context c = make_context(db, events, clock, content, config, actor, period, std::nullopt);
    // Payroll lists who worked in the period: hired before its end, and active or deactivated
    // only after it began (the audit log's "person.deactivated" tells when).
    std::map<std::string, TimeMs> deactivated_at;
    events.for_each({.type = "person.deactivated"}, [&](const store::Event& e) {
        if (auto person = e.payload.find_string("person")) deactivated_at[*person] = e.at_ms;
    });
    const TimeMs period_start = parse_date(period.from_date).value_or(0);
    auto st = db.prepare("SELECT id, display_name, active FROM people WHERE role = 'agent' "
                         "AND (hire_date IS NULL OR hire_date < ?1) ORDER BY id");
    st.bind(1, period.until_date);
    while (st.step()) {
        const std::string id = st.text(0);
        if (st.int64(2) == 0) {
            const auto gone = deactivated_at.find(id);
            if (gone == deactivated_at.end() || gone->second < period_start) continue;
        }
        if (identity::can_view_person(actor, id)) rep.rows.push_back(compute(c, id, st.text(1)));
    }

    const bool admin = actor.role == identity::Role::Admin;
    auto teams = db.prepare("SELECT id, name FROM teams ORDER BY id");
    while (teams.step()) {
        const std::string id = teams.text(0);
        if (!admin && std::find(actor.led_teams.begin(), actor.led_teams.end(), id) == actor.led_teams.end())
            continue;
        TeamRollup t{id, teams.text(1), period.label};
        double index_sum = 0, quality_sum = 0;
        int with_quality = 0;
        for (const auto& r : rep.rows) {
            if (std::find(r.teams.begin(), r.teams.end(), id) == r.teams.end()) continue;
            ++t.agents;
            t.eligible += r.eligible ? 1 : 0;
            index_sum += r.index;
            t.evaluations += r.evaluations;
            if (r.quality) quality_sum += *r.quality, ++with_quality;
        }
        if (t.agents) t.mean_index = round2(index_sum / t.agents);
        if (with_quality) t.mean_quality = round2(quality_sum / with_quality);
        rep.teams.push_back(t);
    }
    return rep;
}

} // namespace trainer::quality
