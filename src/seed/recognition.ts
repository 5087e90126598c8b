/**
 * Sample recognition dossiers for the demo. Every one is marked sample ("dữ liệu mẫu"): its document numbers are
 * invented, written so that nobody can take them for real ones ("MẪU-…"), and its notes say so. Cao Bằng's real
 * recognition decisions have not been collected yet.
 */
import type { Db } from '../db/client.ts';
import { appendStep, insertDossier, setDossierVersion } from '../db/repos/recognition.ts';
import { findUnitAsOf } from '../db/repos/units.ts';
import type { RecognitionTier, StepKind } from '../domain/recognition/steps.ts';
import { REORG_FIRST_DAY, REORG_LAST_DAY } from './units.ts';

const NOTE = 'Dữ liệu mẫu: không phải văn bản thật';
const ISSUER = 'Chủ tịch UBND tỉnh Cao Bằng (dữ liệu mẫu)';

interface SampleDossier {
  code: string;
  asOf: string;
  tier: RecognitionTier;
  year: number;
  steps: [StepKind, string][];
  revocationReason?: string;
}

const before = (year: number, tail: [StepKind, string][]): [StepKind, string][] => [
  ['proposal', `${year}-09-05`],
  ['public-posting', `${year}-09-10`],
  ...tail,
];

/** Communes of the old Hoà An district (to 30/06/2025) and two communes formed on 1/7/2025. */
const SAMPLES: SampleDossier[] = [
  {
    code: '01666',
    asOf: REORG_LAST_DAY,
    tier: 'ntm',
    year: 2022,
    steps: before(2022, [
      ['district-appraisal', '2022-10-20'],
      ['province-appraisal', '2022-11-25'],
      ['decision', '2022-12-20'],
    ]),
  },
  {
    code: '01687',
    asOf: REORG_LAST_DAY,
    tier: 'ntm',
    year: 2023,
    steps: before(2023, [
      ['district-appraisal', '2023-10-18'],
      ['province-appraisal', '2023-11-22'],
      ['decision', '2023-12-15'],
    ]),
  },
  {
    code: '01687',
    asOf: REORG_LAST_DAY,
    tier: 'nang-cao',
    year: 2024,
    steps: before(2024, [
      ['district-appraisal', '2024-10-16'],
      ['province-appraisal', '2024-11-20'],
      ['decision', '2024-12-10'],
    ]),
  },
  {
    code: '01657',
    asOf: REORG_LAST_DAY,
    tier: 'ntm',
    year: 2021,
    steps: before(2021, [
      ['district-appraisal', '2021-10-20'],
      ['province-appraisal', '2021-11-24'],
      ['decision', '2021-12-20'],
      ['revocation', '2024-06-14'],
    ]),
    revocationReason: 'Dữ liệu mẫu: số tiêu chí không đạt chuẩn từ 50% trở lên (Quyết định 18/2022/QĐ-TTg)',
  },
  { code: '01654', asOf: REORG_FIRST_DAY, tier: 'ntm', year: 2025, steps: before(2025, []) },
  {
    code: '01304',
    asOf: REORG_FIRST_DAY,
    tier: 'ntm',
    year: 2025,
    steps: before(2025, [
      ['province-appraisal', '2025-11-26'],
      ['decision', '2025-12-19'],
    ]),
  },
];

/** Adds the sample dossiers (once: called with the rest of the demo). Returns how many. */
export async function seedSampleRecognitions(db: Db): Promise<number> {
  let n = 0;
  for (const s of SAMPLES) {
    const unit = await findUnitAsOf(db, s.code, s.asOf);
    if (!unit) continue;
    const id = await insertDossier(db, { unitId: unit.id, tier: s.tier, year: s.year, sample: true, createdBy: null });
    await appendStep(db, { dossierId: id, kind: 'create', date: null, note: NOTE, recordedBy: null, version: 1 });
    let version = 1;
    for (const [kind, date] of s.steps) {
      const formal = kind === 'decision' || kind === 'revocation';
      await appendStep(db, {
        dossierId: id,
        kind,
        date,
        reference: `MẪU-${id}-${version}/${formal ? 'QĐ' : 'BC'}-UBND`,
        issuer: formal ? ISSUER : null,
        note: NOTE,
        reason: kind === 'revocation' ? (s.revocationReason ?? NOTE) : null,
        recordedBy: null,
        version: ++version,
      });
    }
    // The dossier's version is its last step's.
    await setDossierVersion(db, id, version);
    n++;
  }
  return n;
}
