import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '../../db/client.ts';
import { evidenceChunk, type EvidenceFile } from '../../db/repos/evidence.ts';
import { DomainError } from '../../domain/errors.ts';

/**
 * The file's bytes read chunk by chunk from the database (one chunk in memory at a time), hashed as they go. The
 * last bytes are only sent once the whole content matched the stored size and SHA-256: a damaged file ends the
 * response early (the client sees fewer bytes than Content-Length) instead of handing over wrong content whole.
 */
export function chunkStream(db: Db, file: EvidenceFile, readChunk = evidenceChunk): Readable {
  const hash = crypto.createHash('sha256');
  let seq = 0;
  let sent = 0;
  return new Readable({
    highWaterMark: 1,
    objectMode: false,
    read() {
      readChunk(db, file.id, seq++).then(
        (data) => {
          if (!data) return this.destroy(corrupt(file, `chunk ${seq - 1} missing after ${sent} of ${file.size} bytes`));
          hash.update(data);
          sent += data.length;
          if (sent > file.size) return this.destroy(corrupt(file, `more than ${file.size} bytes stored`));
          if (sent === file.size) {
            const digest = hash.digest('hex');
            if (digest !== file.sha256) return this.destroy(corrupt(file, `content hashes to ${digest}`));
            this.push(data);
            return this.push(null);
          }
          this.push(data);
        },
        (e: unknown) => this.destroy(e as Error),
      );
    },
  });
}

function corrupt(file: EvidenceFile, reason: string): DomainError {
  return new DomainError('EVIDENCE_CORRUPT', `Tệp minh chứng "${file.name}" bị hỏng khi lưu trữ, không tải được; vui lòng báo quản trị viên`, {
    fileId: file.id,
    reason,
  });
}

/**
 * `Content-Disposition: attachment` with the name twice: an ASCII fallback (accents dropped, quotes and
 * separators replaced) for old clients, and the exact name as RFC 5987 `filename*` (UTF-8, percent-encoded).
 */
export function contentDisposition(name: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^\x20-\x7e]|["\\;%]/g, '_')
      .trim() || 'tep';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
