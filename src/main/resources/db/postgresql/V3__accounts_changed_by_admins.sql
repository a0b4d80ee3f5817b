-- The accounts that keep changes admins made to them (suspensions, invitations), for the audit trail.
CREATE INDEX users_changed ON users (id) WHERE (record -> 'changes') IS NOT NULL;
