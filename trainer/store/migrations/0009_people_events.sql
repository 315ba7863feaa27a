-- People, teams and PINs become a projection of events (issue 12 §1; trainer/identity/
-- people_projection.cpp). Their events written before this step named only who and what, so the
-- state they led to is recorded once as snapshot events, dated when each person was created: a
-- rebuild then recomputes these tables from the log alone. A fresh database inserts nothing here.
INSERT INTO events (id, type, person_id, kiosk_id, at_ms, payload)
SELECT 'team-snapshot:' || t.id, 'people.team_snapshot', NULL,
       coalesce((SELECT value FROM meta WHERE key = 'kiosk_id'), 'migration'), 0,
       json_object('team', t.id, 'name', t.name)
FROM teams t;

INSERT INTO events (id, type, person_id, kiosk_id, at_ms, payload)
SELECT 'person-snapshot:' || p.id, 'person.snapshot', NULL,
       coalesce((SELECT value FROM meta WHERE key = 'kiosk_id'), 'migration'), p.created_ms,
       json_object('person', p.id, 'display_name', p.display_name, 'role', p.role, 'locale', p.locale,
                   'badge_id', p.badge_id, 'external_id', p.external_id, 'hire_date', p.hire_date,
                   'active', json(CASE p.active WHEN 1 THEN 'true' ELSE 'false' END),
                   'pin_hash', p.pin_hash, 'created_ms', p.created_ms,
                   'teams', (SELECT json_group_array(team_id) FROM (SELECT team_id FROM team_members
                             WHERE person_id = p.id ORDER BY team_id)),
                   'led_teams', (SELECT json_group_array(team_id) FROM (SELECT team_id FROM team_leads
                                 WHERE person_id = p.id ORDER BY team_id)))
FROM people p;
