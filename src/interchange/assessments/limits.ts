/**
 * Bounds on an uploaded assessment workbook. A province workbook has one sheet per commune (56 after the 1/7/2025
 * merger, 161 before) of about 100 rows; these leave room for every real file and for the 100,000-value benchmark,
 * while keeping one import's memory and time bounded. Beyond `fileBytes` the answer is 413.
 */
export const WORKBOOK_LIMITS = {
  /** Bytes of the uploaded file. */
  fileBytes: 20 * 1024 * 1024,
  /** Entries in the .xlsx (a zip): about two per sheet plus a dozen. */
  zipEntries: 2_000,
  /** Sum of the entries' uncompressed sizes, read from the zip's central directory before anything is inflated. */
  unzippedBytes: 400 * 1024 * 1024,
  /** Sheets of one workbook (besides the guide sheet). */
  sheets: 600,
  /** Rows of one sheet. */
  sheetRows: 2_000,
  /** Input rows of the whole workbook (values and notes). */
  totalRows: 200_000,
  /** Characters of one note. */
  noteChars: 2_000,
  /** Problems listed in a report; beyond it the report says how many more there were. */
  reportedProblems: 1_000,
} as const;

export const MB = 1024 * 1024;

/** "20 MB", for messages. */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`.replace('.', ',');
}
