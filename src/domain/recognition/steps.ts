/**
 * The procedure of a recognition dossier (hồ sơ xét, công nhận) under QĐ 18/2022/QĐ-TTg (02/8/2022), as far as it
 * has been read: the steps, who takes them and in which order. Pure data and functions, no I/O.
 *
 * Sources (see ../shared reference notes, §8 of the 2021–2025 criteria notes):
 * - Điều 5: the commune People's Committee builds the report on its results and sends it for comments to the
 *   commune Fatherland Front and organisations, then posts it at the commune office, every village's cultural house
 *   and on the loudspeakers at least 5 times within 15 days for residents' comments (beta.thuvienphapluat.vn).
 * - District appraisal (thẩm tra) by the district People's Committee, with the draft appraisal report posted for
 *   comments: confirmed by practice under 18/2022 (thuongtin.hanoi.gov.vn, 05/01/2024), not read in the text.
 * - Provincial appraisal council (Hội đồng thẩm định tỉnh): confirmed by practice (snnptnt.quangnam.gov.vn).
 * - The decision of the provincial People's Committee chair for communes: confirmed by practice (quangtri.gov.vn,
 *   QĐ 1161/QĐ-UBND of 5/6/2023 citing 18/2022).
 * - Districts: the province appraises, the ministry appraises, the Prime Minister decides: confirmed by practice
 *   (baothainguyen.vn; QĐ 668–673/QĐ-TTg of 2/6/2022), not read in the text.
 * - Revocation (thu hồi): the conditions are confirmed (tintuc.thuvienphapluat.com 41861); who decides it is assumed
 *   to be whoever decided the recognition (NOT READ in the official text).
 * - Deadlines in days between the steps: not found (UNCONFIRMED), so none are enforced.
 */

/** Tiers a dossier can recognise: ntm = NTM standard, nang-cao = advanced, kieu-mau = model, hoan-thanh = a city
 *  that completed the NTM task (district level). */
export const RECOGNITION_TIERS = ['ntm', 'nang-cao', 'kieu-mau', 'hoan-thanh'] as const;
export type RecognitionTier = (typeof RECOGNITION_TIERS)[number];

