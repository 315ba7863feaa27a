-- Events are facts: what a person did, appended and never changed (DESIGN §3).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE events (
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,            -- UUID, or a stable external id for imports
    type      TEXT NOT NULL,
    person_id TEXT,                            -- who did it (NULL for anonymous/system)
    kiosk_id  TEXT NOT NULL,
    at_ms     INTEGER NOT NULL,                -- UTC milliseconds
    payload   TEXT NOT NULL CHECK (json_valid(payload))
) STRICT;

CREATE INDEX events_by_person ON events (person_id, type, at_ms);
CREATE INDEX events_by_type ON events (type, at_ms);

-- Only an erasure (which sets meta.erase_in_progress inside its own transaction) may rewrite
-- or remove events; everything else is append-only.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'erase_in_progress')
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'erase_in_progress')
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
