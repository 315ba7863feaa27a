-- Which version of each card the organisation has adopted (issue 12 §1, docs/merging.md "Content
-- adoption"): a projection of `content.adopted` events, the latest adoption per card in the one
-- total order. Rules that need "the current version" (refreshed standards, mastery) read it here,
-- so two devices with the same events agree whatever content folder each has loaded.
CREATE TABLE adopted_versions (
    card       TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    adopted_ms INTEGER NOT NULL,
    event_id   TEXT NOT NULL
) STRICT, WITHOUT ROWID;
