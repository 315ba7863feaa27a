-- The total order's tie-break within one device's millisecond (issue 12 §2, docs/merging.md "One
-- order"): the order in which the recording device wrote its events. Events recorded here keep
-- origin_seq NULL (their seq is the origin); a merge, an events file or a sync carries the
-- recording device's number along. Events written before issue 12 have random ids, so without
-- this two of them stamped in the same millisecond could replay in another order than written.
ALTER TABLE events ADD COLUMN origin_seq INTEGER;
DROP INDEX events_in_order;
CREATE INDEX events_in_order ON events (at_ms, kiosk_id, coalesce(origin_seq, seq), id);

-- Events about a person that someone else recorded (a lead's assessment or sign-off, a QA
-- evaluation, a coaching item) name that person in the payload's "person". An import that must
-- recompute some people's derived rows (trainer/sync/recompute.hpp) finds their events through
-- events_by_person and this index; erasure and export read it too. Partial: a review or a
-- check-in names its person in person_id only and adds no entry.
CREATE INDEX events_by_subject ON events (json_extract(payload, '$.person'))
WHERE json_extract(payload, '$.person') IS NOT NULL;
