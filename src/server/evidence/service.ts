import type { Db } from '../../db/client.ts';
import {
  findEvidenceFile,
  findSameFile,
  insertEvidenceFile,
  isEvidenceLinked,
  linkEvidence,
  unlinkEvidence,
  type EvidenceFile,
} from '../../db/repos/evidence.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../domain/evidence/kinds.ts';
import { DomainError } from '../../domain/errors.ts';
import { withAssessmentWrite, type AssessmentKey, type EntrySource } from '../assessments/service.ts';
import type { SessionUser } from '../auth/policies.ts';
import { EVIDENCE_LIMITS } from './limits.ts';
import { tempChunks, type ReceivedFile } from './receive.ts';

/** What an assessment shows of a file, and what its events record. */
export interface EvidenceInfo {
  id: number;
  name: string;
  sha256: string;
  size: number;
  type: string;
}

const info = (f: EvidenceFile): EvidenceInfo => ({ id: f.id, name: f.name, sha256: f.sha256, size: f.size, type: f.type });

/** Indicator and criterion codes of a set version: what evidence can back. */
export function assertEvidenceCode(set: CriteriaSet, code: string): void {
  const known = set.criteria.some((c) => c.code === code || c.indicators.some((i) => i.code === code));
  if (!known)
    throw new DomainError('UNKNOWN_INDICATOR', `Mã "${code}" không phải chỉ tiêu hay tiêu chí của bộ tiêu chí ${set.id} mà đánh giá này dùng`, {
      field: 'code',
      code,
      setId: set.id,
    });
}

export interface UploadInput {
  key: AssessmentKey;
  code: string;
  version: number;
  file: ReceivedFile;
  name: string;
  kind: EvidenceKind;
  source: EntrySource;
}

/**
 * Stores a received, checked file and attaches it to `code` of the assessment, in the assessment's write
 * transaction: the file row and every chunk are written before the link, so nothing references a file that is not
 * whole. The same content under the same name, already stored for the unit, is reused instead of stored again.
 */
export async function attachEvidence(
  db: Db,
  user: SessionUser,
  input: UploadInput,
  authorize: (unitId: number) => void,
  chunkBytes: number = EVIDENCE_LIMITS.chunkBytes,
): Promise<{ version: number; evidence: EvidenceInfo }> {
  const { result, version } = await withAssessmentWrite(db, user, input.key, input.version, input.source, authorize, async (w) => {
    assertEvidenceCode(w.resolved.set, input.code);
    const unitId = w.resolved.unit.id;
    const { file, name } = input;
    const stored =
      (await findSameFile(w.tx, unitId, file.sha256, file.size, name)) ??
      (await insertEvidenceFile(
        w.tx,
        { unitId, name, mediaType: EVIDENCE_KINDS[input.kind].mediaType, size: file.size, sha256: file.sha256, uploadedBy: user.id },
        tempChunks(file, chunkBytes),
      ));
    if (await isEvidenceLinked(w.tx, w.assessmentId, input.code, stored.id))
      throw new DomainError('EVIDENCE_ATTACHED', `Tệp "${name}" đã có trong minh chứng của mã ${input.code}`, {
        file: name,
        code: input.code,
        fileId: stored.id,
      });
    await linkEvidence(w.tx, { assessmentId: w.assessmentId, code: input.code, fileId: stored.id, userId: user.id });
    w.event({ action: 'evidence-add', code: input.code, after: info(stored) });
    return info(stored);
  });
  return { version, evidence: result };
}

/** Detaches a file from `code` (an 'evidence-remove' event); the file stays stored, as the history refers to it. */
export async function detachEvidence(
  db: Db,
  user: SessionUser,
  input: { key: AssessmentKey; code: string; version: number; fileId: number; source: EntrySource },
  authorize: (unitId: number) => void,
): Promise<{ version: number; evidence: EvidenceInfo }> {
  const { result, version } = await withAssessmentWrite(db, user, input.key, input.version, input.source, authorize, async (w) => {
    const file = await findEvidenceFile(w.tx, input.fileId);
    if (!file || !(await unlinkEvidence(w.tx, w.assessmentId, input.code, input.fileId)))
      throw new DomainError('EVIDENCE_NOT_FOUND', `Không có tệp minh chứng số ${input.fileId} ở mã ${input.code} của đánh giá này`, {
        fileId: input.fileId,
        code: input.code,
      });
    w.event({ action: 'evidence-remove', code: input.code, before: info(file) });
    return info(file);
  });
  return { version, evidence: result };
}

/** A stored file for download, once `authorize` accepted its unit; 404 when there is no such file. */
export async function evidenceForDownload(db: Db, id: number, authorize: (unitId: number) => void): Promise<EvidenceFile> {
  const file = await findEvidenceFile(db, id);
  if (!file) throw new DomainError('EVIDENCE_NOT_FOUND', `Không có tệp minh chứng số ${id}`, { fileId: id });
  authorize(file.unitId);
  return file;
}
