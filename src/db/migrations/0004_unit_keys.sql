-- A unit is identified by its code over a period, and under one parent by its name over a period. Both rules
-- hold in the database, so that writers racing each other (two servers, a double submit, 50 at once) cannot
-- create a second hamlet: whichever commits second gets an exclusion violation.
--
-- Periods are closed ranges [valid_from, valid_to]; a NULL bound is an open end. name_key is the key of the full
-- name given by nameKey() in src/domain/units/names.ts: case-folded and insensitive to where the tone mark sits
-- ("Xóm Hoà Bình" = "Xóm Hòa Bình"), so that spelling variants of one name are one name.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Replaced by the exclusion below: the old index only refused the same code with the same start date.
DROP INDEX units_code_period;
CREATE INDEX units_code ON units (code);

ALTER TABLE units
  ADD CONSTRAINT units_code_period EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&);

ALTER TABLE units
  ADD CONSTRAINT units_name_period EXCLUDE USING gist (parent_id WITH =, name_key WITH =, daterange(valid_from, valid_to, '[]') WITH &&);
