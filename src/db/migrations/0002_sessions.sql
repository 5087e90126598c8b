-- Failed logins, so that every app server on one database throttles the same way: one row per failure and key
-- (the account, as a hash of the username; the client address). Rows older than the window are purged.
CREATE TABLE login_failures (
  id  bigserial PRIMARY KEY,
  key text NOT NULL,
  at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);

-- Sessions end after a while without use (last_seen_at) and at expires_at whatever happens; both are purged.
CREATE INDEX sessions_expires_at ON sessions (expires_at);
