-- trainer xapi push (README "Sending statements to an LRS"): per LRS endpoint, how far the
-- statements are acknowledged. through_seq is an events.seq: that event's statement and every
-- one before it is stored in the LRS, so a stopped push resumes after it.
CREATE TABLE xapi_push_state (
    lrs          TEXT PRIMARY KEY,           -- the endpoint URL (never with credentials)
    through_seq  INTEGER NOT NULL DEFAULT 0,
    statements   INTEGER NOT NULL DEFAULT 0, -- acknowledged over all runs
    last_ok_ms   INTEGER,                    -- the end of the last run that finished
    last_error   TEXT                        -- why the last run stopped, NULL when it finished
) STRICT;
