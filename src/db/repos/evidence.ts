import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assessmentEvidence, evidenceFiles } from '../schema.ts';

/** What an assessment shows of a file backing one of its values or statuses. */
export interface EvidenceRef {
  id: number;
  name: string;
  sha256: string;
  size: number;
  type: string;
}

/** The files attached to an assessment, by value or criterion code, oldest first. */
export async function evidenceByCode(db: Db, assessmentId: number): Promise<Map<string, EvidenceRef[]>> {
  const rows = await db
    .select({
      code: assessmentEvidence.code,
      id: evidenceFiles.id,
      name: evidenceFiles.name,
      sha256: evidenceFiles.sha256,
      size: evidenceFiles.size,
      type: evidenceFiles.mediaType,
    })
    .from(assessmentEvidence)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, assessmentEvidence.fileId))
    .where(eq(assessmentEvidence.assessmentId, assessmentId))
    .orderBy(assessmentEvidence.attachedAt, evidenceFiles.id);
  const out = new Map<string, EvidenceRef[]>();
  for (const { code, ...ref } of rows) {
    const list = out.get(code) ?? [];
    list.push(ref);
    out.set(code, list);
  }
  return out;
}
