/**
 * Writes the blank workbook template for the 2026–2030 commune set (QĐ 51/2025/QĐ-TTg, Phụ lục I):
 * "Thông tin" pre-filled from data/criteria/xa-ntm-2026.json, the 10 criteria rows, columns Nhóm 1/2/3.
 * Run from the repository root: npx tsx scripts/criteria-template.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSetJson } from '../src/interchange/criteria/files.ts';
import { setToWorkbook } from '../src/interchange/criteria/workbook.ts';

const criteria = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'criteria');
const source = path.join(criteria, 'xa-ntm-2026.json');
const target = path.join(criteria, 'templates', 'mau-bo-tieu-chi-2026-2030.xlsx');
const set = parseSetJson(fs.readFileSync(source, 'utf8'), 'data/criteria/xa-ntm-2026.json');
fs.writeFileSync(target, await setToWorkbook(set, { layout: 'annex' }));
process.stdout.write(`${path.relative(process.cwd(), target)}\n`);
