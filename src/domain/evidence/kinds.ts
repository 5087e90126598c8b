/**
 * The kinds of evidence file accepted, each with the media type it is stored and served as and the file-name
 * extensions that may carry it. What a file is comes from its content (sniff.ts); the extension must agree.
 */
export const EVIDENCE_KINDS = {
  pdf: { mediaType: 'application/pdf', label: 'PDF', extensions: ['pdf'] },
  png: { mediaType: 'image/png', label: 'ảnh PNG', extensions: ['png'] },
  jpeg: { mediaType: 'image/jpeg', label: 'ảnh JPEG', extensions: ['jpg', 'jpeg'] },
  gif: { mediaType: 'image/gif', label: 'ảnh GIF', extensions: ['gif'] },
  webp: { mediaType: 'image/webp', label: 'ảnh WebP', extensions: ['webp'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (.docx)', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel (.xlsx)', extensions: ['xlsx'] },
  pptx: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint (.pptx)', extensions: ['pptx'] },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument văn bản (.odt)', extensions: ['odt'] },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', label: 'OpenDocument bảng tính (.ods)', extensions: ['ods'] },
  doc: { mediaType: 'application/msword', label: 'Word 97–2003 (.doc)', extensions: ['doc'] },
  xls: { mediaType: 'application/vnd.ms-excel', label: 'Excel 97–2003 (.xls)', extensions: ['xls'] },
} as const satisfies Record<string, { mediaType: string; label: string; extensions: readonly string[] }>;

export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

/** Every accepted extension, with its dot (an `accept` list for file inputs). */
export const EVIDENCE_EXTENSIONS: readonly string[] = Object.values(EVIDENCE_KINDS).flatMap((k) => k.extensions.map((e) => `.${e}`));

/** The kind a file name's extension announces, or null when the extension is not one accepted. */
export function kindOfExtension(ext: string): EvidenceKind | null {
  const lower = ext.toLowerCase();
  for (const [kind, info] of Object.entries(EVIDENCE_KINDS)) if ((info.extensions as readonly string[]).includes(lower)) return kind as EvidenceKind;
  return null;
}

/** What a file's content was found to be: an accepted kind, or something recognised but not accepted. */
export type Sniffed = { kind: EvidenceKind } | { kind: null; what: string };
