import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assessmentEvidence, evidenceChunks, evidenceFiles } from '../schema.ts';

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

/** A stored file with the unit whose users may download it. */
export interface EvidenceFile extends EvidenceRef {
  unitId: number;
}

const fileColumns = {
  id: evidenceFiles.id,
  unitId: evidenceFiles.unitId,
  name: evidenceFiles.name,
  sha256: evidenceFiles.sha256,
  size: evidenceFiles.size,
  type: evidenceFiles.mediaType,
};

export async function findEvidenceFile(db: Db, id: number): Promise<EvidenceFile | null> {
  const [row] = await db.select(fileColumns).from(evidenceFiles).where(eq(evidenceFiles.id, id));
  return row ?? null;
}

/** A file of the unit with the same content and name, whose bytes can be reused instead of stored again. */
export async function findSameFile(db: Db, unitId: number, sha256: string, size: number, name: string): Promise<EvidenceFile | null> {
  const [row] = await db
    .select(fileColumns)
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.unitId, unitId), eq(evidenceFiles.sha256, sha256), eq(evidenceFiles.size, size), eq(evidenceFiles.name, name)))
    .orderBy(evidenceFiles.id)
    .limit(1);
  return row ?? null;
}

export interface NewEvidenceFile {
  unitId: number;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: number;
}

/**
 * Stores a file row and its chunks, in order (call inside the transaction that links it, so that no one sees a
 * file without all its bytes). `chunks` yields pieces of at most 1 MiB.
 */
export async function insertEvidenceFile(tx: Db, file: NewEvidenceFile, chunks: AsyncIterable<Buffer>): Promise<EvidenceFile> {
  const [row] = await tx.insert(evidenceFiles).values(file).returning(fileColumns);
  let seq = 0;
  for await (const data of chunks) await tx.insert(evidenceChunks).values({ fileId: row!.id, seq: seq++, data });
  return row!;
}

/** One chunk of a file, or null after the last. */
export async function evidenceChunk(db: Db, fileId: number, seq: number): Promise<Buffer | null> {
  const [row] = await db
    .select({ data: evidenceChunks.data })
    .from(evidenceChunks)
    .where(and(eq(evidenceChunks.fileId, fileId), eq(evidenceChunks.seq, seq)));
  return row?.data ?? null;
}

export async function isEvidenceLinked(db: Db, assessmentId: number, code: string, fileId: number): Promise<boolean> {
  const rows = await db
    .select({ fileId: assessmentEvidence.fileId })
    .from(assessmentEvidence)
    .where(and(eq(assessmentEvidence.assessmentId, assessmentId), eq(assessmentEvidence.code, code), eq(assessmentEvidence.fileId, fileId)));
  return rows.length > 0;
}

export async function linkEvidence(tx: Db, link: { assessmentId: number; code: string; fileId: number; userId: number }): Promise<void> {
  await tx.insert(assessmentEvidence).values({ assessmentId: link.assessmentId, code: link.code, fileId: link.fileId, attachedBy: link.userId });
}

/** Removes a link; whether there was one. The file stays stored: the history refers to it. */
export async function unlinkEvidence(tx: Db, assessmentId: number, code: string, fileId: number): Promise<boolean> {
  const rows = await tx
    .delete(assessmentEvidence)
    .where(and(eq(assessmentEvidence.assessmentId, assessmentId), eq(assessmentEvidence.code, code), eq(assessmentEvidence.fileId, fileId)))
    .returning({ fileId: assessmentEvidence.fileId });
  return rows.length > 0;
}

/** Rows of the evidence tables (tests assert that a refused upload stored nothing). */
export async function countEvidenceRows(db: Db): Promise<{ files: number; chunks: number; links: number }> {
  const [files] = await db.select({ n: count() }).from(evidenceFiles);
  const [chunks] = await db.select({ n: count() }).from(evidenceChunks);
  const [links] = await db.select({ n: count() }).from(assessmentEvidence);
  return { files: files!.n, chunks: chunks!.n, links: links!.n };
}
