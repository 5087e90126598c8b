-- Administrative units, identified by code AND validity period (codes are reused across the 1/7/2025 reorganisation).
CREATE TABLE units (
  id          bigserial PRIMARY KEY,
  code        text NOT NULL,
  name        text NOT NULL,
  full_name   text NOT NULL,
  name_en     text,
  name_key    text NOT NULL,
  type        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('province', 'district', 'commune', 'hamlet')),
  parent_id   bigint REFERENCES units (id),
  region      text,
  valid_from  date,
  valid_to    date,
  legal_basis text,
  sample      boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX units_code_period ON units (code, coalesce(valid_from, '0001-01-01'::date));
CREATE INDEX units_parent ON units (parent_id);
CREATE INDEX units_level_period ON units (level, valid_from, valid_to);

-- Mergers and splits: which unit(s) a unit came from.
CREATE TABLE unit_lineage (
  predecessor_id bigint NOT NULL REFERENCES units (id),
  successor_id   bigint NOT NULL REFERENCES units (id),
  relation       text NOT NULL CHECK (relation IN ('full', 'partial', 'renamed', 'moved')),
  effective_date date NOT NULL,
  legal_basis    text,
  PRIMARY KEY (predecessor_id, successor_id)
);
CREATE INDEX unit_lineage_successor ON unit_lineage (successor_id);

-- Time-bound attributes of a unit, with their source (e.g. the 2026–2030 commune group).
CREATE TABLE unit_attributes (
  id         bigserial PRIMARY KEY,
  unit_id    bigint NOT NULL REFERENCES units (id),
  key        text NOT NULL,
  value      text NOT NULL,
  valid_from date,
  valid_to   date,
  source     text,
  sample     boolean NOT NULL DEFAULT false
);
CREATE INDEX unit_attributes_unit ON unit_attributes (unit_id, key);

-- Criteria sets: one row per version; the definition is the validated data file.
CREATE TABLE criteria_sets (
  id             text PRIMARY KEY,
  family         text NOT NULL,
  effective_from date NOT NULL,
  effective_to   date,
  definition     jsonb NOT NULL,
  origin         text NOT NULL CHECK (origin IN ('builtin', 'import')),
  imported_at    timestamptz NOT NULL DEFAULT now(),
  imported_by    bigint,
  note           text
);
CREATE INDEX criteria_sets_family ON criteria_sets (family, effective_from);

-- A unit's indicator values for one set family and one year (the workflow comes with assessments).
CREATE TABLE assessments (
  id         bigserial PRIMARY KEY,
  unit_id    bigint NOT NULL REFERENCES units (id),
  family     text NOT NULL,
  year       integer NOT NULL,
  status     text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'reviewed', 'approved', 'returned')),
  version    integer NOT NULL DEFAULT 1,
  sample     boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, family, year)
);

CREATE TABLE assessment_values (
  assessment_id bigint NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  code          text NOT NULL,
  value         jsonb NOT NULL,
  note          text,
  recorded_by   bigint,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, code)
);

CREATE TABLE users (
  id            bigserial PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  full_name     text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'province', 'district', 'commune', 'viewer')),
  unit_id       bigint REFERENCES units (id),
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Server-side sessions; the cookie carries a random token, the table only its SHA-256.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE audit_log (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  user_id   bigint,
  action    text NOT NULL,
  entity    text NOT NULL,
  entity_id text,
  data      jsonb
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
