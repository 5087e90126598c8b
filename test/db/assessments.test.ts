import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { putAssessment, valuesFor } from '../../src/db/repos/assessments.ts';
import { findUnitAsOf } from '../../src/db/repos/units.ts';
import { backends } from './backends.ts';

describe.each(backends)('stored indicator values on $name', (backend) => {
  let d: Database;
  let a: number;
  let b: number;
  beforeAll(async () => {
    d = await backend.shared();
    a = (await findUnitAsOf(d.db, '01654', '2025-07-01'))!.id;
    b = (await findUnitAsOf(d.db, '01304', '2025-07-01'))!.id;
  });

  it('keeps every JSON type of value, and reads many units at once', async () => {
    await putAssessment(d.db, { unitId: a, family: 'xa-ntm-2021-2025', year: 2025, sample: false }, { '3.1': 85.5, '1.1': true, '3.2': 'met', '2.1': null });
    await putAssessment(d.db, { unitId: b, family: 'xa-ntm-2021-2025', year: 2025, sample: true, status: 'approved' }, { '3.1': 40 });
    const got = await valuesFor(d.db, 'xa-ntm-2021-2025', 2025, [a, b]);
    expect(got.get(a)).toMatchObject({ status: 'draft', sample: false, values: { '3.1': 85.5, '1.1': true, '3.2': 'met' } });
    // A null value is "no value": nothing is stored for it.
    expect(got.get(a)!.values).not.toHaveProperty('2.1');
    expect(got.get(b)).toMatchObject({ status: 'approved', sample: true, values: { '3.1': 40 } });
  });

  it('keeps families, years and units apart', async () => {
    expect((await valuesFor(d.db, 'xa-ntm-2021-2025', 2024, [a, b])).size).toBe(0);
    expect((await valuesFor(d.db, 'xa-nang-cao-2021-2025', 2025, [a, b])).size).toBe(0);
    expect([...(await valuesFor(d.db, 'xa-ntm-2021-2025', 2025, [b])).keys()]).toEqual([b]);
    expect((await valuesFor(d.db, 'xa-ntm-2021-2025', 2025, [])).size).toBe(0);
  });

  it('replaces the values of an assessment and counts its versions', async () => {
    const first = await putAssessment(d.db, { unitId: a, family: 'xa-ntm-2021-2025', year: 2025, sample: false }, { '3.1': 90 });
    const got = await valuesFor(d.db, 'xa-ntm-2021-2025', 2025, [a]);
    expect(got.get(a)!.values).toEqual({ '3.1': 90 });
    expect(got.get(a)!.assessmentId).toBe(first);
    const rows = await queryRows<{ n: number; version: number }>(
      d.db,
      sql`SELECT count(*)::int AS n, max(version)::int AS version FROM assessments WHERE unit_id = ${a} AND family = 'xa-ntm-2021-2025' AND year = 2025`,
    );
    expect(rows[0]).toEqual({ n: 1, version: 2 });
  });

  it('stores large assessments in batches', async () => {
    const values = Object.fromEntries(Array.from({ length: 1234 }, (_, i) => [`X.${i}`, i]));
    await putAssessment(d.db, { unitId: a, family: 'lon', year: 2025, sample: true }, values);
    expect(Object.keys((await valuesFor(d.db, 'lon', 2025, [a])).get(a)!.values)).toHaveLength(1234);
  });
});
