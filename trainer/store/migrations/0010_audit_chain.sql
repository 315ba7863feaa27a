-- The audit chain (issue #16, SECURITY.md "Audit chain"): one row per audit event, carrying the
-- hash of the previous audit entry of the same device (kiosk_id) and its own hash, so a deleted,
-- edited or inserted entry breaks a link that `trainer audit --verify` reports. Chained per
-- device so events merged from several devices keep every chain verifiable.
CREATE TABLE audit_chain (
    seq       INTEGER PRIMARY KEY,   -- events.seq of the audit event
    kiosk_id  TEXT NOT NULL,
    prev_hash TEXT NOT NULL,         -- hash of the previous entry of this kiosk ('' for the first)
    hash      TEXT NOT NULL          -- keyed BLAKE2b of prev_hash and the event's fields
) STRICT;

CREATE INDEX audit_chain_by_kiosk ON audit_chain (kiosk_id, seq);

-- Append-only like the events (only an erasure, which re-chains, may rewrite it).
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'erase_in_progress')
BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END;

CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'erase_in_progress')
BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END;
