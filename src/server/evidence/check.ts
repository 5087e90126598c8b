import { EVIDENCE_EXTENSIONS, EVIDENCE_KINDS, kindOfExtension, type EvidenceKind } from '../../domain/evidence/kinds.ts';
import { extensionOf } from '../../domain/evidence/names.ts';
import { DomainError } from '../../domain/errors.ts';
import type { ReceivedFile } from './receive.ts';
import { sniff } from './sniff.ts';
import { tempReader } from './receive.ts';

const ACCEPTED = 'PDF, ảnh (PNG, JPEG, GIF, WebP), Word, Excel, PowerPoint (.docx, .xlsx, .pptx, .doc, .xls) hoặc OpenDocument (.odt, .ods)';

/**
 * The kind of a received file, from its content; refused (400, naming the file) when it is empty, when its
 * extension is not one accepted, when its content is not an accepted kind, or when content and extension disagree.
 */
export async function checkEvidenceFile(file: ReceivedFile, name: string): Promise<EvidenceKind> {
  if (file.size === 0) throw new DomainError('EVIDENCE_EMPTY', `Tệp "${name}" rỗng (0 byte)`, { file: name });
  const extension = extensionOf(name);
  const announced = kindOfExtension(extension);
  if (!announced)
    throw new DomainError('EVIDENCE_TYPE', `Tệp "${name}" ${extension ? `có đuôi .${extension}` : 'không có đuôi'}, không phải loại được nhận: ${ACCEPTED}`, {
      file: name,
      extension,
      accepted: EVIDENCE_EXTENSIONS,
    });
  const reader = await tempReader(file);
  let found;
  try {
    found = await sniff(reader, file.head);
  } finally {
    await reader.close();
  }
  if (found.kind === null)
    throw new DomainError(
      'EVIDENCE_TYPE',
      `Nội dung tệp "${name}" là ${found.what}, không phải ${EVIDENCE_KINDS[announced].label} như đuôi .${extension} của nó`,
      {
        file: name,
        extension,
        extensionType: EVIDENCE_KINDS[announced].mediaType,
        contentType: null,
        reason: `content is ${found.what}`,
      },
    );
  if (found.kind !== announced)
    throw new DomainError(
      'EVIDENCE_TYPE_MISMATCH',
      `Tệp "${name}" có đuôi .${extension} (${EVIDENCE_KINDS[announced].label}) nhưng nội dung là ${EVIDENCE_KINDS[found.kind].label}`,
      { file: name, extension, extensionType: EVIDENCE_KINDS[announced].mediaType, contentType: EVIDENCE_KINDS[found.kind].mediaType },
    );
  return found.kind;
}
