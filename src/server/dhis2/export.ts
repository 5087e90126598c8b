import type { Db } from '../../db/client.ts';
import { assessmentsFor, currentValues, type MappableUnit } from '../../db/repos/dhis2.ts';
import { DomainError } from '../../domain/errors.ts';
import { getRegistry } from '../criteria/service.ts';
import { dhis2Text } from './text.ts';
import { loadMapping, type EffectiveMapping } from './mapping.ts';
import type { DataValueSet } from './schema.ts';

export interface ExportRequest {
  dataSets: string[];
  periods: string[];
  orgUnits: string[];
  children: boolean;
  approvedOnly: boolean;
}

/** A DHIS2 yearly period (`yyyy`) as a year. */
export function yearOfPeriod(period: string): number | null {
  if (!/^\d{4}$/.test(period)) return null;
  const y = Number(period);
  return y >= 2000 && y <= 2100 ? y : null;
}

function descendants(root: MappableUnit, all: MappableUnit[]): MappableUnit[] {
  const byParent = new Map<number, MappableUnit[]>();
  for (const u of all) if (u.parentId !== null) byParent.set(u.parentId, [...(byParent.get(u.parentId) ?? []), u]);
  const out: MappableUnit[] = [];
  const queue = [root];
  for (let u = queue.shift(); u; u = queue.shift()) {
    out.push(u);
    queue.push(...(byParent.get(u.id) ?? []));
  }
  return out;
}

/**
 * The units an export asks for. Every named organisation unit must be known (404) and in the caller's scope
 * (`authorize` throws 403); with `children`, the units under them that the caller may see are added.
 */
export function unitsOfRequest(
  mapping: EffectiveMapping,
  req: ExportRequest,
  authorize: (unitId: number) => void,
  visible: (units: MappableUnit[]) => MappableUnit[],
): MappableUnit[] {
  const all = mapping.units();
  const picked = new Map<number, MappableUnit>();
  const roots = req.orgUnits.map((uid) => {
    const m = mapping.byUid.get(uid);
    if (m?.kind !== 'orgUnit') throw new DomainError('DHIS2_UNKNOWN_UID', `Không có đơn vị nào mang mã DHIS2 "${uid}" trong bảng ánh xạ`, { orgUnit: uid });
    return m.unit;
  });
  for (const root of roots) authorize(root.id);
  for (const root of roots) {
    picked.set(root.id, root);
    if (req.children) for (const u of visible(descendants(root, all))) picked.set(u.id, u);
  }
  return [...picked.values()];
}

/**
 * The stored values of the requested units, families and years as DHIS2 data values. By default the values as
 * stored now, whatever the assessment's state (what DHIS2 itself exports); `approvedOnly` reads the snapshot taken
 * at the last approval instead (an assessment never approved gives nothing). Codes without a data element are
 * left out; a note travels as `comment`.
 */
export async function exportDataValues(
  db: Db,
  req: ExportRequest,
  authorize: (unitId: number) => void,
  visible: (units: MappableUnit[]) => MappableUnit[],
): Promise<DataValueSet> {
  const years = req.periods.map((p) => {
    const y = yearOfPeriod(p);
    if (y === null)
      throw new DomainError('DHIS2_PERIOD', `Kỳ "${p}" không hợp lệ: Chung Sức đánh giá theo năm, kỳ phải có dạng yyyy (vd. 2025)`, { period: p });
    return y;
  });
  const registry = await getRegistry(db);
  for (const f of req.dataSets)
    if (registry.all().every((s) => s.family !== f)) throw new DomainError('FAMILY_NOT_FOUND', `Không có họ bộ tiêu chí "${f}" (dataSet)`, { dataSet: f });
  const mapping = await loadMapping(db);
  const units = unitsOfRequest(mapping, req, authorize, visible);
  const unitIds = units.map((u) => u.id);
  const dataValues: DataValueSet['dataValues'] = [];
  for (const family of req.dataSets) {
    const heads = await assessmentsFor(db, family, years, unitIds);
    const rows = req.approvedOnly
      ? heads.flatMap((h) =>
          Object.entries((h.approvedValues ?? {}) as Record<string, unknown>).map(([code, value]) => ({
            ...h,
            code,
            value,
            note: null,
            at: h.approvedAt,
            by: h.approvedBy,
          })),
        )
      : (
          await currentValues(
            db,
            heads.map((h) => h.id),
          )
        ).map((v) => ({ ...v, at: v.at }));
    for (const r of rows) {
      const de = mapping.dataElement(family, r.code);
      const ou = mapping.orgUnit(r.unitId);
      if (!de || !ou || (r.value === null && !r.note)) continue;
      dataValues.push({
        dataElement: de.uid,
        period: String(r.year),
        orgUnit: ou.uid,
        value: dhis2Text(r.value),
        ...(r.note ? { comment: r.note } : {}),
        ...(r.by ? { storedBy: r.by } : {}),
        ...(r.at ? { lastUpdated: r.at.toISOString() } : {}),
        followup: false,
      });
    }
  }
  const single = (list: string[]) => (list.length === 1 ? list[0] : undefined);
  return { dataSet: single(req.dataSets), period: single(req.periods), orgUnit: single(req.orgUnits), dataValues };
}
