import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { countUnits, insertLineage, insertUnit } from '../db/repos/units.ts';
import { nameKey } from '../domain/units/names.ts';
import { DATA_DIR } from '../paths.ts';
import { seedAreaClasses } from './area-classes.ts';

/** Last day of the pre-reorganisation hierarchy (district level abolished, communes merged from 1/7/2025). */
export const REORG_LAST_DAY = '2025-06-30';
export const REORG_FIRST_DAY = '2025-07-01';
const REGION = 'TDMNPB';

const unit2024 = z.object({
  code: z.string().regex(/^\d{2,5}$/),
  name: z.string().min(1),
  fullName: z.string().min(1),
  nameEn: z.string().nullable().optional(),
  level: z.enum(['province', 'district', 'commune']),
  type: z.string().min(1),
  parentCode: z.string().nullable(),
});
const unit2025 = unit2024.extend({ legalBasis: z.string().optional() });
const mappingRow = z.object({ oldCode: z.string(), newCode: z.string(), relation: z.enum(['full', 'partial']) });

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const full = path.join(DATA_DIR, 'units', file);
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(full, 'utf8')));
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`Tệp đơn vị hành chính ${file} không hợp lệ tại ${i.path.join('.')}: ${i.message}`);
  }
  return parsed.data;
}

/**
 * Loads Cao Bằng's real units: the hierarchy in force until 30/6/2025 (province, 10 district-level units,
 * 161 communes), the one from 1/7/2025 (56 communes directly under the province) and the old→new lineage.
 * Does nothing when units are already present.
 */
export async function seedUnits(db: Db): Promise<{ inserted: number }> {
  // One transaction: a process killed half-way leaves no partial hierarchy behind.
  const result = await db.transaction(async (tx) => ((await countUnits(tx)) > 0 ? { inserted: 0 } : insertAll(tx)));
  // The area classification (and commune groups) is loaded on its own, so installations from before it get it too.
  await seedAreaClasses(db);
  return result;
}

async function insertAll(db: Db): Promise<{ inserted: number }> {
  const before = readJson('caobang-units-2024.json', z.array(unit2024));
  const after = readJson('caobang-units-2025.json', z.array(unit2025));
  const mapping = readJson('caobang-mapping-2024-2025.json', z.array(mappingRow));
  const oldIds = new Map<string, number>();
  const newIds = new Map<string, number>();
  let inserted = 0;
  const base = (u: z.infer<typeof unit2024>) => ({
    code: u.code,
    name: u.name,
    fullName: u.fullName,
    nameEn: u.nameEn ?? null,
    nameKey: nameKey(u.fullName),
    type: u.type,
    level: u.level,
    region: REGION,
  });
  for (const u of before) {
    const isProvince = u.level === 'province';
    const id = await insertUnit(db, {
      ...base(u),
      parentId: u.parentCode ? (oldIds.get(u.parentCode) ?? null) : null,
      validFrom: null,
      validTo: isProvince ? null : REORG_LAST_DAY,
      legalBasis: isProvince ? null : 'Danh mục đơn vị hành chính (Tổng cục Thống kê), hiệu lực đến 30/06/2025',
    });
    oldIds.set(u.code, id);
    inserted++;
  }
  const provinceId = oldIds.get('04')!;
  for (const u of after) {
    if (u.level === 'province') {
      newIds.set(u.code, provinceId);
      continue;
    }
    const id = await insertUnit(db, {
      ...base(u),
      parentId: provinceId,
      validFrom: REORG_FIRST_DAY,
      validTo: null,
      legalBasis: u.legalBasis ?? null,
    });
    newIds.set(u.code, id);
    inserted++;
  }
  const legal = new Map(after.map((u) => [u.code, u.legalBasis ?? null]));
  await insertLineage(
    db,
    mapping.map((m) => {
      const predecessorId = oldIds.get(m.oldCode);
      const successorId = newIds.get(m.newCode);
      if (!predecessorId || !successorId) throw new Error(`Bảng chuyển đổi có mã không tồn tại: ${m.oldCode} → ${m.newCode}`);
      return { predecessorId, successorId, relation: m.relation, effectiveDate: REORG_FIRST_DAY, legalBasis: legal.get(m.newCode) ?? null };
    }),
  );
  return { inserted };
}
