#include "trainer/quality/entry.hpp"
#include "trainer/quality/qa_figures.hpp"

#include "trainer/content/adopted_content.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/record_date.hpp"
#include "trainer/core/text_policy.hpp"
#include "trainer/core/time.hpp"
#include "trainer/core/uuid.hpp"
#include "trainer/identity/people.hpp"

#include <algorithm>

namespace trainer::quality {

namespace {

std::string join_lines(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& line : v)
        s += (s.empty() ? "" : "; ") + line;
    return s;
}


} // namespace

DraftError::DraftError(std::vector<std::string> problems)
    : std::runtime_error("the evaluation cannot be stored: " + join_lines(problems)),
      problems_(std::move(problems)) {}

SignatureRejected::SignatureRejected(identity::LoginStatus status, TimeMs retry_after_ms)
    : std::runtime_error(std::string("the PIN did not sign the evaluation (") +
                         identity::login_status_name(status) + ")"),
      status_(status), retry_after_ms_(retry_after_ms) {}

EvaluationService::EvaluationService(store::Database& db, store::EventStore& events,
                                     const Clock& clock, const content::ContentSet& content,
                                     identity::AuthOptions auth)
    : db_(db), events_(events), clock_(clock), content_(content),
      auth_(db, events, clock, auth) {}

bool EvaluationService::can_evaluate(const identity::Actor& actor, std::string_view person_id) {
    // Only a lead, only for the members of teams they lead, never themselves: the evaluator
    // must be the person accountable for that agent's coaching.
    if (actor.role != identity::Role::Lead || person_id == actor.person_id) return false;
    return std::find(actor.led_people.begin(), actor.led_people.end(), person_id) !=
           actor.led_people.end();
}

void EvaluationService::require_can_evaluate(const identity::Actor& actor,
                                             const std::string& person_id) const {
    if (!can_evaluate(actor, person_id))
        throw identity::AccessDenied(actor.label() + " may not enter a QA evaluation for '" +
                                     person_id + "': only a lead of their team may");
}

EvaluationForm EvaluationService::form(const identity::Actor& actor,
                                       const std::string& scorecard_id, std::string_view locale) {
    if (actor.role != identity::Role::Lead)
        throw identity::AccessDenied(actor.label() + " may not enter QA evaluations: leads only");
    const content::Scorecard* sc = content_.quality ? content_.quality->find(scorecard_id) : nullptr;
    if (!sc) throw std::invalid_argument("unknown scorecard '" + scorecard_id + "'");
    EvaluationForm f;
    f.scorecard_id = sc->id;
    f.scorecard_version = sc->version;
    f.title = content::pick(sc->title, locale);
    f.channels = sc->channels;
    f.today = org_today(clock_);
    for (const auto& other : content_.quality->scorecards)
        f.scorecards.push_back({other.id, content::pick(other.title, locale), other.channels});
    for (const auto& s : sc->sections) {
        FormSection fs{s.id, content::pick(s.title, locale), {}};
        for (const auto& c : s.criteria) {
            FormCriterion fc{c.id,       content::pick(c.title, locale),
                             c.description.empty() ? "" : content::pick(c.description, locale),
                             c.weight,   c.critical,
                             c.allow_na, {}};
            for (const auto& id : c.cards)
                if (const content::Card* card = content_.find_card(id))
                    fc.card_titles.push_back(card->text_for(locale).title);
            fs.criteria.push_back(std::move(fc));
        }
        f.sections.push_back(std::move(fs));
    }
    for (const auto& id : actor.led_people)
        if (id != actor.person_id)
            if (auto p = identity::read_person(db_, id); p && p->active)
                f.agents.push_back({p->id, p->display_name});
    return f;
}

std::vector<std::string> EvaluationService::problems(const EvaluationDraft& d) const {
    std::vector<std::string> out;
    if (d.person_id.empty()) out.push_back("choose the agent");
    const content::Scorecard* sc =
        content_.quality ? content_.quality->find(d.scorecard_id) : nullptr;
    if (!sc) {
        out.push_back("unknown scorecard '" + d.scorecard_id + "'");
        return out;
    }
    // Evaluations compare only on the scorecard the organisation adopted (content/adopted_content.hpp):
    // a desk whose folder has another version scores nothing on it until its content is updated.
    if (const int adopted = content::current_version(content::adopted_of(db_, "scorecard"), sc->id, sc->version);
        adopted != sc->version)
        out.push_back("this desk has version " + std::to_string(sc->version) + " of scorecard '" + sc->id +
                      "', but the organisation adopted version " + std::to_string(adopted) +
                      ": update this desk's content before scoring on it");
    if (std::find(sc->channels.begin(), sc->channels.end(), d.channel) == sc->channels.end())
        out.push_back("channel '" + d.channel + "' is not one of this scorecard's channels");
    if (auto e = record_date_problem(d.date, clock_.now_ms())) out.push_back(*e);
    for (const content::Criterion* c : sc->criteria()) {
        auto it = d.outcomes.find(c->id);
        if (it == d.outcomes.end())
            out.push_back("criterion '" + c->id + "' has no answer (met, not met" +
                          std::string(c->allow_na ? " or N/A)" : ")"));
        else if (it->second == Outcome::NotApplicable && !c->allow_na)
            out.push_back("criterion '" + c->id + "' cannot be N/A");
    }
    if (auto e = text::problem(d.comment, text::Kind::MultiLine)) out.push_back("comment: " + *e);
    for (const auto& [id, o] : d.outcomes)
        if (!sc->find_criterion(id)) out.push_back("criterion '" + id + "' is not on the scorecard");
    return out;
}

