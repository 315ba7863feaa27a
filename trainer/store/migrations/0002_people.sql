-- People, teams and login throttling (DESIGN §4.7). People are primary state edited by admins
-- (every change is also an audit event); auth_throttle is derived from the auth.* events and is
-- written in the same transaction as them, so a crash can never leave the two disagreeing.
CREATE TABLE people (
    id           TEXT PRIMARY KEY
                 CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9._-]*'),
    display_name TEXT NOT NULL CHECK (length(display_name) > 0),
    role         TEXT NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
    locale       TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'pl', 'ru')),
    badge_id     TEXT UNIQUE,                     -- what a badge reader types (NULL: no badge)
    external_id  TEXT UNIQUE,                     -- e-mail or QA-tool id (NULL: none)
    hire_date    TEXT CHECK (hire_date IS NULL OR
                             hire_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    pin_hash     TEXT,                            -- Argon2id string; never copied anywhere else
    created_ms   INTEGER NOT NULL
) STRICT;

CREATE TABLE teams (
    id   TEXT PRIMARY KEY CHECK (length(id) > 0),
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0)
) STRICT;

CREATE TABLE team_members (
    team_id   TEXT NOT NULL REFERENCES teams (id) ON UPDATE CASCADE ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id) ON UPDATE CASCADE ON DELETE CASCADE,
    PRIMARY KEY (team_id, person_id)
) STRICT;
CREATE INDEX team_members_by_person ON team_members (person_id);

-- A lead may lead several teams, and a team may have more than one lead.
CREATE TABLE team_leads (
    team_id   TEXT NOT NULL REFERENCES teams (id) ON UPDATE CASCADE ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id) ON UPDATE CASCADE ON DELETE CASCADE,
    PRIMARY KEY (team_id, person_id)
) STRICT;
CREATE INDEX team_leads_by_person ON team_leads (person_id);

CREATE TABLE auth_throttle (
    person_id       TEXT PRIMARY KEY REFERENCES people (id) ON UPDATE CASCADE ON DELETE CASCADE,
    failures        INTEGER NOT NULL CHECK (failures >= 0), -- consecutive, since the last success
    locked_until_ms INTEGER NOT NULL DEFAULT 0              -- UTC ms; 0 = not locked
) STRICT;
