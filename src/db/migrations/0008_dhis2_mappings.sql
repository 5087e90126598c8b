-- The mapping between local codes and DHIS2 identifiers, kept as data so an integrator can align Chung Sức with an
-- existing DHIS2 instance. A data element is an indicator or criterion code within a criteria-set family (the
-- same code keeps its identifier across the family's versions); an organisation unit is one period of a unit
-- (unit codes are reused across the 1/7/2025 reorganisation, so the unit row, not its code, is what is mapped).
-- Rows that are not stored here get a generated identifier derived from the code (see src/domain/dhis2/uid.ts).
CREATE TABLE dhis2_mappings (
  id         bigserial PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('dataElement', 'orgUnit')),
  -- DHIS2's identifier pattern: a letter, then ten letters or digits.
  uid        text NOT NULL UNIQUE CHECK (uid ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  family     text,
  code       text,
  unit_id    bigint REFERENCES units (id),
  updated_by bigint REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (
    (kind = 'dataElement' AND family IS NOT NULL AND code IS NOT NULL AND unit_id IS NULL)
    OR (kind = 'orgUnit' AND unit_id IS NOT NULL AND family IS NULL AND code IS NULL)
  ),
  -- Unique both ways: one identifier per local object (NULLs are distinct, so each constraint binds one kind).
  UNIQUE (family, code),
  UNIQUE (unit_id)
);