Score EvaluationService::preview(const EvaluationDraft& d) const {
    const content::Scorecard* sc =
        content_.quality ? content_.quality->find(d.scorecard_id) : nullptr;
    if (!sc) return {};
    std::map<std::string, Outcome> all;
    for (const content::Criterion* c : sc->criteria()) {
        auto it = d.outcomes.find(c->id);
        all[c->id] = it == d.outcomes.end() ? Outcome::NotApplicable : it->second;
    }
    return score(*sc, all);
}

Submitted EvaluationService::submit(const identity::Actor& actor, const EvaluationDraft& d,
                                    std::string_view pin) {
    require_can_evaluate(actor, d.person_id);
    if (auto p = problems(d); !p.empty()) throw DraftError(std::move(p));
    const identity::LoginAttempt attempt = auth_.begin_by_id(actor.person_id);
    identity::PinCheck check;
    if (attempt.needs_check()) check = auth_.check(attempt, pin);
    return submit_checked(actor, d, attempt, check);
}

Submitted EvaluationService::submit_checked(const identity::Actor& actor,
                                            const EvaluationDraft& d,
                                            const identity::LoginAttempt& attempt,
                                            const identity::PinCheck& check) {
    require_can_evaluate(actor, d.person_id);
    if (auto p = problems(d); !p.empty()) throw DraftError(std::move(p));
    if (attempt.person_id != actor.person_id)
        throw SignatureRejected(identity::LoginStatus::Rejected, 0);
    const identity::LoginResult signed_by = auth_.finish(attempt, check);
    if (signed_by.status != identity::LoginStatus::Ok)
        throw SignatureRejected(signed_by.status, signed_by.retry_after_ms);

    const content::Scorecard& sc = *content_.quality->find(d.scorecard_id);
    Submitted out;
    Evaluation& e = out.evaluation;
    e.person_id = d.person_id;
    e.scorecard_id = sc.id;
    e.scorecard_version = sc.version;
    e.channel = d.channel;
    e.date = d.date;
    e.evaluator = actor.person_id;
    e.source = "kiosk";
    e.comment = d.comment;
    for (const content::Criterion* c : sc.criteria())
        e.criteria.push_back({c->id, d.outcomes.at(c->id)});
    e.score = score(sc, d.outcomes);
    e.event_id = new_uuid();
    e.recorded_ms = clock_.now_ms();
    store::Transaction tx(db_);
    store_evaluation(events_, e, actor.person_id);
    out.coached_cards = assign_coaching_for(events_, sc, e, actor.person_id);
    tx.commit();
    return out;
}

AgentScores EvaluationService::scores(const identity::Actor& actor, const std::string& person_id,
                                      int months) {
    identity::require_view_person(actor, person_id);
    AgentScores out;
    out.person_id = person_id;
    auto current = period_of(org_today(clock_), PeriodKind::Month);
    std::vector<Period> periods;
    for (int i = 0; current && i < std::max(months, 1); ++i) {
        periods.insert(periods.begin(), *current);
        current = previous(*current);
    }
    const std::string from = periods.empty() ? "" : periods.front().from_date;
    out.evaluations = list_evaluations(db_, {person_id, {}, {}});
    std::reverse(out.evaluations.begin(), out.evaluations.end());
    const auto answers = list_survey_answers(db_, {person_id, from, {}});
    for (const Period& p : periods) {
        TrendPoint t;
        t.period = p.label;
        const PeriodQuality q = person_quality(out.evaluations, person_id, p); // qa_figures.hpp
        t.evaluations = q.evaluations;
        if (q.percent) t.quality = round2(*q.percent);
        std::vector<SurveyAnswer> in_period;
        for (const auto& a : answers)
            if (a.date >= p.from_date && a.date < p.until_date) in_period.push_back(a);
        const SurveyFigures f = survey_figures(in_period);
        t.survey_answers = f.answers;
        t.csat_percent = f.csat_percent;
        t.nps = f.nps;
        t.ces_mean = f.ces_mean;
        out.trend.push_back(t);
    }
    return out;
}

std::vector<CoachingReason> EvaluationService::coaching_reasons(const identity::Actor& actor,
                                                                const std::string& person_id,
                                                                std::string_view locale) {
    return quality::coaching_reasons(db_, content_, actor, person_id, locale);
}

} // namespace trainer::quality
