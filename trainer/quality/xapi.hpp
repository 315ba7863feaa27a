#pragma once
// Learning records as xAPI 1.0.3 statements (DESIGN §4.6), for a learning record store.
// - actor: {"objectType": "Agent", "account": {"homePage", "name"}}; by default name is an
//   opaque, stable id (UUID v5 of the person id under a per-database secret salt). An
//   organisation whose LRS must join records to HR may choose the person's external id as the
//   account name on its home page, or their e-mail as mbox (XapiOptions::actor).
// - context: registration per onboarding attempt (UUID v5 of person, module, attempt);
//   contextActivities parent (the module of a quiz or scenario answer) and grouping (the deck
//   of a card, the tracks of a module); names and verb displays as language maps in en-US,
//   pl-PL and ru-RU; interactionType on every cmi.interaction (choice for quiz questions,
//   likert for scenario valuations and card self-ratings, other for a card looked up).
// - timestamp: when it happened (an imported QA evaluation: the tool's time or day); no
//   "version" — the LRS sets it (xAPI 1.0.3 §2.4.10).
// - statement id: the event's UUID; an imported event with a non-UUID id ("qa:tool:42") gets a
//   UUID v5 of that id, so re-sending is harmless (an LRS ignores a known id).
// - verbs (ADL / cmi5 IRIs): card.reviewed → answered (rating 1-4 as the score, success = Good or
//   Easy); card.looked_up → experienced; module.completed → passed/failed when the record says
//   "passed", else completed; onboarding.attempt_finished / skills.signed_off → passed or failed
//   (score 0..1, attitude −2..+2); onboarding.quiz_answered / scenario_answered → answered; qa.evaluated →
//   passed when the score reaches the QA pass mark and no critical criterion failed, else failed.
// - result.score: raw within [min, max], scaled = raw / max for non-negative scales (xAPI:
//   −1..1), timestamps in UTC with milliseconds.
#include "trainer/content/model.hpp"
#include "trainer/store/event_store.hpp"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <string>

namespace trainer::quality {

inline constexpr const char* kVerbAnswered = "http://adlnet.gov/expapi/verbs/answered";
inline constexpr const char* kVerbCompleted = "http://adlnet.gov/expapi/verbs/completed";
inline constexpr const char* kVerbPassed = "http://adlnet.gov/expapi/verbs/passed";
inline constexpr const char* kVerbFailed = "http://adlnet.gov/expapi/verbs/failed";
inline constexpr const char* kVerbExperienced = "http://adlnet.gov/expapi/verbs/experienced";

struct XapiOptions {
    std::string home_page = "https://standards-trainer.local";  // the actor accounts' system
    std::string activity_base = "https://standards-trainer.local/xapi/activities";
    double qa_pass_mark = 85.0; // from the motivation config
    std::string salt;           // opaque actor ids; empty: the database's own (created once)
    // "opaque" (default), "external_id" (account name = the person's external id) or "email"
    // (mbox from an external id holding an e-mail). Without one, the opaque id stands in.
    std::string actor = "opaque";
    std::map<std::string, std::string> external_ids; // person id → external id (export fills it)
};

// Checks an --actor value; std::invalid_argument naming the choices.
void check_actor_kind(const std::string& kind);

// The statement id for an event id (the UUID itself, lowercased, or a UUID v5 of the id).
std::string statement_id(const std::string& event_id);
// The opaque account name of a person under a salt.
std::string opaque_actor(const std::string& salt, const std::string& person_id);
// The database's salt for opaque ids (meta "xapi_actor_salt"), created on first use.
std::string actor_salt(store::Database& db);

// The statement for one event, or nullopt for an event type that is not a learning record.
std::optional<nlohmann::json> to_statement(const store::Event& e, const content::ContentSet* content,
                                           const XapiOptions& options);

// The options with the salt and (for external_id / email actors) the people's external ids filled
// in from the database; std::invalid_argument for an unknown actor kind.
XapiOptions prepared_options(store::EventStore& events, XapiOptions options);

// Every learning-record event at or after since_ms, in arrival order, as a JSON array.
nlohmann::json export_statements(store::EventStore& events, const content::ContentSet* content,
                                 TimeMs since_ms, XapiOptions options);

} // namespace trainer::quality
