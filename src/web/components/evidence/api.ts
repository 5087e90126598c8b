import { queryOptions } from '@tanstack/react-query';
import type { EvidenceChangeBody, EvidenceRefBody } from '../../../server/evidence/schema.ts';
import { apiFetch, apiPostWithProgress, withQuery } from '../../api/client.ts';

export type EvidenceRef = EvidenceRefBody;

/** The assessment a list of evidence belongs to. */
export interface EvidenceTarget {
  unitCode: string;
  family: string;
  year: number;
  /** The date the unit is taken as of, for merged units (the server's default is the assessment's year). */
  asOf?: string | undefined;
}

const base = (t: EvidenceTarget) => `/api/assessments/${encodeURIComponent(t.unitCode)}/${encodeURIComponent(t.family)}/${t.year}`;

/** Where a file is downloaded (the server sends it as an attachment, to signed-in users who may see its unit). */
export const evidenceUrl = (id: number) => `/api/evidence/${id}`;

/** Sends one file for `code` (the fields first, as the server reads them before the file), reporting progress 0–1. */
export function uploadEvidence(t: EvidenceTarget, code: string, version: number, file: File, onProgress: (sent: number) => void): Promise<EvidenceChangeBody> {
  const form = new FormData();
  form.append('code', code);
  form.append('version', String(version));
  form.append('file', file, file.name);
  return apiPostWithProgress<EvidenceChangeBody>(withQuery(`${base(t)}/evidence`, { asOf: t.asOf }), form, onProgress);
}

export function removeEvidence(t: EvidenceTarget, code: string, version: number, fileId: number): Promise<EvidenceChangeBody> {
  return apiFetch<EvidenceChangeBody>(withQuery(`${base(t)}/evidence/${fileId}`, { code, version, asOf: t.asOf }), {
    method: 'DELETE',
    headers: { 'X-Entry-Source': 'screen' },
  });
}

interface AssessmentEvidence {
  values?: Record<string, { evidence?: EvidenceRef[] } | undefined>;
  criteria?: Record<string, { evidence?: EvidenceRef[] } | undefined>;
}

/** The assessment's files by code, read from its GET body (for a list embedded without its files). */
export const assessmentEvidenceQuery = (t: EvidenceTarget) =>
  queryOptions({
    queryKey: ['assessments', t.unitCode, t.family, t.year, { asOf: t.asOf ?? null }, 'evidence'] as const,
    queryFn: ({ signal }) => apiFetch<AssessmentEvidence>(withQuery(base(t), { asOf: t.asOf }), { signal }),
  });

export const filesOf = (body: AssessmentEvidence | undefined, code: string): EvidenceRef[] =>
  body?.values?.[code]?.evidence ?? body?.criteria?.[code]?.evidence ?? [];
