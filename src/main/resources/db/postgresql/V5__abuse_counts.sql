-- The counts that slow abuse (sign-in failures, sign-ups, account mail), shared by every server of the clinic.
-- Keys are SHA-256 digests, so neither addresses nor e-mail addresses are stored. Unlogged: a crash of the
-- database empties them, which only lifts delays, and they cost no write-ahead log.
CREATE UNLOGGED TABLE abuse_events (
    key       bytea NOT NULL,
    at        timestamptz NOT NULL,
    forget_at timestamptz NOT NULL
);
CREATE INDEX abuse_events_by_key ON abuse_events (key, at);
CREATE INDEX abuse_events_by_age ON abuse_events (forget_at);

CREATE UNLOGGED TABLE abuse_tallies (
    key           bytea PRIMARY KEY,
    count         integer NOT NULL,
    last          timestamptz NOT NULL,
    blocked_until timestamptz
);
CREATE INDEX abuse_tallies_by_age ON abuse_tallies (last);
