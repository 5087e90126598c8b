import argon2 from 'argon2';
import type { Db } from '../db/client.ts';
import { hasSampleAssessments, insertAssessments, type NewAssessment } from '../db/repos/assessments.ts';
import { findUnitAsOf, insertLineage, insertUnits, lineagePairs, listUnitsAsOf, type NewUnit, type UnitWithParent } from '../db/repos/units.ts';
import { countUsers, insertUser } from '../db/repos/users.ts';
import type { CriteriaSet, Indicator } from '../domain/criteria/schema.ts';
import { resolveThreshold } from '../domain/criteria/thresholds.ts';
import type { InputValue } from '../domain/evaluation/types.ts';
import { nameKey } from '../domain/units/names.ts';
import { getRegistry, syncBuiltinSets } from '../server/criteria/service.ts';
import { syncBuiltinPlans } from '../server/plans/service.ts';
import { rng } from './random.ts';
import { seedSampleRecognitions } from './recognition.ts';
import { REORG_FIRST_DAY, REORG_LAST_DAY, seedUnits } from './units.ts';

export const SAMPLE_LABEL = 'dữ liệu mẫu';
export const DEMO_PASSWORD = 'chungsuc-demo';

export interface DemoAccount {
  username: string;
  role: string;
  unitCode: string;
  unitName: string;
  asOf: string;
}

/** The demo accounts (all with DEMO_PASSWORD), one per role. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', role: 'admin', unitCode: '04', unitName: 'Tỉnh Cao Bằng', asOf: REORG_FIRST_DAY },
  { username: 'tinh', role: 'province', unitCode: '04', unitName: 'Tỉnh Cao Bằng', asOf: REORG_FIRST_DAY },
  { username: 'huyen.hoaan', role: 'district', unitCode: '051', unitName: 'Huyện Hoà An (đến 30/06/2025)', asOf: REORG_LAST_DAY },
  { username: 'xa.hoaan', role: 'commune', unitCode: '01654', unitName: 'Xã Hòa An', asOf: REORG_FIRST_DAY },
  { username: 'xem', role: 'viewer', unitCode: '04', unitName: 'Tỉnh Cao Bằng', asOf: REORG_FIRST_DAY },
];

/** The demo commune whose officer enters the current year from scratch (no assessment yet). */
const DEMO_ENTRY_COMMUNE = '01654';
export const CURRENT_DEMO_YEAR = 2026;

/**
 * Past years are approved. The current year is under way: some communes approved, some submitted and waiting,
 * the rest still entering (drafts), and the demo commune's account starts with nothing entered.
 */
function demoStatus(u: UnitWithParent, year: number): string | null {
  if (year < CURRENT_DEMO_YEAR) return 'approved';
  const commune = u.level === 'hamlet' ? u.parentCode : u.code;
  if (commune === DEMO_ENTRY_COMMUNE) return null;
  const r = rng(`status:${u.code}:${year}`)();
  return r < 0.45 ? 'approved' : r < 0.7 ? 'submitted' : 'draft';
}

/** Whether the demo was loaded already (its sample assessments exist). */
export async function demoLoaded(db: Db): Promise<boolean> {
  return hasSampleAssessments(db);
}

/**
 * Loads the demo: Cao Bằng's real units and the shipped criteria sets, then clearly labelled sample data —
 * hamlets, commune groups and indicator values for 2021–2026 — and one account per role. Deterministic.
 */
