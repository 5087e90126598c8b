-- The recognition register (QĐ 18/2022/QĐ-TTg): a dossier (hồ sơ công nhận) per unit × tier × year and the steps
-- of its procedure, from the commune's proposal to the decision of the provincial People's Committee chair, and
-- its revocation. The dossier names the unit period it is about (a decision for a commune merged on 1/7/2025 stays
-- with that commune). Its version guards concurrent edits; every change is a step row, which is never changed or
-- removed: the register's history is the steps table.
CREATE TABLE recognition_dossiers (
  id         bigserial PRIMARY KEY,
  unit_id    bigint NOT NULL REFERENCES units (id),
  tier       text NOT NULL CHECK (tier IN ('ntm', 'nang-cao', 'kieu-mau', 'hoan-thanh')),
  year       integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  -- Raised by every step recorded; a step based on another version is refused.
  version    integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- Demo dossiers ("dữ liệu mẫu"): their decision numbers are invented and shown as such.
  sample     boolean NOT NULL DEFAULT false,
  created_by bigint REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, tier, year)
);
CREATE INDEX recognition_dossiers_year ON recognition_dossiers (year, tier);

CREATE TABLE recognition_steps (
  id          bigserial PRIMARY KEY,
  dossier_id  bigint NOT NULL REFERENCES recognition_dossiers (id),
  -- 'create' is the dossier being opened; the others are the procedure's steps (src/domain/recognition/steps.ts).
  kind        text NOT NULL CHECK (kind IN (
                'create', 'proposal', 'public-posting', 'district-appraisal', 'province-appraisal',
                'ministry-appraisal', 'decision', 'revocation')),
  -- The date of the act (the document's date); NULL only for 'create'.
  date        date,
  -- Document number or reference (số văn bản, số quyết định).
  reference   text,
  issuer      text,
  note        text,
  reason      text,
  recorded_by bigint REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  -- The dossier's version once this step was recorded.
  version     integer NOT NULL CHECK (version >= 1),
  UNIQUE (dossier_id, version),
  -- Each step happens once in a dossier.
  UNIQUE (dossier_id, kind),
  CHECK (kind = 'create' OR date IS NOT NULL),
  CHECK (kind <> 'decision' OR (reference IS NOT NULL AND issuer IS NOT NULL)),
  CHECK (kind <> 'revocation' OR (reason IS NOT NULL AND length(btrim(reason)) > 0))
);

CREATE TRIGGER recognition_steps_append_only BEFORE UPDATE OR DELETE ON recognition_steps
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER recognition_steps_no_truncate BEFORE TRUNCATE ON recognition_steps
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
