-- Review state per person and card (DESIGN §3, §4.2). Both tables are caches derived from the
-- "card.reviewed" and "coaching.*" events (trainer/cards/review_service.cpp, projection()) and are
-- written in the same transaction as those events; `trainer rebuild` recomputes them.
-- No foreign key to people: a rebuild replays events of people imported later or pseudonymised.
CREATE TABLE card_state (
    person_id      TEXT NOT NULL,
    card_id        TEXT NOT NULL,
    card_version   INTEGER NOT NULL,          -- the content version this schedule belongs to
    due_ms         INTEGER NOT NULL,          -- UTC ms
    stability      REAL NOT NULL,
    difficulty     REAL NOT NULL,
    scheduled_days INTEGER NOT NULL,
    learning_steps INTEGER NOT NULL,
    reps           INTEGER NOT NULL,
    lapses         INTEGER NOT NULL,
    state          INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3), -- fsrs::State
    last_review_ms INTEGER NOT NULL,
    last_rating    INTEGER NOT NULL CHECK (last_rating BETWEEN 1 AND 4),
    successes      INTEGER NOT NULL DEFAULT 0, -- Good/Easy reviews of card_version (mastery rule)
    introduced_ms  INTEGER NOT NULL,          -- first review of card_version (daily new-card limit)
    PRIMARY KEY (person_id, card_id)
) STRICT, WITHOUT ROWID;

-- No secondary index on purpose: the due queue and mastery read one person's rows through the
-- primary key (person_id first; at most one row per card), and every extra index is one more page
-- written on the grade -> durable commit path (bench/bench_commit.cpp).

-- Cards pushed to the front of a person's queue by the coaching loop (QA, skills sign-off).
-- An item is open until a successful review of the card (or a coaching.cleared event) closes it.
CREATE TABLE coaching_queue (
    event_id    TEXT PRIMARY KEY,             -- the coaching.assigned event
    person_id   TEXT NOT NULL,                -- whose queue
    card_id     TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',     -- e.g. the failed QA criterion, shown to the agent
    source      TEXT NOT NULL DEFAULT '',     -- "qa", "skills", "lead", ...
    assigned_ms INTEGER NOT NULL,
    cleared_ms  INTEGER                       -- NULL while open
) STRICT;

CREATE INDEX coaching_queue_open ON coaching_queue (person_id, card_id) WHERE cleared_ms IS NULL;
