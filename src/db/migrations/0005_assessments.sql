-- Assessments become the officers' work: one unit × set family × year, pinned to the set version it was entered
-- against, with a version for optimistic concurrency, who changed it, and its workflow state. Every change
-- (value, direct status, note, evidence, transition) is an append-only event: the value history, the transitions
-- and the audit trail of an assessment are read from it.
ALTER TABLE assessments
  ADD COLUMN set_id text REFERENCES criteria_sets (id),
  ADD COLUMN created_by bigint REFERENCES users (id),
  ADD COLUMN updated_by bigint REFERENCES users (id),
  ADD COLUMN submitted_at timestamptz,
  ADD COLUMN approved_at timestamptz,
  ADD COLUMN approved_by bigint REFERENCES users (id),
  -- The values as approved (code → value), kept when the province reopens: what approved-only views count, and
  -- what "changed since its last approval" compares with. NULL until the first approval.
  ADD COLUMN approved_values jsonb,
  ADD CONSTRAINT assessments_version_positive CHECK (version >= 1);
CREATE INDEX assessments_year_family ON assessments (year, family, status);

-- A value row is the current value of one code; a note may stand without a value (cleared, or not measured yet).
ALTER TABLE assessment_values ALTER COLUMN value DROP NOT NULL;

CREATE TABLE assessment_events (
  id            bigserial PRIMARY KEY,
  assessment_id bigint NOT NULL REFERENCES assessments (id),
  at            timestamptz NOT NULL DEFAULT now(),
  user_id       bigint REFERENCES users (id),
  action        text NOT NULL CHECK (action IN (
                  'create', 'value', 'criterion', 'note', 'evidence-add', 'evidence-remove',
                  'submit', 'review', 'approve', 'return', 'reopen')),
  -- The indicator or criterion code a value, status, note or evidence change is about.
  code          text,
  before        jsonb,
  after         jsonb,
  -- Mandatory for return and reopen (checked by the service; kept for every transition that has one).
  reason        text,
  source        text NOT NULL CHECK (source IN ('screen', 'import', 'api', 'dhis2', 'system')),
  -- What the source was: the imported file's name, a DHIS2 import's id.
  source_ref    text,
  -- The assessment's version once this change was made (several events of one write share it).
  version       integer NOT NULL,
  CHECK (action NOT IN ('return', 'reopen') OR (reason IS NOT NULL AND length(btrim(reason)) > 0))
);
CREATE INDEX assessment_events_assessment ON assessment_events (assessment_id, id);
CREATE INDEX assessment_events_at ON assessment_events (at);

-- Audit records are never changed or removed, whoever asks: the database refuses it.
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records cannot be changed or removed (table %)', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER assessment_events_append_only BEFORE UPDATE OR DELETE ON assessment_events
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER assessment_events_no_truncate BEFORE TRUNCATE ON assessment_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- Evidence files, stored in the database (so every app server sees them and backups include them) as chunks of
-- at most 1 MiB. A file row and all its chunks are written in one transaction once the upload has been received
-- whole, hashed and checked, so nothing can reference a file that is not fully stored.
CREATE TABLE evidence_files (
  id          bigserial PRIMARY KEY,
  -- The unit whose assessment the file was uploaded for: who may download it is who may see that unit.
  unit_id     bigint NOT NULL REFERENCES units (id),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  media_type  text NOT NULL,
  size        bigint NOT NULL CHECK (size > 0),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by bigint REFERENCES users (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_files_unit ON evidence_files (unit_id);

CREATE TABLE evidence_chunks (
  file_id bigint NOT NULL REFERENCES evidence_files (id),
  seq     integer NOT NULL CHECK (seq >= 0),
  data    bytea NOT NULL,
  PRIMARY KEY (file_id, seq)
);

-- Which files back which value or criterion status of an assessment (attaching and removing are events).
CREATE TABLE assessment_evidence (
  assessment_id bigint NOT NULL REFERENCES assessments (id),
  code          text NOT NULL,
  file_id       bigint NOT NULL REFERENCES evidence_files (id),
  attached_by   bigint REFERENCES users (id),
  attached_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, code, file_id)
);
CREATE INDEX assessment_evidence_file ON assessment_evidence (file_id);
