#pragma once
// `trainer xapi push`: the learning records as xAPI statements, sent to an LRS in batches
// (README "Sending statements to an LRS"). The rule: nothing is marked sent that the LRS has
// not stored.
// - Resume: per LRS endpoint, xapi_push_state.through_seq is the last event (local arrival
//   order) whose statement, and every statement before it, the LRS acknowledged (migration
//   0018). A run starts after it; a stopped run keeps what was acknowledged.
// - Acknowledged: a 2xx answer to the POST of a batch; or, for one statement, a GET by its id
//   that returns a statement with the same id, verb, object and actor (the LRS really has it).
// - 409 or 400 for a batch: the batch is sent again one statement at a time. A 409 for one
//   statement is checked with a GET (above): the same statement counts as stored, a different
//   one or none stops the run naming the statement. A 400 for one statement stops the run
//   naming it and the LRS's reason; the statements before it stay acknowledged.
// - 401/403 stop at once (credentials); 429, 5xx, a refused connection and a timeout are tried
//   again after back-off (base × 2^n, at most 30 s), `retries` times, then stop.
// Statement ids are the events' (stable UUIDs), so a batch sent twice (an answer lost to a
// timeout) is harmless: the LRS keeps one copy.
#include "trainer/quality/xapi.hpp"
#include "trainer/xapi/lrs_client.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace trainer::xapi {

struct PushSettings {
    std::string lrs;           // the endpoint as the state's key (no credentials in it)
    std::size_t batch = 50;    // statements per POST
    int retries = 5;           // further tries after a 5xx, 429 or no answer
    long backoff_ms = 1000;    // first wait; doubles per try, at most 30 s
    std::optional<TimeMs> since_ms; // events before this time are skipped (and counted as done)
    std::function<void(long ms)> sleep; // empty: std::this_thread::sleep_for
};

enum class PushOutcome {
    Done,          // everything up to the newest event is in the LRS
    Refused,       // a statement the LRS would not take (400), or a conflicting id
    Unauthorised,  // 401 / 403
    Unreachable,   // no answer, timeouts or server errors after every retry
};

struct PushReport {
    PushOutcome outcome = PushOutcome::Done;
    std::size_t sent = 0;        // statements acknowledged in this run
    std::int64_t through_seq = 0; // the cursor after the run
    std::string message;          // why it stopped (empty when done), for a person to read
    std::string statement_id;     // the statement it stopped at, if any
    std::string event_id;
};

// The cursor for an LRS endpoint (0: nothing sent yet).
std::int64_t pushed_through(store::Database& db, const std::string& lrs);

// Sends every learning-record event after the endpoint's cursor, as described above. `options`
// as for `export xapi` (prepared_options is applied here).
PushReport push_statements(store::EventStore& events, const content::ContentSet* content,
                           quality::XapiOptions options, LrsTransport& lrs, const PushSettings& settings);

} // namespace trainer::xapi
