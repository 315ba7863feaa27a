#include "trainer/quality/records.hpp"

#include "trainer/core/text_policy.hpp"
#include "trainer/store/events.hpp"

#include <stdexcept>

namespace trainer::quality {

namespace {


void insert_evaluation_rows(store::Database& db, const Evaluation& e, TimeMs at_ms) {
    db.prepare("INSERT INTO qa_evaluations (event_id, person_id, scorecard_id, channel, "
               "evaluated_on, score, scored, critical_failed, source, external_id, evaluator, "
               "comment, recorded_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
        .bind_all(e.event_id, e.person_id, e.scorecard_id, e.channel, e.date, e.score.percent,
                  e.score.scored ? 1 : 0, e.score.critical_failed ? 1 : 0, e.source, e.external_id,
                  e.evaluator, e.comment, at_ms)
        .run();
    auto st = db.prepare("INSERT INTO qa_criterion_results (event_id, criterion_id, outcome) "
                         "VALUES (?1, ?2, ?3)");
    for (const auto& c : e.criteria) {
        st.bind_all(e.event_id, c.criterion_id, outcome_name(c.outcome));
        st.run();
        st.reset();
    }
}

void insert_survey_row(store::Database& db, const SurveyAnswer& a) {
    db.prepare("INSERT INTO survey_responses (event_id, person_id, answered_on, csat, nps, ces, "
               "source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind_all(a.event_id, a.person_id, a.date, a.csat, a.nps, a.ces, a.source)
        .run();
}

store::Payload survey_payload(const SurveyAnswer& a) {
    store::Payload p{{"person", a.person_id}, {"date", a.date}, {"source", a.source},
                     {"external_id", a.external_id}};
    if (a.csat) p.set("csat", *a.csat);
    if (a.nps) p.set("nps", *a.nps);
    if (a.ces) p.set("ces", *a.ces);
    return p;
}

SurveyAnswer survey_from_event(const store::Event& e) {
    const store::Payload& p = e.payload;
    SurveyAnswer a;
    a.event_id = e.id;
    a.person_id = p.string("person");
    a.date = p.string("date");
    a.source = p.string_or("source", "");
    a.external_id = p.string_or("external_id", "");
    if (p.contains("csat")) a.csat = static_cast<int>(p.integer("csat"));
    if (p.contains("nps")) a.nps = static_cast<int>(p.integer("nps"));
    if (p.contains("ces")) a.ces = static_cast<int>(p.integer("ces"));
    return a;
}

// Binds: ?1 person, ?2 from date, ?3 until date (each NULL = no limit).
std::string where_clause(const std::string& table, const char* date_column) {
    std::string w = " WHERE (?1 IS NULL OR " + table + "person_id = ?1)";
    w += std::string(" AND (?2 IS NULL OR ") + date_column + " >= ?2)";
    w += std::string(" AND (?3 IS NULL OR ") + date_column + " < ?3)";
    return w;
}

} // namespace

store::Payload evaluation_payload(const Evaluation& e) {
    std::vector<store::Payload> criteria;
    for (const auto& c : e.criteria) criteria.push_back({{"id", c.criterion_id}, {"outcome", outcome_name(c.outcome)}});
    store::Payload p{{"person", e.person_id},
              {"scorecard", e.scorecard_id},
              {"scorecard_version", e.scorecard_version},
              {"channel", e.channel},
              {"date", e.date},
              {"evaluator", e.evaluator},
              {"source", e.source},
              {"external_id", e.external_id},
              {"comment", e.comment},
              {"criteria", criteria},
              {"score", store::Payload{{"percent", e.score.percent},
                                       {"earned", e.score.earned},
                                       {"possible", e.score.possible},
                                       {"critical_failed", e.score.critical_failed},
                                       {"scored", e.score.scored}}}};
    if (!e.evaluated_at.empty()) p.set("evaluated_at", e.evaluated_at);
    return p;
}

Evaluation evaluation_from_event(const store::Event& ev) {
    try {
        const store::Payload& p = ev.payload;
        Evaluation e;
        e.event_id = ev.id;
        e.recorded_ms = ev.at_ms;
        e.person_id = p.string("person");
        e.scorecard_id = p.string_or("scorecard", "");
        e.scorecard_version = static_cast<int>(p.integer_or("scorecard_version", 0));
        e.channel = p.string_or("channel", "");
        e.date = p.string("date");
        e.evaluated_at = p.string_or("evaluated_at", "");
        e.evaluator = p.string_or("evaluator", "");
        e.source = p.string_or("source", "");
        e.external_id = p.string_or("external_id", "");
        e.comment = p.string_or("comment", "");
        if (p.contains("criteria")) {
            for (const store::Payload& c : p.object("criteria").elements()) {
                const auto o = parse_outcome(c.string("outcome"));
                if (!o) throw std::invalid_argument("unknown outcome " + c.object("outcome").dump());
                e.criteria.push_back({c.string("id"), *o});
            }
        }
        const store::Payload s = p.object("score");
        e.score.percent = s.number("percent");
        e.score.earned = s.number_or("earned", 0.0);
        e.score.possible = s.number_or("possible", 0.0);
        e.score.critical_failed = s.boolean_or("critical_failed", false);
        e.score.scored = s.boolean_or("scored", true);
        return e;
    } catch (const std::invalid_argument&) {
        throw;
    } catch (const std::exception& x) {
        if (!store::is_json_error(x)) throw;
        throw std::invalid_argument(std::string("malformed qa.evaluated payload: ") + x.what());
    }
}

bool store_evaluation(store::EventStore& events, const Evaluation& e, const std::string& actor_id) {
    // The last line of the text policy: whatever path an evaluation took, it is stored clean.
    text::require(e.external_id, text::Kind::Id, "evaluation id");
    text::require(e.evaluator, text::Kind::Name, "evaluator");
    text::require(e.channel, text::Kind::Name, "channel");
    text::require(e.comment, text::Kind::MultiLine, "comment");
    store::NewEvent ne{kQaEvaluated, actor_id, evaluation_payload(e), e.event_id, {}};
    if (!ne.id.empty() && events.find(ne.id)) return false;
    const store::Event written = events.append(ne);
    Evaluation stored = e;
    stored.event_id = written.id;
    insert_evaluation_rows(events.db(), stored, written.at_ms);
    return true;
}

bool store_survey_answer(store::EventStore& events, const SurveyAnswer& a,
                         const std::string& actor_id) {
    store::NewEvent ne{kSurveyAnswered, actor_id, survey_payload(a), a.event_id, {}};
    if (!ne.id.empty() && events.find(ne.id)) return false;
    const store::Event written = events.append(ne);
    SurveyAnswer stored = a;
    stored.event_id = written.id;
    insert_survey_row(events.db(), stored);
    return true;
}

std::vector<Evaluation> list_evaluations(store::Database& db, const EvaluationFilter& f) {
    std::vector<Evaluation> out;
    auto st = db.prepare("SELECT e.id, e.type, e.person_id, e.kiosk_id, e.at_ms, e.payload "
                         "FROM qa_evaluations q JOIN events e ON e.id = q.event_id" +
                         where_clause("q.", "q.evaluated_on") +
                         " ORDER BY q.evaluated_on, q.recorded_ms, q.event_id");
    st.bind_all(f.person_id, f.from_date, f.until_date);
    while (st.step()) {
        store::Event ev;
        ev.id = st.text(0);
        ev.type = st.text(1);
        ev.at_ms = st.int64(4);
        ev.payload = store::Payload::parse(st.text(5));
        out.push_back(evaluation_from_event(ev));
    }
    return out;
}

std::vector<SurveyAnswer> list_survey_answers(store::Database& db, const EvaluationFilter& f) {
    std::vector<SurveyAnswer> out;
    auto st = db.prepare("SELECT event_id, person_id, answered_on, csat, nps, ces, source "
                         "FROM survey_responses" +
                         where_clause("", "answered_on") + " ORDER BY answered_on, event_id");
    st.bind_all(f.person_id, f.from_date, f.until_date);
    while (st.step()) {
        SurveyAnswer a;
        a.event_id = st.text(0);
        a.person_id = st.text(1);
        a.date = st.text(2);
        if (!st.is_null(3)) a.csat = static_cast<int>(st.int64(3));
        if (!st.is_null(4)) a.nps = static_cast<int>(st.int64(4));
        if (!st.is_null(5)) a.ces = static_cast<int>(st.int64(5));
        a.source = st.text(6);
        out.push_back(std::move(a));
    }
    return out;
}

store::Projection quality_projection() {
    return {"qa_evaluations, qa_criterion_results, survey_responses",
            [](store::Database& db) {
                db.exec("DELETE FROM qa_criterion_results");
                db.exec("DELETE FROM qa_evaluations");
                db.exec("DELETE FROM survey_responses");
            },
            [](store::Database& db, const store::Event& e) {
                try {
                    if (e.type == kQaEvaluated)
                        insert_evaluation_rows(db, evaluation_from_event(e), e.at_ms);
                    else if (e.type == kSurveyAnswered)
                        insert_survey_row(db, survey_from_event(e));
                } catch (const std::exception& x) {
                    throw std::runtime_error(e.type + " event " + e.id + " (seq " +
                                             std::to_string(e.seq) + "): " + x.what());
                }
            }};
}

} // namespace trainer::quality
