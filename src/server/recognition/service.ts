import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/client.ts';
import { appendStep, findDossier, insertDossier, listDossiers, lockDossier, setDossierVersion, stepsOf, type DossierRow } from '../../db/repos/recognition.ts';
import { findUnitById, lineageOf, unitHistory, type UnitWithParent } from '../../db/repos/units.ts';
import { audit } from '../../db/repos/users.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkStep, viDate, type NewStep } from '../../domain/recognition/rules.ts';
import { procedureFor, TIER_LABELS, type RecognitionTier } from '../../domain/recognition/steps.ts';
import type { SessionUser } from '../auth/policies.ts';
import { presentDossier, procedureKindOf, recordedSteps, type DossierView } from './present.ts';

type Authorize = (unitId: number) => void;

/** The period of a unit code that a dossier for `year` is about: the one in force on `asOf`, or the latest in the year. */
async function unitForDossier(db: Db, code: string, year: number, asOf?: string): Promise<UnitWithParent> {
  const periods = (await unitHistory(db, code)).filter(
    (u) =>
      (!asOf || ((!u.validFrom || u.validFrom <= asOf) && (!u.validTo || u.validTo >= asOf))) &&
      (!u.validFrom || u.validFrom <= `${year}-12-31`) &&
      (!u.validTo || u.validTo >= `${year}-01-01`),
  );
  const unit = periods.at(-1);
  if (!unit)
    throw new DomainError('UNIT_NOT_IN_FORCE', `Không có đơn vị hành chính mã "${code}" ${asOf ? `vào ngày ${viDate(asOf)} và ` : ''}trong năm ${year}`, {
      field: 'unitCode',
      code,
      asOf,
      year,
    });
  return unit;
}

/** Opens a dossier for a unit, tier and year (province staff); the opening is its first history row. */
export async function createDossier(
  db: Db,
  user: SessionUser,
  body: { unitCode: string; asOf?: string; tier: RecognitionTier; year: number; note?: string },
  authorize: Authorize,
  sample = false,
): Promise<number> {
  const unit = await unitForDossier(db, body.unitCode, body.year, body.asOf);
  authorize(unit.id);
  const parent = unit.parentId ? await findUnitById(db, unit.parentId) : undefined;
  const proc = procedureFor({ level: unit.level, type: unit.type, parentLevel: parent?.level ?? null });
  if ('refused' in proc) throw new DomainError('TIER_NOT_FOR_UNIT', `${unit.fullName}: ${proc.refused}`, { field: 'unitCode', code: unit.code });
  if (!proc.tiers.includes(body.tier))
    throw new DomainError('TIER_NOT_FOR_UNIT', `${unit.fullName} không xét công nhận hạng "${TIER_LABELS[body.tier]}"`, { field: 'tier', allowed: proc.tiers });
  try {
    return await db.transaction(async (tx) => {
      const id = await insertDossier(tx, { unitId: unit.id, tier: body.tier, year: body.year, sample, createdBy: user.id });
      await appendStep(tx, { dossierId: id, kind: 'create', date: null, note: body.note, recordedBy: user.id, version: 1 });
      await audit(tx, {
        userId: user.id,
        action: 'recognition.create',
        entity: 'recognition_dossier',
        entityId: String(id),
        data: { unit: unit.code, ...body },
      });
      return id;
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const existing = await listDossiers(db, { unitIds: [unit.id], tier: body.tier, year: body.year });
    throw new DomainError('RECOGNITION_EXISTS', `${unit.fullName} đã có hồ sơ công nhận "${TIER_LABELS[body.tier]}" năm ${body.year}`, {
      dossierId: existing[0]?.id,
    });
  }
}

async function viewsOf(db: Db, rows: DossierRow[]): Promise<DossierView[]> {
  const steps = await stepsOf(
    db,
    rows.map((r) => r.id),
  );
  const successors = new Map<number, UnitWithParent[]>();
  // Only units that ended (merged away on 1/7/2025) have successors worth naming.
  for (const r of rows) if (r.unitValidTo && !successors.has(r.unitId)) successors.set(r.unitId, (await lineageOf(db, r.unitId)).successors);
  return rows.map((row) => ({ row, steps: steps.get(row.id) ?? [], successors: successors.get(row.unitId) ?? [] }));
}

/** One dossier with its history; `authorize` sees its unit before anything is returned. */
export async function loadDossier(db: Db, id: number, authorize: Authorize): Promise<DossierView> {
  const row = await findDossier(db, id);
  if (!row) throw new DomainError('RECOGNITION_NOT_FOUND', `Không có hồ sơ công nhận số ${id}`, { id });
  authorize(row.unitId);
  return (await viewsOf(db, [row]))[0]!;
}

/** Every dossier (of a tier, a year), with its history: the register before it is filtered by scope and status. */
export async function listRegister(db: Db, filter: { tier?: string; year?: number; unitIds?: number[] }): Promise<DossierView[]> {
  return viewsOf(db, await listDossiers(db, filter));
}

/**
 * Records a step on a dossier: the version must be the stored one (409 CONFLICT with the current dossier), the
 * procedure must allow the step now (domain rules), and the step is appended with the next version.
 */
export async function recordStep(
  db: Db,
  user: SessionUser,
  id: number,
  body: NewStep & { version: number; note?: string },
  today: string,
  authorize: Authorize,
): Promise<void> {
  const row = await findDossier(db, id);
  if (!row) throw new DomainError('RECOGNITION_NOT_FOUND', `Không có hồ sơ công nhận số ${id}`, { id });
  authorize(row.unitId);
  await db.transaction(async (tx) => {
    const locked = await lockDossier(tx, id);
    if (!locked) throw new DomainError('RECOGNITION_NOT_FOUND', `Không có hồ sơ công nhận số ${id}`, { id });
    if (locked.version !== body.version) {
      const current = presentDossier((await viewsOf(tx, [(await findDossier(tx, id))!]))[0]!, today);
      throw new DomainError(
        'CONFLICT',
        `Hồ sơ đã được người khác cập nhật (phiên bản ${locked.version}, bạn gửi phiên bản ${body.version}); hãy xem lại rồi ghi tiếp`,
        {
          current,
        },
      );
    }
    const steps = (await stepsOf(tx, [id])).get(id) ?? [];
    checkStep(
      {
        procedure: procedureKindOf(row),
        steps: recordedSteps(steps),
        unitName: row.unitFullName,
        unitValidFrom: row.unitValidFrom,
        unitValidTo: row.unitValidTo,
      },
      body,
      today,
    );
    const version = locked.version + 1;
    const { version: _v, ...step } = body;
    await appendStep(tx, { dossierId: id, ...step, recordedBy: user.id, version });
    await setDossierVersion(tx, id, version);
    await audit(tx, { userId: user.id, action: `recognition.${body.kind}`, entity: 'recognition_dossier', entityId: String(id), data: step });
  });
}
