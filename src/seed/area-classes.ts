import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { attributesAsOf, findUnitAsOf, insertAttribute } from '../db/repos/units.ts';
import { DATA_DIR } from '../paths.ts';

export const AREA_CLASS_FILE = 'caobang-area-classes-2026-2030.json';

const fileSchema = z.object({
  decision: z.string().min(1),
  source: z.string().url(),
  sourceKind: z.enum(['official', 'secondary']),
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  caveats: z.array(z.string()),
  units: z.array(z.object({ code: z.string(), name: z.string(), areaClass: z.enum(['I', 'II', 'III']) })).min(1),
});

/** Commune group under QĐ 51/2025/QĐ-TTg from the area class: a xã of khu vực II or III is in group 3. */
export function groupOf(type: string, areaClass: 'I' | 'II' | 'III'): string | null {
  return type === 'Xã' && (areaClass === 'II' || areaClass === 'III') ? '3' : null;
}

/**
 * Loads the province's area classification (khu vực I/II/III) and the commune groups it implies, as real data
 * with its source (a secondary source is said so in every attribute's `source`). Idempotent: skipped when the
 * groups are already loaded (any non-sample group on the first unit of the file).
 */
export async function seedAreaClasses(db: Db): Promise<{ inserted: number }> {
  const doc = fileSchema.parse(JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'units', AREA_CLASS_FILE), 'utf8')));
  const first = await findUnitAsOf(db, doc.units[0]!.code, doc.validFrom);
  if (!first) return { inserted: 0 };
  const existing = await attributesAsOf(db, 'area-class', doc.validFrom);
  if (existing.has(first.id)) return { inserted: 0 };
  const source = `${doc.sourceKind === 'secondary' ? 'Nguồn thứ cấp, chưa đối chiếu văn bản gốc: ' : ''}${doc.decision} (${doc.source})`;
  let inserted = 0;
  await db.transaction(async (tx) => {
    for (const u of doc.units) {
      const unit = await findUnitAsOf(tx, u.code, doc.validFrom);
      if (!unit) throw new Error(`${AREA_CLASS_FILE}: không có đơn vị mã "${u.code}" vào ngày ${doc.validFrom}`);
      const base = { unitId: unit.id, validFrom: doc.validFrom, validTo: null, sample: false };
      await insertAttribute(tx, { ...base, key: 'area-class', value: u.areaClass, source });
      inserted++;
      const group = groupOf(unit.type, u.areaClass);
      if (group) {
        await insertAttribute(tx, {
          ...base,
          key: 'commune-group',
          value: group,
          source: `Khu vực ${u.areaClass} → nhóm ${group} (QĐ 51/2025/QĐ-TTg). ${source}`,
        });
        inserted++;
      }
    }
  });
  return { inserted };
}
