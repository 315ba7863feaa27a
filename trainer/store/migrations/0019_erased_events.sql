-- Events an erasure removed or scrubbed (issue 12 §5, docs/merging.md "Erasure"): a keyed hash of
-- each one's id as it was before the erasure, never the id itself (an id may embed a person's id).
-- When a copy of such an event comes back (a desk pulling the centre's events, an old events file,
-- a merge of a backup), the import drops it and counts it: the tombstone wins, and the copy here
-- (gone, or scrubbed) stays as the erasure left it.
CREATE TABLE erased_events (
    event_key TEXT PRIMARY KEY  -- hex BLAKE2b("event " || id, key = organisation id)
) STRICT, WITHOUT ROWID;
