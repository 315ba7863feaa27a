-- Sync with a central store (README "A central store for many desks"): what the centre has
-- acknowledged, where the pull stopped, and the last outcome the top bar shows. One row.
CREATE TABLE sync_state (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    pushed_through_seq INTEGER NOT NULL DEFAULT 0, -- this desk's events up to this seq are in the centre
    pull_xid           TEXT NOT NULL DEFAULT '0',  -- pull cursor: (inserting transaction, centre seq)
    pull_seq           INTEGER NOT NULL DEFAULT 0,
    last_ok_ms         INTEGER,                    -- the end of the last complete sync
    offline_since_ms   INTEGER,                    -- first failed attempt since the last success
    last_error         TEXT                        -- what the desk shows, calm words
) STRICT;
INSERT INTO sync_state (id) VALUES (1);
