-- Plans (kế hoạch) and their targets. A plan is kept as its validated document (number, date, issuer, scope,
-- period and the targets with the sentence each comes from; see src/domain/plans/targets.ts): targets are read
-- with their plan, never on their own. The number is unique whatever its spacing or case. Every saved document is
-- also a row of plan_revisions, which is never changed or removed: a plan's history is that table.
CREATE TABLE plans (
  id            bigserial PRIMARY KEY,
  number        text NOT NULL,
  -- The number without spaces, in lower case: "2452/KH-UBND" and "2452 / kh-ubnd" are the same plan.
  number_key    text NOT NULL UNIQUE,
  issued_on     date NOT NULL,
  scope_unit_id bigint NOT NULL REFERENCES units (id),
  document      jsonb NOT NULL,
  -- Loaded from the data files (the two source plans); staff may still edit them.
  builtin       boolean NOT NULL DEFAULT false,
  sample        boolean NOT NULL DEFAULT false,
  version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    bigint REFERENCES users (id),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plans_scope ON plans (scope_unit_id);

CREATE TABLE plan_revisions (
  id          bigserial PRIMARY KEY,
  plan_id     bigint NOT NULL REFERENCES plans (id),
  version     integer NOT NULL CHECK (version >= 1),
  action      text NOT NULL CHECK (action IN ('create', 'update')),
  document    jsonb NOT NULL,
  note        text,
  recorded_by bigint REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, version)
);

CREATE TRIGGER plan_revisions_append_only BEFORE UPDATE OR DELETE ON plan_revisions
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER plan_revisions_no_truncate BEFORE TRUNCATE ON plan_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- Plan progress is computed from recognition decisions as well as values: their writes move the data revision
-- (migration 0006) too, and so do the plans, so a progress computed for a revision can be served again until then.
CREATE TRIGGER recognition_dossiers_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON recognition_dossiers
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER recognition_steps_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON recognition_steps
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER plans_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plans
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
