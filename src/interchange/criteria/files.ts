import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../domain/errors.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import { validateSet } from '../../domain/criteria/validate.ts';
import { DATA_DIR } from '../../seed/paths.ts';
import { parseSetWorkbook } from './workbook.ts';

export function parseSetJson(text: string, file: string): CriteriaSet {
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
  const buf = fs.readFileSync(filePath);
  return parseSetBuffer(buf, file);
}

export async function parseSetBuffer(buf: Buffer, file: string): Promise<CriteriaSet> {
  const lower = file.toLowerCase();
  if (lower.endsWith('.xlsx')) return parseSetWorkbook(buf, file);
  if (lower.endsWith('.json')) return parseSetJson(buf.toString('utf8'), file);
  throw new DomainError('INVALID_CRITERIA_FILE', `Tệp "${file}" phải là .json hoặc .xlsx`, { file, path: '(gốc)', problem: 'unsupported extension' });
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
