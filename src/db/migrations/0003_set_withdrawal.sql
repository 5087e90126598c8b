-- An imported criteria set version can be withdrawn by the province: it stays in history with who withdrew it,
-- when and why, and is never in force. Shipped (built-in) versions follow the data files and cannot be withdrawn.
ALTER TABLE criteria_sets
  ADD COLUMN withdrawn_at timestamptz,
  ADD COLUMN withdrawn_by bigint,
  ADD COLUMN withdrawn_reason text,
  ADD CONSTRAINT criteria_sets_withdrawal_complete CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL)),
  ADD CONSTRAINT criteria_sets_withdrawal_imported CHECK (withdrawn_at IS NULL OR origin = 'import');

-- Every change of a row takes a new revision, so that a server reloads (and validates) only the rows that changed,
-- and every change is announced on the channel criteria_sets_changed, so that every server sees it at once.
CREATE SEQUENCE criteria_sets_revision;
ALTER TABLE criteria_sets ADD COLUMN revision bigint NOT NULL DEFAULT 0;
UPDATE criteria_sets SET revision = nextval('criteria_sets_revision');

CREATE FUNCTION criteria_sets_new_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.revision := nextval('criteria_sets_revision');
  RETURN NEW;
END;
$$;
CREATE TRIGGER criteria_sets_new_revision BEFORE INSERT OR UPDATE ON criteria_sets
  FOR EACH ROW EXECUTE FUNCTION criteria_sets_new_revision();

CREATE FUNCTION criteria_sets_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('criteria_sets_changed', '');
  RETURN NULL;
END;
$$;
CREATE TRIGGER criteria_sets_announce AFTER INSERT OR UPDATE OR DELETE ON criteria_sets
  FOR EACH STATEMENT EXECUTE FUNCTION criteria_sets_announce();
