/**
 * Bounds on an evidence file. A scanned decision or a photographed minutes of a commune meeting is a few MB; 20 MB
 * leaves room for a long scanned dossier while one upload's temporary file and one transaction stay bounded.
 */
export const EVIDENCE_LIMITS = {
  /** Bytes of one uploaded file. */
  fileBytes: 20 * 1024 * 1024,
  /** Bytes of one stored chunk (evidence_chunks rows are at most 1 MiB). */
  chunkBytes: 1024 * 1024,
  /** Characters of a file name as stored. */
  nameChars: 255,
} as const;

export type EvidenceLimits = { fileBytes: number; chunkBytes: number; nameChars: number };
