import { SET_LIMITS } from '../../domain/criteria/validate.ts';

/**
 * Bounds on an imported criteria file. A decision's annex has some 60 indicators over a few hundred rows; these
 * leave room for every real table while keeping one import's memory and time, and the set detail and public
 * evaluation responses built from it, bounded.
 */
export const IMPORT_LIMITS = {
  /** Bytes of the uploaded file. */
  fileBytes: 10 * 1024 * 1024,
  /** Entries in an .xlsx (a zip); a workbook saved by Excel has about a dozen. */
  zipEntries: 200,
  /** Sum of the entries' uncompressed sizes, read from the zip's central directory before anything is inflated. */
  unzippedBytes: 40 * 1024 * 1024,
  /** Rows of one worksheet. */
  sheetRows: 5_000,
  /** Nesting of a JSON file (a set is about 6 levels deep). */
  jsonDepth: 32,
  ...SET_LIMITS,
  /** Characters of the note sent with an upload. */
  noteChars: 500,
} as const;

export const MB = 1024 * 1024;

/** "10 MB", "40 MB", for messages. */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`.replace('.', ',');
}