export async function seedDemo(db: Db): Promise<{ hamlets: number; assessments: number; users: number }> {
  await seedUnits(db);
  await syncBuiltinSets(db);
  await syncBuiltinPlans(db);
  if (await demoLoaded(db)) return { hamlets: 0, assessments: 0, users: 0 };
  const registry = await getRegistry(db);
  let hamlets = 0;
  let count = 0;
  await db.transaction(async (tx) => {
    const oldCommunes = await listUnitsAsOf(tx, REORG_LAST_DAY, 'commune');
    const newCommunes = await listUnitsAsOf(tx, REORG_FIRST_DAY, 'commune');
    const successor = await successorMap(tx);
    const newById = new Map(newCommunes.map((u) => [u.id, u]));
    const oldHamlets: UnitWithParent[] = [];
    const newHamlets: UnitWithParent[] = [];
    const rowsOld: NewUnit[] = [];
    const rowsNew: NewUnit[] = [];
    for (const c of oldCommunes) {
      const r = rng(`hamlets:${c.code}`);
      const n = 3 + Math.floor(r() * 4);
      const next = newById.get(successor.get(c.id)!)!;
      for (let i = 1; i <= n; i++) {
        const code = `${c.code}-X${String(i).padStart(2, '0')}`;
        const name = `Xóm mẫu ${i} (${c.name})`;
        const common = {
          code,
          name,
          fullName: name,
          nameKey: nameKey(name),
          type: 'Xóm',
          level: 'hamlet',
          region: c.region,
          sample: true,
          legalBasis: `Xóm mẫu (${SAMPLE_LABEL})`,
        };
        rowsOld.push({ ...common, parentId: c.id, validFrom: null, validTo: REORG_LAST_DAY });
        rowsNew.push({ ...common, parentId: next.id, validFrom: REORG_FIRST_DAY, validTo: null });
        oldHamlets.push({ ...common, id: 0, parentId: c.id, parentCode: c.code, validFrom: null, validTo: REORG_LAST_DAY, nameEn: null, level: 'hamlet' });
        newHamlets.push({
          ...common,
          id: 0,
          parentId: next.id,
          parentCode: next.code,
          validFrom: REORG_FIRST_DAY,
          validTo: null,
          nameEn: null,
          level: 'hamlet',
        });
        hamlets++;
      }
    }
    const oldIds = await insertUnits(tx, rowsOld);
    const newIds = await insertUnits(tx, rowsNew);
    oldHamlets.forEach((h) => (h.id = oldIds.get(h.code)!));
    newHamlets.forEach((h) => (h.id = newIds.get(h.code)!));
    await insertLineage(
      tx,
      oldHamlets.map((h) => ({
        predecessorId: h.id,
        successorId: newIds.get(h.code)!,
        relation: 'moved',
        effectiveDate: REORG_FIRST_DAY,
        legalBasis: 'Xóm giữ nguyên, chuyển về xã mới (dữ liệu mẫu)',
      })),
    );
    // Commune groups are real data (the province's area classification, loaded with the units), not sample data.
    const plan: { units: UnitWithParent[]; years: number[] }[] = [
      { units: oldCommunes, years: [2021, 2022, 2023, 2024, 2025] },
      { units: newCommunes, years: [2025, 2026] },
      { units: oldHamlets, years: [2022, 2023, 2024, 2025] },
      { units: newHamlets, years: [2025, 2026] },
    ];
    const batch: NewAssessment[] = [];
    for (const { units, years } of plan) {
      for (const u of units) {
        const strength = rng(`strength:${u.code}:${u.validFrom ?? 'old'}`)();
        for (const year of years) {
          const date = `${year}-12-31` > (u.validTo ?? '9999') ? u.validTo! : `${year}-12-31`;
          for (const set of registry.all()) {
            if (registry.inForce(set.family, date) !== set) continue;
            if (set.unitLevel !== u.level || (set.unitTypes && !set.unitTypes.includes(u.type))) continue;
            if (set.tier !== 'ntm' && strength < 0.55) continue;
            const status = demoStatus(u, year);
            if (!status) continue;
            const values = sampleValues(set, u, year, strength, registry.resolverFor(set, year));
            batch.push({ unitId: u.id, family: set.family, year, sample: true, status, values, setId: set.id });
            count++;
          }
        }
      }
    }
    await insertAssessments(tx, batch);
    // recognition: sample dossiers and decisions (marked sample, invented numbers labelled "MẪU").
    await seedSampleRecognitions(tx);
  });
  let users = 0;
  if ((await countUsers(db)) === 0) {
    const hash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
    for (const a of DEMO_ACCOUNTS) {
      const unit = await findUnitAsOf(db, a.unitCode, a.asOf);
      await insertUser(db, { username: a.username, fullName: `Tài khoản mẫu: ${a.unitName}`, passwordHash: hash, role: a.role, unitId: unit?.id ?? null });
      users++;
    }
  }
  return { hamlets, assessments: count, users };
}

