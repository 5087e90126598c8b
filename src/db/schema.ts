import { bigint, bigserial, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// Mirrors migrations/*.sql, which are the source of truth for the database; this file gives typed queries.
const id = (name: string) => bigint(name, { mode: 'number' });

export const units = pgTable('units', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  fullName: text('full_name').notNull(),
  nameEn: text('name_en'),
  nameKey: text('name_key').notNull(),
  type: text('type').notNull(),
  level: text('level').notNull(),
  parentId: id('parent_id'),
  region: text('region'),
  validFrom: date('valid_from'),
  validTo: date('valid_to'),
  legalBasis: text('legal_basis'),
  sample: boolean('sample').notNull().default(false),
});

export const unitLineage = pgTable(
  'unit_lineage',
  {
    predecessorId: id('predecessor_id').notNull(),
    successorId: id('successor_id').notNull(),
    relation: text('relation').notNull(),
    effectiveDate: date('effective_date').notNull(),
    legalBasis: text('legal_basis'),
  },
  (t) => [primaryKey({ columns: [t.predecessorId, t.successorId] })],
);

export const unitAttributes = pgTable('unit_attributes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  unitId: id('unit_id').notNull(),
  key: text('key').notNull(),
  value: text('value').notNull(),
  validFrom: date('valid_from'),
  validTo: date('valid_to'),
  source: text('source'),
  sample: boolean('sample').notNull().default(false),
});

export const criteriaSets = pgTable('criteria_sets', {
  id: text('id').primaryKey(),
  family: text('family').notNull(),
  effectiveFrom: date('effective_from').notNull(),
  effectiveTo: date('effective_to'),
  definition: jsonb('definition').notNull(),
  origin: text('origin').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  importedBy: id('imported_by'),
  note: text('note'),
});

export const assessments = pgTable('assessments', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  unitId: id('unit_id').notNull(),
  family: text('family').notNull(),
  year: integer('year').notNull(),
  status: text('status').notNull().default('draft'),
  version: integer('version').notNull().default(1),
  sample: boolean('sample').notNull().default(false),
});

export const assessmentValues = pgTable(
  'assessment_values',
  {
    assessmentId: id('assessment_id').notNull(),
    code: text('code').notNull(),
    value: jsonb('value').notNull(),
    note: text('note'),
    recordedBy: id('recorded_by'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.code] })],
);

export const users = pgTable('users', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  username: text('username').notNull(),
  fullName: text('full_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  unitId: id('unit_id'),
  active: boolean('active').notNull().default(true),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: id('user_id').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: id('user_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  data: jsonb('data'),
});
