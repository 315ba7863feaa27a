-- The last content set that validated, kept so that a bad update (or a damaged content folder)
-- never leaves the kiosk without standards to show.
CREATE TABLE content_snapshot (
    path     TEXT PRIMARY KEY,   -- relative to the content folder
    data     BLOB NOT NULL,
    saved_ms INTEGER NOT NULL
) STRICT;
