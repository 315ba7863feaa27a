-- QA evaluations and customer-survey answers (DESIGN §4.5). All three tables are caches derived
-- from the "qa.evaluated" and "survey.answered" events (trainer/quality/records.cpp,
-- quality_projection()), written in the same transaction as those events; `trainer rebuild`
-- recomputes them. The score is computed once when the evaluation is recorded (with the scorecard
-- of that day) and carried in the event, so a rebuild needs no content.
-- No foreign key to people: a rebuild replays events of people imported later or pseudonymised.
CREATE TABLE qa_evaluations (
    event_id        TEXT PRIMARY KEY,       -- the qa.evaluated event ("qa:<tool>:<id>" if imported)
    person_id       TEXT NOT NULL,          -- the evaluated agent
    scorecard_id    TEXT NOT NULL DEFAULT '', -- '' for a tool's per-evaluation total
    channel         TEXT NOT NULL DEFAULT '',
    evaluated_on    TEXT NOT NULL CHECK (evaluated_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    score           REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
    scored          INTEGER NOT NULL CHECK (scored IN (0, 1)),       -- 0: every criterion N/A
    critical_failed INTEGER NOT NULL CHECK (critical_failed IN (0, 1)),
    source          TEXT NOT NULL,          -- "kiosk" or "import:<tool>"
    external_id     TEXT NOT NULL DEFAULT '', -- the QA tool's evaluation id
    evaluator       TEXT NOT NULL DEFAULT '',
    comment         TEXT NOT NULL DEFAULT '',
    recorded_ms     INTEGER NOT NULL
) STRICT;
CREATE INDEX qa_evaluations_by_person ON qa_evaluations (person_id, evaluated_on);

CREATE TABLE qa_criterion_results (
    event_id     TEXT NOT NULL REFERENCES qa_evaluations (event_id) ON DELETE CASCADE,
    criterion_id TEXT NOT NULL,
    outcome      TEXT NOT NULL CHECK (outcome IN ('met', 'not_met', 'na')),
    PRIMARY KEY (event_id, criterion_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE survey_responses (
    event_id    TEXT PRIMARY KEY,           -- the survey.answered event ("survey:<tool>:<id>")
    person_id   TEXT NOT NULL,
    answered_on TEXT NOT NULL CHECK (answered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    csat        INTEGER CHECK (csat IS NULL OR csat BETWEEN 1 AND 5),
    nps         INTEGER CHECK (nps IS NULL OR nps BETWEEN 0 AND 10),
    ces         INTEGER CHECK (ces IS NULL OR ces BETWEEN 1 AND 7),
    source      TEXT NOT NULL
) STRICT;
CREATE INDEX survey_responses_by_person ON survey_responses (person_id, answered_on);
