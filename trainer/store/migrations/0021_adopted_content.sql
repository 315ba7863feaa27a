-- Which version of each onboarding module, QA scorecard and change rollout the organisation has
-- adopted (issue 12 §1, docs/merging.md "Content adoption"): like adopted_versions for cards, a
-- projection of `content.adopted` events, the latest adoption per item in the one total order.
-- Module status, QA entry and rollout membership read it here, so two devices with the same
-- events agree whatever content folder each has loaded. A rollout keeps its adopted definition
-- (JSON: title, cards, modules, teams, dates), which wins over the folder's.
CREATE TABLE adopted_content (
    kind       TEXT NOT NULL CHECK (kind IN ('module', 'scorecard', 'rollout')),
    id         TEXT NOT NULL,
    version    INTEGER NOT NULL,
    definition TEXT,
    adopted_ms INTEGER NOT NULL,
    event_id   TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) STRICT, WITHOUT ROWID;
