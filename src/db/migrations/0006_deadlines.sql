-- Submission deadlines per year, set by the province: for every set family of the year (family NULL) or one
-- family, for every level (level NULL) or one (communes, hamlets, districts). The most specific row applies.
CREATE TABLE deadlines (
  id         bigserial PRIMARY KEY,
  year       integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  family     text,
  level      text CHECK (level IN ('district', 'commune', 'hamlet')),
  submit_by  date NOT NULL,
  review_by  date,
  approve_by date,
  note       text,
  set_by     bigint REFERENCES users (id),
  set_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (review_by IS NULL OR review_by >= submit_by),
  CHECK (approve_by IS NULL OR approve_by >= coalesce(review_by, submit_by)),
  CONSTRAINT deadlines_scope UNIQUE NULLS NOT DISTINCT (year, family, level)
);

-- The data revision: what every app server reads (one small query per request) to know whether an overview it
-- computed is still true. It must change with every committed change of the data the overview is made of, and
-- only become visible with that change, so each writing transaction adds one row to data_changes (statement-level
-- triggers below; a transaction adds one row however many statements it runs). Inserting a row of one's own never
-- waits for another writer, unlike updating one shared counter, so writers never queue or deadlock on it.
-- The revision is folded + the number of rows; readers fold old rows into `folded` now and then, which leaves the
-- sum unchanged.
CREATE TABLE data_revision (
  id     boolean PRIMARY KEY DEFAULT true CHECK (id),
  folded bigint NOT NULL DEFAULT 0
);
INSERT INTO data_revision DEFAULT VALUES;

CREATE TABLE data_changes (
  txid bigint PRIMARY KEY
);

CREATE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_changes (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER assessments_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessments
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER assessment_values_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessment_values
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER units_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER unit_attributes_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_attributes
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER criteria_sets_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON criteria_sets
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