async function successorMap(db: Db): Promise<Map<number, number>> {
  return new Map((await lineagePairs(db)).map((r) => [r.predecessorId, r.successorId]));
}

/** Plausible sample values for one unit and year: better units and later years meet more indicators. */
function sampleValues(
  set: CriteriaSet,
  u: UnitWithParent,
  year: number,
  strength: number,
  resolve: (f: string) => CriteriaSet | undefined,
): Record<string, InputValue> {
  const r = rng(`values:${set.family}:${u.code}:${u.validFrom ?? 'old'}:${year}`);
  // Higher tiers are harder to reach: fewer sample units pass their indicators.
  const difficulty = set.tier === 'ntm' ? 0 : 0.2;
  const progress = Math.min(1, Math.max(0, strength * 0.75 + (year - 2021) * 0.07 - difficulty));
  const out: Record<string, InputValue> = {};
  const ctx = { year, region: 'TDMNPB' as const, group: '3' as const };
  for (const c of set.criteria) {
    if (c.indicators.length === 0) {
      out[c.code] = r() < 0.25 + progress * 0.7;
      continue;
    }
    if (c.indicatorsIncomplete) out[c.code] = r() < 0.25 + progress * 0.7;
    for (const ind of c.indicators) {
      if (ind.kind === 'tier' || ind.derive) continue;
      const v = sampleValue(ind, r, progress, ctx, set, resolve);
      if (v !== null) out[ind.code] = v;
    }
  }
  return out;
}

function sampleValue(
  ind: Indicator,
  r: () => number,
  progress: number,
  ctx: { year: number; region: 'TDMNPB'; group: '3' },
  set: CriteriaSet,
  resolve: (f: string) => CriteriaSet | undefined,
): InputValue {
  const pass = r() < 0.2 + progress * 0.8;
  if (ind.kind === 'boolean') return pass;
  if (ind.kind === 'status') return pass ? 'met' : 'not-met';
  const t = resolveThreshold(ind, set.dimension === 'group' ? { year: ctx.year, group: ctx.group } : ctx);
  let threshold = typeof t?.value === 'number' ? t.value : null;
  if (ind.kind === 'min-relative' && ind.relative) {
    const ref = resolve(ind.relative.family)
      ?.criteria.flatMap((c) => c.indicators)
      .find((i) => i.code === ind.relative!.indicator);
    const rt = ref ? resolveThreshold(ref, ctx) : undefined;
    threshold = typeof rt?.value === 'number' ? rt.value * ind.relative.factor : null;
  }
  const unit = ind.unit ?? '';
  const round = (x: number) => Math.round(x * 10) / 10;
  if (threshold !== null) {
    const factor = pass ? 1 + r() * 0.25 : 0.6 + r() * 0.35;
    const v = ind.kind === 'max' ? threshold / factor : threshold * factor;
    return unit === '%' ? Math.min(100, round(v)) : round(v);
  }
  if (unit === '%') return ind.kind === 'max' ? round(30 - 27 * progress * r()) : round(45 + 55 * Math.min(1, progress * (0.7 + r() * 0.5)));
  if (/triệu/.test(unit)) return round(28 + (ctx.year - 2021) * 3.5 + 25 * progress * r());
  if (/điểm/.test(unit)) return Math.round(35 + 55 * progress * r());
  return Math.round(3 * progress * r());
}
