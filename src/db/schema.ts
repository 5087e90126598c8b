import {
  bigint,
  bigserial,
  customType,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

// Mirrors migrations/*.sql, which are the source of truth for the database; this file gives typed queries.
// test/db/schema-drift.test.ts checks that the two agree (columns, keys, unique indexes, foreign keys).
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
const id = (name: string) => bigint(name, { mode: 'number' });
const createdAt = (name = 'created_at') => timestamp(name, { withTimezone: true }).notNull().defaultNow();

export const units = pgTable(
  'units',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    nameEn: text('name_en'),
    nameKey: text('name_key').notNull(),
    type: text('type').notNull(),
    level: text('level').notNull(),
    parentId: id('parent_id').references((): AnyPgColumn => units.id),
    region: text('region'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    legalBasis: text('legal_basis'),
    sample: boolean('sample').notNull().default(false),
    createdAt: createdAt(),
  },
  // Also in the database, not expressible here: exclusion constraints units_code_period (a code over overlapping
  // periods) and units_name_period (name_key under one parent over overlapping periods), see 0004_unit_keys.sql.
  (t) => [index('units_code').on(t.code)],
);

export const unitLineage = pgTable(
  'unit_lineage',
  {
    predecessorId: id('predecessor_id')
      .notNull()
      .references(() => units.id),
    successorId: id('successor_id')
      .notNull()
      .references(() => units.id),
    relation: text('relation').notNull(),
    effectiveDate: date('effective_date').notNull(),
    legalBasis: text('legal_basis'),
  },
  (t) => [primaryKey({ columns: [t.predecessorId, t.successorId] })],
);

export const unitAttributes = pgTable('unit_attributes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  unitId: id('unit_id')
    .notNull()
    .references(() => units.id),
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
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  withdrawnBy: id('withdrawn_by'),
  withdrawnReason: text('withdrawn_reason'),
  /** Set by a trigger on every insert and update (0003_set_withdrawal.sql); servers reload only changed rows. */
  revision: bigint('revision', { mode: 'number' }).notNull().default(0),
});

export const assessments = pgTable(
  'assessments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: id('unit_id')
      .notNull()
      .references(() => units.id),
    family: text('family').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull().default('draft'),
    /** Raised by every write and transition; a write based on another version is refused (optimistic concurrency). */
    version: integer('version').notNull().default(1),
    sample: boolean('sample').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: createdAt('updated_at'),
    /** The set version the assessment was entered against (null for rows loaded before assessments had one). */
    setId: text('set_id').references(() => criteriaSets.id),
    createdBy: id('created_by').references((): AnyPgColumn => users.id),
    updatedBy: id('updated_by').references((): AnyPgColumn => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: id('approved_by').references((): AnyPgColumn => users.id),
    /** code → value as last approved; kept on reopen (approved-only views count these). */
    approvedValues: jsonb('approved_values'),
  },
  (t) => [unique().on(t.unitId, t.family, t.year), index('assessments_year_family').on(t.year, t.family, t.status)],
);

export const assessmentValues = pgTable(
  'assessment_values',
  {
    assessmentId: id('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    /** null: no value (a note may stand alone). */
    value: jsonb('value'),
    note: text('note'),
    recordedBy: id('recorded_by'),
    recordedAt: createdAt('recorded_at'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.code] })],
);

/** Append-only (the database refuses UPDATE and DELETE): value history, transitions and audit trail of assessments. */
export const assessmentEvents = pgTable(
  'assessment_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    assessmentId: id('assessment_id')
      .notNull()
      .references(() => assessments.id),
    at: createdAt('at'),
    userId: id('user_id').references((): AnyPgColumn => users.id),
    action: text('action').notNull(),
    code: text('code'),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    source: text('source').notNull(),
    sourceRef: text('source_ref'),
    version: integer('version').notNull(),
  },
  (t) => [index('assessment_events_assessment').on(t.assessmentId, t.id), index('assessment_events_at').on(t.at)],
);

