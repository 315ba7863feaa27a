-- Onboarding progress (DESIGN §4.3). Caches derived from the onboarding.* and skills.* events
-- (trainer/onboarding/projection.cpp), written in the same transaction as those events;
-- `trainer rebuild` recomputes them. Details (answers, reflections) stay in the events only.
-- No foreign key to people: a rebuild replays events of people imported later or pseudonymised.
CREATE TABLE onboarding_progress (
    person_id            TEXT NOT NULL,
    module_id            TEXT NOT NULL,
    version              INTEGER NOT NULL,           -- content version of the latest activity
    attempt              INTEGER NOT NULL,           -- current or last attempt number
    attempt_open         INTEGER NOT NULL CHECK (attempt_open IN (0, 1)),
    page                 INTEGER NOT NULL,           -- last page viewed; -1 none
    pages_seen           INTEGER NOT NULL,
    answered             INTEGER NOT NULL,           -- questions or scenarios of the open attempt
    signoff_requested_ms INTEGER,                    -- pending skills sign-off request
    updated_ms           INTEGER NOT NULL,
    PRIMARY KEY (person_id, module_id)
) STRICT, WITHOUT ROWID;

-- Completion records: every finished attempt (quiz, attitude, skills sign-off).
CREATE TABLE onboarding_completions (
    event_id         TEXT PRIMARY KEY,               -- the finishing event
    person_id        TEXT NOT NULL,
    module_id        TEXT NOT NULL,
    version          INTEGER NOT NULL,
    attempt          INTEGER NOT NULL,
    started_ms       INTEGER NOT NULL,
    ended_ms         INTEGER NOT NULL,
    score            REAL NOT NULL,
    passed           INTEGER NOT NULL CHECK (passed IN (0, 1)),
    signer_person_id TEXT                            -- skills: the lead who signed
) STRICT;
CREATE INDEX onboarding_completions_by_person ON onboarding_completions (person_id, module_id);

CREATE TABLE onboarding_assignments (
    person_id   TEXT NOT NULL,
    track_id    TEXT NOT NULL,
    assigned_ms INTEGER NOT NULL,
    automatic   INTEGER NOT NULL CHECK (automatic IN (0, 1)),
    PRIMARY KEY (person_id, track_id)
) STRICT, WITHOUT ROWID;