/** The steps, in the order of the procedure. 'revocation' ends a recognition and follows the decision. */
export const STEP_KINDS = ['proposal', 'public-posting', 'district-appraisal', 'province-appraisal', 'ministry-appraisal', 'decision', 'revocation'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface StepInfo {
  kind: StepKind;
  /** Vietnamese name of the step. */
  label: string;
  /** Who takes it. */
  actor: string;
  /** Whether the step (for this level) was read in the official text; otherwise confirmed by practice only. */
  fromText: boolean;
}

/** The level a unit's procedure depends on: a commune under a district (before 1/7/2025), a commune directly under
 *  the province (from 1/7/2025), a district. */
export type ProcedureKind = 'commune-in-district' | 'commune' | 'district';

const COMMUNE_STEPS: Record<Exclude<StepKind, 'ministry-appraisal'>, Omit<StepInfo, 'kind'>> = {
  proposal: { label: 'UBND xã lập báo cáo kết quả, lấy ý kiến MTTQ và các tổ chức', actor: 'UBND xã', fromText: true },
  'public-posting': { label: 'Thông báo công khai, lấy ý kiến nhân dân (ít nhất 5 lần trong 15 ngày)', actor: 'UBND xã', fromText: true },
  'district-appraisal': { label: 'UBND huyện thẩm tra hồ sơ và mức độ đạt chuẩn', actor: 'UBND huyện', fromText: false },
  'province-appraisal': { label: 'Hội đồng thẩm định tỉnh thẩm định', actor: 'Hội đồng thẩm định tỉnh', fromText: false },
  decision: { label: 'Quyết định công nhận', actor: 'Chủ tịch UBND tỉnh', fromText: false },
  revocation: { label: 'Quyết định thu hồi công nhận', actor: 'Chủ tịch UBND tỉnh', fromText: false },
};

const DISTRICT_STEPS: Record<Exclude<StepKind, 'district-appraisal'>, Omit<StepInfo, 'kind'>> = {
  proposal: { label: 'UBND huyện lập báo cáo kết quả, lấy ý kiến MTTQ và các tổ chức', actor: 'UBND huyện', fromText: false },
  'public-posting': { label: 'Thông báo công khai, lấy ý kiến nhân dân', actor: 'UBND huyện', fromText: false },
  'province-appraisal': { label: 'UBND tỉnh thẩm tra, công khai dự thảo báo cáo', actor: 'UBND tỉnh', fromText: false },
  'ministry-appraisal': { label: 'Bộ Nông nghiệp và Môi trường thẩm định', actor: 'Bộ NN&MT (trước đây Bộ NN&PTNT)', fromText: false },
  decision: { label: 'Quyết định công nhận', actor: 'Thủ tướng Chính phủ', fromText: false },
  revocation: { label: 'Quyết định thu hồi công nhận', actor: 'Thủ tướng Chính phủ', fromText: false },
};

const ORDER: Record<ProcedureKind, StepKind[]> = {
  'commune-in-district': ['proposal', 'public-posting', 'district-appraisal', 'province-appraisal', 'decision', 'revocation'],
  commune: ['proposal', 'public-posting', 'province-appraisal', 'decision', 'revocation'],
  district: ['proposal', 'public-posting', 'province-appraisal', 'ministry-appraisal', 'decision', 'revocation'],
};

/** The steps of a procedure, in order (the last is revocation). */
export function procedureSteps(kind: ProcedureKind): StepInfo[] {
  const table: Partial<Record<StepKind, Omit<StepInfo, 'kind'>>> = kind === 'district' ? DISTRICT_STEPS : COMMUNE_STEPS;
  return ORDER[kind].map((k) => ({ kind: k, ...table[k]! }));
}

/** Vietnamese name of a step in a procedure. */
export function stepLabel(kind: StepKind, procedure: ProcedureKind): string {
  const table: Partial<Record<StepKind, { label: string }>> = procedure === 'district' ? DISTRICT_STEPS : COMMUNE_STEPS;
  return table[kind]?.label ?? kind;
}

export const TIER_LABELS: Record<RecognitionTier, string> = {
  ntm: 'đạt chuẩn nông thôn mới',
  'nang-cao': 'đạt chuẩn nông thôn mới nâng cao',
  'kieu-mau': 'đạt chuẩn nông thôn mới kiểu mẫu',
  'hoan-thanh': 'hoàn thành nhiệm vụ xây dựng nông thôn mới',
};

/** What a unit is, as far as the procedure is concerned. */
export interface ProcedureUnit {
  level: string;
  type: string;
  /** The level of the unit's parent ('district' for a commune before 1/7/2025, 'province' after). */
  parentLevel: string | null;
}

/**
 * The procedure for a unit and the tiers it can be recognised at, or why it cannot be (a ward, a township or a
 * hamlet: hamlet recognition follows a provincial decision that has not been found).
 */
export function procedureFor(unit: ProcedureUnit): { kind: ProcedureKind; tiers: RecognitionTier[] } | { refused: string } {
  if (unit.level === 'commune') {
    if (unit.type !== 'Xã') return { refused: `${unit.type} không thuộc diện xét công nhận xã nông thôn mới` };
    return { kind: unit.parentLevel === 'district' ? 'commune-in-district' : 'commune', tiers: ['ntm', 'nang-cao', 'kieu-mau'] };
  }
  if (unit.level === 'district') {
    // QĐ 320 (districts): "huyện NTM" (and advanced, model); a city or town "hoàn thành nhiệm vụ xây dựng NTM".
    return { kind: 'district', tiers: unit.type === 'Huyện' ? ['ntm', 'nang-cao', 'kieu-mau'] : ['hoan-thanh'] };
  }
  if (unit.level === 'hamlet') return { refused: 'Việc công nhận xóm nông thôn mới theo quy định của tỉnh, chưa có trong sổ công nhận' };
  return { refused: 'Chỉ xét công nhận xã và huyện (thành phố)' };
}
