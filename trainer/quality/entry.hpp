#pragma once
// QA evaluations at the kiosk (DESIGN §4.5, §4.7): a lead fills in a scorecard for a member of a
// team they lead and signs it with their own PIN; the agent sees their own evaluations and trend.
// Plain view models only: the kiosk screens draw them and call back with a draft.
#include "trainer/content/quality_model.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/quality/coaching.hpp"
#include "trainer/quality/period.hpp"
#include "trainer/quality/records.hpp"
#include "trainer/quality/survey_figures.hpp"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::quality {

// --- the evaluation form -------------------------------------------------------------------
struct FormCriterion {
    std::string id;
    std::string title;       // in the form's locale
    std::string description;
    double weight = 1;
    bool critical = false;   // shown with an "auto-fail" mark
    bool allow_na = true;    // offer the N/A button
    std::vector<std::string> card_titles; // the standards it checks
};
struct FormSection {
    std::string id;
    std::string title;
    std::vector<FormCriterion> criteria;
};
struct FormAgent {
    std::string id;
    std::string display_name;
};
// A scorecard the lead may pick instead (the call, chat and e-mail scorecards).
struct FormScorecard {
    std::string id;
    std::string title;
    std::vector<std::string> channels;
};
struct EvaluationForm {
    std::string scorecard_id;
    int scorecard_version = 1;
    std::string title;
    std::vector<std::string> channels;
    std::vector<FormSection> sections;
    std::vector<FormAgent> agents; // whom this lead may evaluate
    std::string today;             // default date, YYYY-MM-DD
    std::vector<FormScorecard> scorecards; // every scorecard of the content, in file order
};

// What the lead entered.
struct EvaluationDraft {
    std::string person_id;
    std::string scorecard_id;
    std::string channel;
    std::string date; // YYYY-MM-DD, not in the future
    std::map<std::string, Outcome> outcomes; // every criterion of the scorecard
    std::string comment;
};

// A draft that cannot be stored; problems() lists every reason (one line each).
class DraftError : public std::runtime_error {
  public:
    explicit DraftError(std::vector<std::string> problems);
    const std::vector<std::string>& problems() const { return problems_; }

  private:
    std::vector<std::string> problems_;
};

// The PIN did not sign: wrong, throttled or inactive (status says which, for a calm message).
class SignatureRejected : public std::runtime_error {
  public:
    SignatureRejected(identity::LoginStatus status, TimeMs retry_after_ms);
    identity::LoginStatus status() const { return status_; }
    TimeMs retry_after_ms() const { return retry_after_ms_; }

  private:
    identity::LoginStatus status_;
    TimeMs retry_after_ms_;
};

struct Submitted {
    Evaluation evaluation;
    std::vector<std::string> coached_cards; // pushed to the front of the agent's queue
};

// --- what the agent (or their lead) sees -----------------------------------------------------
struct TrendPoint {
    std::string period;    // "2026-11"
    int evaluations = 0;   // scored ones
    std::optional<double> quality;     // mean score %, nullopt without evaluations
    int survey_answers = 0;
    std::optional<double> csat_percent; // % of CSAT answers 4-5
    std::optional<double> nps;          // -100..100
    std::optional<double> ces_mean;     // 1..7
};
struct AgentScores {
    std::string person_id;
    std::vector<Evaluation> evaluations; // newest first
    std::vector<TrendPoint> trend;       // oldest first, `months` periods ending this month
};

class EvaluationService {
  public:
    EvaluationService(store::Database& db, store::EventStore& events, const Clock& clock,
                      const content::ContentSet& content, identity::AuthOptions auth = {});
    EvaluationService(store::Database&, store::EventStore&, const Clock&&,
                      const content::ContentSet&, identity::AuthOptions = {}) = delete;

    // May this actor enter evaluations at all, and for this person? (lead → own team members)
    static bool can_evaluate(const identity::Actor& actor, std::string_view person_id);

    // The form of a scorecard in a locale. AccessDenied unless the actor is a lead;
    // std::invalid_argument for an unknown scorecard.
    EvaluationForm form(const identity::Actor& actor, const std::string& scorecard_id,
                        std::string_view locale = "en");
    // Every reason the draft cannot be stored (empty = fine). No access check.
    std::vector<std::string> problems(const EvaluationDraft& d) const;
    // The score the draft would get now (criteria not yet answered count as N/A).
    Score preview(const EvaluationDraft& d) const;

    // Checks access (AccessDenied), the draft (DraftError), the PIN (SignatureRejected) — in this
    // order, writing nothing on any failure — then stores the evaluation and its coaching items in
    // one durable transaction. The signature is audited like a login (failures count to lockout).
    Submitted submit(const identity::Actor& actor, const EvaluationDraft& d, std::string_view pin);
    // For a GUI that ran the slow PIN check on a worker thread:
    //   attempt = auth().begin_by_id(lead); check = auth().check(attempt, pin) (worker);
    Submitted submit_checked(const identity::Actor& actor, const EvaluationDraft& d,
                             const identity::LoginAttempt& attempt,
                             const identity::PinCheck& check);
    identity::AuthService& auth() { return auth_; }

    // The person's evaluations and monthly trend. AccessDenied unless the actor may view them
    // (the agent: only themselves; a lead: their teams; admin: all).
    AgentScores scores(const identity::Actor& actor, const std::string& person_id, int months = 6);
    std::vector<CoachingReason> coaching_reasons(const identity::Actor& actor,
                                                 const std::string& person_id,
                                                 std::string_view locale = "en");

  private:
    void require_can_evaluate(const identity::Actor& actor, const std::string& person_id) const;

    store::Database& db_;
    store::EventStore& events_;
    const Clock& clock_;
    const content::ContentSet& content_;
    identity::AuthService auth_;
};

} // namespace trainer::quality
