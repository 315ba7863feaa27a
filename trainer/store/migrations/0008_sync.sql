-- One history from many devices (issue 12, README "Merging devices"). Every database belongs to
-- one organisation: events are only ever merged between databases of the same organisation. A
-- database made before this step gets a fresh organisation id; `trainer init --organisation ID`
-- may replace it until the first merge or import (meta.organisation_source says which).
INSERT OR IGNORE INTO meta (key, value) VALUES ('organisation_id', lower(hex(randomblob(16))));
INSERT OR IGNORE INTO meta (key, value) VALUES ('organisation_source', 'migration');

-- The one total order every device applies events in: occurred-at, then device, then event id.
CREATE INDEX events_in_order ON events (at_ms, kiosk_id, id);

-- Erasure tombstones: a person erased here stays erased whatever a later merge brings. Kept with
-- no personal data (a keyed hash of the old id, trainer/sync/tombstone.cpp) so that old events of
-- the person that another device still holds are dropped on import.
CREATE TABLE erased_people (
    person_key TEXT PRIMARY KEY,               -- hex BLAKE2b(person id, key = organisation id)
    event_id  TEXT NOT NULL,                   -- the person.erased event
    at_ms     INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
