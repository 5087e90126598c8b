import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../domain/errors.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import { validateSet } from '../../domain/criteria/validate.ts';
import { DATA_DIR } from '../../paths.ts';
import { checkJsonDepth } from './json-guard.ts';
import { IMPORT_LIMITS, megabytes } from './limits.ts';
import { parseSetWorkbook } from './workbook.ts';
import { readZipDirectory, tooLarge, verifyZipSizes } from './zip-guard.ts';

export function parseSetJson(text: string, file: string): CriteriaSet {
  checkJsonDepth(text, file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DomainError('INVALID_CRITERIA_FILE', `Tệp bộ tiêu chí "${file}" không phải JSON hợp lệ: ${(e as Error).message}`, {
      file,
      path: '(gốc)',
      problem: (e as Error).message,
    });
  }
  return validateSet(value, file);
}

/** Reads a set from a .json file or an .xlsx workbook laid out like the decision's annex table. */
export async function readSetFile(filePath: string): Promise<CriteriaSet> {
  const file = path.basename(filePath);
  if (!fs.existsSync(filePath)) throw new DomainError('NOT_FOUND', `Không tìm thấy tệp "${filePath}"`, { file: filePath });
  checkFileSize(fs.statSync(filePath).size, file);
  return parseSetBuffer(fs.readFileSync(filePath), file);
}

export function checkFileSize(bytes: number, file: string): void {
  if (bytes > IMPORT_LIMITS.fileBytes)
    throw tooLarge(file, `nặng ${megabytes(bytes)}, quá giới hạn ${megabytes(IMPORT_LIMITS.fileBytes)} của một tệp bộ tiêu chí`, {
      limit: 'fileBytes',
      max: IMPORT_LIMITS.fileBytes,
    });
}

/** The checks that cost next to nothing and refuse an oversized file or a zip bomb before any parsing. */
export function precheckSetBuffer(buf: Buffer, file: string): 'xlsx' | 'json' {
  const lower = file.toLowerCase();
  const kind = lower.endsWith('.xlsx') ? 'xlsx' : lower.endsWith('.json') ? 'json' : null;
  if (!kind)
    throw new DomainError('INVALID_CRITERIA_FILE', `Tệp "${file}" phải là .json hoặc .xlsx`, { file, path: '(gốc)', problem: 'unsupported extension' });
  if (buf.length === 0) throw new DomainError('INVALID_CRITERIA_FILE', `Tệp "${file}" rỗng`, { file, problem: 'empty file' });
  checkFileSize(buf.length, file);
  if (kind === 'xlsx') readZipDirectory(buf, file);
  return kind;
}

/**
 * Parses and validates a set from a file's bytes, within the import limits. Heavy for big files: the server runs
 * it in a worker thread (see parse-pool.ts).
 */
export async function parseSetBuffer(buf: Buffer, file: string): Promise<CriteriaSet> {
  if (precheckSetBuffer(buf, file) === 'json') return parseSetJson(buf.toString('utf8'), file);
  verifyZipSizes(buf, file);
  return parseSetWorkbook(buf, file);
}

/** The sets shipped in data/criteria (every .json except pending.json), validated. */
export function loadBuiltinSets(dir = path.join(DATA_DIR, 'criteria')): CriteriaSet[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'pending.json')
    .sort()
    .map((f) => parseSetJson(fs.readFileSync(path.join(dir, f), 'utf8'), `data/criteria/${f}`));
}

export interface PendingAnnex {
  annex: string;
  title: string;
  decision: string;
  legalSource: string;
  effectiveFrom: string;
  status: string;
  source?: string;
}

/** Annexes known to exist whose text has not been loaded yet (listed, not evaluable). */
export function loadPendingAnnexes(dir = path.join(DATA_DIR, 'criteria')): PendingAnnex[] {
  const f = path.join(dir, 'pending.json');
  return fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as PendingAnnex[]) : [];
}