/** Evidence files, stored in chunks (evidence_chunks) once received whole and checked. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: id('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: id('uploaded_by').references((): AnyPgColumn => users.id),
    uploadedAt: createdAt('uploaded_at'),
  },
  (t) => [index('evidence_files_unit').on(t.unitId)],
);

export const evidenceChunks = pgTable(
  'evidence_chunks',
  {
    fileId: id('file_id')
      .notNull()
      .references(() => evidenceFiles.id),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);

export const assessmentEvidence = pgTable(
  'assessment_evidence',
  {
    assessmentId: id('assessment_id')
      .notNull()
      .references(() => assessments.id),
    code: text('code').notNull(),
    fileId: id('file_id')
      .notNull()
      .references(() => evidenceFiles.id),
    attachedBy: id('attached_by').references((): AnyPgColumn => users.id),
    attachedAt: createdAt('attached_at'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.code, t.fileId] }), index('assessment_evidence_file').on(t.fileId)],
);

export const users = pgTable('users', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  unitId: id('unit_id').references(() => units.id),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: id('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: createdAt('at'),
  },
  (t) => [index('login_failures_key_at').on(t.key, t.at)],
);

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: createdAt('at'),
  userId: id('user_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  data: jsonb('data'),
});

/** Submission (and review, approval) deadlines per year; family and level NULL mean every one. */
export const deadlines = pgTable(
  'deadlines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    year: integer('year').notNull(),
    family: text('family'),
    level: text('level'),
    submitBy: date('submit_by', { mode: 'string' }).notNull(),
    reviewBy: date('review_by', { mode: 'string' }),
    approveBy: date('approve_by', { mode: 'string' }),
    note: text('note'),
    setBy: id('set_by').references((): AnyPgColumn => users.id),
    setAt: createdAt('set_at'),
  },
  (t) => [unique('deadlines_scope').on(t.year, t.family, t.level).nullsNotDistinct()],
);

/** The data revision (migration 0006): `folded` plus the rows of data_changes, one per writing transaction. */
export const dataRevision = pgTable('data_revision', {
  id: boolean('id').primaryKey().default(true),
  folded: bigint('folded', { mode: 'number' }).notNull().default(0),
});

export const dataChanges = pgTable('data_changes', {
  txid: bigint('txid', { mode: 'number' }).primaryKey(),
});

/** Local codes ↔ DHIS2 identifiers (0008_dhis2_mappings.sql); objects without a row get a generated identifier. */
export const dhis2Mappings = pgTable(
  'dhis2_mappings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    uid: text('uid').notNull().unique(),
    family: text('family'),
    code: text('code'),
    unitId: id('unit_id').references(() => units.id),
    updatedBy: id('updated_by').references((): AnyPgColumn => users.id),
    updatedAt: createdAt('updated_at'),
  },
  (t) => [unique().on(t.family, t.code), unique().on(t.unitId)],
);

// recognition
/** A recognition dossier (QĐ 18/2022/QĐ-TTg) per unit period × tier × year; its history is recognition_steps. */
export const recognitionDossiers = pgTable(
  'recognition_dossiers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: id('unit_id')
      .notNull()
      .references(() => units.id),
    tier: text('tier').notNull(),
    year: integer('year').notNull(),
    version: integer('version').notNull().default(1),
    sample: boolean('sample').notNull().default(false),
    createdBy: id('created_by').references((): AnyPgColumn => users.id),
    createdAt: createdAt(),
    updatedAt: createdAt('updated_at'),
  },
  (t) => [unique().on(t.unitId, t.tier, t.year), index('recognition_dossiers_year').on(t.year, t.tier)],
);

/** The steps of a dossier, append-only (the database refuses UPDATE and DELETE). */
export const recognitionSteps = pgTable(
  'recognition_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dossierId: id('dossier_id')
      .notNull()
      .references(() => recognitionDossiers.id),
    kind: text('kind').notNull(),
    date: date('date'),
    reference: text('reference'),
    issuer: text('issuer'),
    note: text('note'),
    reason: text('reason'),
    recordedBy: id('recorded_by').references((): AnyPgColumn => users.id),
    recordedAt: createdAt('recorded_at'),
    version: integer('version').notNull(),
  },
  (t) => [unique().on(t.dossierId, t.version), unique().on(t.dossierId, t.kind)],
);

// plans
/** A plan and its targets, kept as the validated document (src/domain/plans/targets.ts). */
export const plans = pgTable(
  'plans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    number: text('number').notNull(),
    numberKey: text('number_key').notNull().unique(),
    issuedOn: date('issued_on').notNull(),
    scopeUnitId: id('scope_unit_id')
      .notNull()
      .references(() => units.id),
    document: jsonb('document').notNull(),
    builtin: boolean('builtin').notNull().default(false),
    sample: boolean('sample').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: id('created_by').references((): AnyPgColumn => users.id),
    createdAt: createdAt(),
    updatedBy: id('updated_by').references((): AnyPgColumn => users.id),
    updatedAt: createdAt('updated_at'),
  },
  (t) => [index('plans_scope').on(t.scopeUnitId)],
);

/** Every saved version of a plan's document, append-only (the database refuses UPDATE and DELETE). */
export const planRevisions = pgTable(
  'plan_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: id('plan_id')
      .notNull()
      .references(() => plans.id),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    document: jsonb('document').notNull(),
    note: text('note'),
    recordedBy: id('recorded_by').references((): AnyPgColumn => users.id),
    recordedAt: createdAt('recorded_at'),
  },
  (t) => [unique().on(t.planId, t.version)],
);
