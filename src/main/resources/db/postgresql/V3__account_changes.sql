-- The changes of each account (suspensions and invitations by admins; name, phone, address and password by its
-- holder), as its record keeps them under "changes", one row each, for the audit trail.
CREATE TABLE account_changes (
    user_id     text COLLATE "C" NOT NULL REFERENCES users (id),
    entry_index integer NOT NULL,
    at          timestamptz NOT NULL,
    actor       text COLLATE "C" NOT NULL,
    action      text COLLATE "C" NOT NULL,
    detail      text NOT NULL,
    PRIMARY KEY (user_id, entry_index)
);
CREATE INDEX account_changes_newest ON account_changes (at DESC, user_id DESC, entry_index DESC);
CREATE INDEX account_changes_by_actor ON account_changes (actor, at DESC, user_id DESC, entry_index DESC);
CREATE INDEX account_changes_by_action ON account_changes (action, at DESC, user_id DESC, entry_index DESC);

INSERT INTO account_changes (user_id, entry_index, at, actor, action, detail)
SELECT u.id, c.ordinality - 1, (c.value ->> 'at')::timestamptz, c.value ->> 'actor', c.value ->> 'action',
       coalesce(c.value ->> 'detail', '')
FROM users u, jsonb_array_elements(u.record -> 'changes') WITH ORDINALITY AS c
WHERE jsonb_typeof(u.record -> 'changes') = 'array';
