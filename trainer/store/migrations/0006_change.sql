-- Change phases, rollouts and the lead dashboard (DESIGN §4.4, §4.6). Every table here is a cache
-- derived from events (trainer/change/projection.cpp) and written in the same transaction as the
-- event; `trainer rebuild` recomputes them. The dashboard reads only these tables and card_state,
-- never the event log, so the team overview stays fast over years of history.

-- Rollouts an admin created from the CLI ("change.rollout_defined"); content rollouts are in
-- content/change/rollouts.json. Lists are JSON arrays of ids.
CREATE TABLE change_rollouts (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    cards       TEXT NOT NULL CHECK (json_valid(cards)),
    modules     TEXT NOT NULL CHECK (json_valid(modules)),
    teams       TEXT NOT NULL CHECK (json_valid(teams)),
    start_date  TEXT NOT NULL,
    target_date TEXT NOT NULL,
    defined_ms  INTEGER NOT NULL
) STRICT;

-- Every phase record: a self check-in ("self") or a lead's assessment ("lead").
CREATE TABLE change_phase_log (
    event_id   TEXT PRIMARY KEY,
    person_id  TEXT NOT NULL,
    rollout_id TEXT NOT NULL,
    at_ms      INTEGER NOT NULL,
    phase      TEXT NOT NULL CHECK (phase IN ('denial', 'resistance', 'exploration', 'commitment')),
    source     TEXT NOT NULL CHECK (source IN ('self', 'lead')),
    reasons    TEXT NOT NULL DEFAULT '[]',   -- self: why the rule chose the phase; lead: the note
    author_id  TEXT NOT NULL DEFAULT ''       -- the lead who assessed; '' for a self check-in
) STRICT;
CREATE INDEX change_phase_log_by_rollout ON change_phase_log (rollout_id, at_ms);
CREATE INDEX change_phase_log_by_person ON change_phase_log (person_id, rollout_id, at_ms);

-- The latest phase per person and rollout: the newest record of either source wins.
CREATE TABLE change_phase_latest (
    person_id       TEXT NOT NULL,
    rollout_id      TEXT NOT NULL,
    phase           TEXT NOT NULL,
    source          TEXT NOT NULL,
    at_ms           INTEGER NOT NULL,
    last_checkin_ms INTEGER,                  -- the latest self check-in (check-in due rule)
    PRIMARY KEY (person_id, rollout_id)
) STRICT, WITHOUT ROWID;

-- The latest completion per person and onboarding module ("module.completed"), until the
-- onboarding feature offers its own progress table.
CREATE TABLE change_module_done (
    person_id    TEXT NOT NULL,
    module_id    TEXT NOT NULL,
    version      INTEGER NOT NULL,
    passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
    completed_ms INTEGER NOT NULL,
    PRIMARY KEY (person_id, module_id)
) STRICT, WITHOUT ROWID;

-- Service maturity self-checks per team and date ("maturity.assessed").
CREATE TABLE change_maturity (
    event_id  TEXT PRIMARY KEY,
    team_id   TEXT NOT NULL,
    date      TEXT NOT NULL,                  -- YYYY-MM-DD
    total     INTEGER NOT NULL CHECK (total BETWEEN 0 AND 30),
    answers   TEXT NOT NULL CHECK (json_valid(answers)),
    author_id TEXT NOT NULL,
    at_ms     INTEGER NOT NULL
) STRICT;
CREATE INDEX change_maturity_by_team ON change_maturity (team_id, date, at_ms);
