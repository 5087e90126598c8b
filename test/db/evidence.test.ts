/**
 * Evidence files: streamed upload checked by content, stored in chunks in the database, attached through the
 * assessment's write (version, lock, scope), downloaded by those who may see the unit.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { countEvidenceRows } from '../../src/db/repos/evidence.ts';
import { findUnitAsOf } from '../../src/db/repos/units.ts';
import { resolveAssessment } from '../../src/server/assessments/service.ts';
import { buildUser } from '../factories.ts';
import { libreOfficeFile, ooxmlFile, pdfFile, pngFile, sha256 } from '../evidence-files.ts';
import { backends } from './backends.ts';
import { evidenceUpload } from './evidence-request.ts';
import { expectError, login, startApp } from './http.ts';

const FAMILY = 'xa-ntm-2026-2030';
const base = (year: number, unit = '01654', family = FAMILY) => `/api/assessments/${unit}/${family}/${year}`;

describe.each(backends)('evidence files on $name', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  let commune: Record<string, string>;
  let viewer: Record<string, string>;
  let otherCommune: Record<string, string>;

  const versionOf = async (year: number, unit = '01654', family = FAMILY) =>
    (await resolveAssessment(d.db, { unitCode: unit, family, year })).row?.version ?? 0;
  const upload = async (year: number, name: string, content: Buffer, opts: { code?: string; cookies?: Record<string, string>; version?: number } = {}) =>
    app.inject({
      ...(await evidenceUpload(`${base(year)}/evidence`, { code: opts.code ?? '1', version: opts.version ?? (await versionOf(year)) }, { name, content })),
      cookies: opts.cookies ?? commune,
    });

  beforeAll(async () => {
    d = await backend.demo();
    app = await startApp(d);
    commune = await login(app, 'xa.hoaan');
    viewer = await login(app, 'xem');
    const other = await buildUser(d.db, { role: 'commune', unit: (await findUnitAsOf(d.db, '01304', '2025-07-01'))! });
    otherCommune = await login(app, other.username, other.password);
  }, 300_000);

  it('stores a PDF, a PNG and a DOCX with their SHA-256 and size, and serves them back', async () => {
    for (const [name, content, type] of [
      ['Biên bản họp.pdf', pdfFile(3 * 1024 * 1024), 'application/pdf'],
      ['Ảnh hiện trường.png', pngFile(), 'image/png'],
      ['Báo cáo.docx', ooxmlFile('docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['Bảng số liệu.xlsx', libreOfficeFile('xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const before = await versionOf(2027);
      const res = await upload(2027, name, content);
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json<{ version: number; evidence: { id: number; name: string; sha256: string; size: number; type: string } }>();
      expect(body.version).toBe(before + 1);
      expect(body.evidence.id).toBeGreaterThan(0);
      expect(body.evidence).toEqual({ id: body.evidence.id, name, sha256: sha256(content), size: content.length, type });
      const got = await app.inject({ url: `/api/evidence/${body.evidence.id}`, cookies: commune });
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(content)).toBe(true);
      expect(got.headers['content-type']).toBe(type);
      expect(got.headers['content-disposition']).toBe(
        `attachment; filename="${got.headers['content-disposition']!.split('"')[1]}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers.etag).toBe(`"${sha256(content)}"`);
      expect(got.headers['cache-control']).toBe('private');
    }
    // A 3 MB file is kept as chunks of at most 1 MiB.
    const chunks = await queryRows<{ n: number; max: number }>(
      d.db,
      sql`SELECT count(*)::int AS n, max(length(data))::int AS max FROM evidence_chunks c JOIN evidence_files f ON f.id = c.file_id WHERE f.name = 'Biên bản họp.pdf'`,
    );
    expect(chunks[0]).toEqual({ n: 4, max: 1024 * 1024 });
    const events = await queryRows<{ action: string; code: string; after: { name: string } }>(
      d.db,
      sql`SELECT e.action, e.code, e.after FROM assessment_events e JOIN assessments a ON a.id = e.assessment_id JOIN units u ON u.id = a.unit_id
          WHERE u.code = '01654' AND a.family = ${FAMILY} AND a.year = 2027 AND e.action = 'evidence-add' ORDER BY e.id`,
    );
    const history = await app.inject({ url: `${base(2027)}/history`, cookies: commune });
    expect(history.statusCode, history.body).toBe(200);
    const added = history.json<{ action: string; code?: string; after?: { name: string; sha256: string }; source: string; user: string }[]>();
    expect(added.filter((h) => h.action === 'evidence-add').map((h) => [h.code, h.after?.name, h.source])).toEqual([
      ['1', 'Biên bản họp.pdf', 'api'],
      ['1', 'Ảnh hiện trường.png', 'api'],
      ['1', 'Báo cáo.docx', 'api'],
      ['1', 'Bảng số liệu.xlsx', 'api'],
    ]);
    // The assessment shows the files under their code.
    type Entries = Record<string, { evidence: { name: string }[] }>;
    const current = (await app.inject({ url: base(2027), cookies: commune })).json<{ values: Entries; criteria: Entries }>();
    expect((current.values['1'] ?? current.criteria['1'])!.evidence.map((f) => f.name)).toEqual([
      'Biên bản họp.pdf',
      'Ảnh hiện trường.png',
      'Báo cáo.docx',
      'Bảng số liệu.xlsx',
    ]);
    expect(events.map((e) => [e.action, e.code, e.after.name])).toEqual([
      ['evidence-add', '1', 'Biên bản họp.pdf'],
      ['evidence-add', '1', 'Ảnh hiện trường.png'],
      ['evidence-add', '1', 'Báo cáo.docx'],
      ['evidence-add', '1', 'Bảng số liệu.xlsx'],
    ]);
  });

  const refused = async (res: Awaited<ReturnType<typeof upload>>, status: number, code: string, before: Awaited<ReturnType<typeof countEvidenceRows>>) => {
    const error = expectError(res, status, code);
    expect(await countEvidenceRows(d.db)).toEqual(before);
    return error;
  };

  it('refuses a .pdf that is a PNG, naming the file and both types, and stores nothing', async () => {
    const before = await countEvidenceRows(d.db);
    const version = await versionOf(2028);
    const error = await refused(await upload(2028, 'Biên bản.pdf', pngFile()), 400, 'EVIDENCE_TYPE_MISMATCH', before);
    expect(error.message).toBe('Tệp "Biên bản.pdf" có đuôi .pdf (PDF) nhưng nội dung là ảnh PNG');
    expect(error.details).toMatchObject({ file: 'Biên bản.pdf', extensionType: 'application/pdf', contentType: 'image/png' });
    expect(await versionOf(2028)).toBe(version);
  });

  it('refuses a file over 20 MB with 413 naming it, and an empty file, storing nothing', async () => {
    const before = await countEvidenceRows(d.db);
    const big = await refused(await upload(2028, 'Hồ sơ lớn.pdf', pdfFile(20 * 1024 * 1024 + 10)), 413, 'FILE_TOO_LARGE', before);
    expect(big.message).toContain('Hồ sơ lớn.pdf');
    const empty = await refused(await upload(2028, 'Trống.pdf', Buffer.alloc(0)), 400, 'EVIDENCE_EMPTY', before);
    expect(empty.message).toBe('Tệp "Trống.pdf" rỗng (0 byte)');
    await refused(await upload(2028, 'chương trình.exe', Buffer.from('MZ\x90\0')), 400, 'EVIDENCE_TYPE', before);
    await refused(await upload(2028, 'ghi chú.pdf', Buffer.from('chỉ là chữ')), 400, 'EVIDENCE_TYPE', before);
  });

  it('refuses an unknown code, naming it, before reading the file', async () => {
    const before = await countEvidenceRows(d.db);
    const error = await refused(await upload(2028, 'a.pdf', pdfFile(), { code: '99.9' }), 400, 'UNKNOWN_INDICATOR', before);
    expect(error.message).toContain('"99.9"');
  });

  it('refuses fields sent after the file, or none at all', async () => {
    const before = await countEvidenceRows(d.db);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdfFile())]), 'a.pdf');
    form.append('code', '1');
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const res = await app.inject({
      method: 'POST',
      url: `${base(2028)}/evidence`,
      payload: Buffer.from(await encoded.arrayBuffer()),
      headers: { 'content-type': encoded.headers.get('content-type')! },
      cookies: commune,
    });
    await refused(res, 400, 'VALIDATION', before);
    await refused(
      await app.inject({ ...(await evidenceUpload(`${base(2028)}/evidence`, { code: '1', version: 0 })), cookies: commune }),
      400,
      'VALIDATION',
      before,
    );
    await refused(await app.inject({ method: 'POST', url: `${base(2028)}/evidence`, payload: { code: '1' }, cookies: commune }), 400, 'VALIDATION', before);
  });

  it('refuses another commune (403), a viewer (403), a locked assessment and a stale version (409)', async () => {
    const before = await countEvidenceRows(d.db);
    const other = await app.inject({
      ...(await evidenceUpload(`${base(2027, '01304')}/evidence`, { code: '1', version: 0 }, { name: 'a.pdf', content: pdfFile() })),
      cookies: commune,
    });
    await refused(other, 403, 'FORBIDDEN', before);
    await refused(await upload(2028, 'a.pdf', pdfFile(), { cookies: viewer }), 403, 'FORBIDDEN', before);
    // The demo's 2025 assessments are approved.
    const lockedVersion = await versionOf(2025, '01654', 'xa-ntm-2021-2025');
    const locked = await app.inject({
      ...(await evidenceUpload(
        `${base(2025, '01654', 'xa-ntm-2021-2025')}/evidence`,
        { code: '1', version: lockedVersion },
        { name: 'a.pdf', content: pdfFile() },
      )),
      cookies: commune,
    });
    await refused(locked, 409, 'LOCKED', before);
    const version = await versionOf(2027);
    await refused(await upload(2027, 'a.pdf', pdfFile(), { version: version - 1 }), 409, 'CONFLICT', before);
  });

  it('reuses the stored bytes of the same file in the same unit, and refuses attaching it twice to one code', async () => {
    const content = pdfFile();
    const first = (await upload(2029, 'Quyết định.pdf', content, { code: '1' })).json<{ evidence: { id: number } }>();
    const before = await countEvidenceRows(d.db);
    const second = await upload(2029, 'Quyết định.pdf', content, { code: '2' });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json<{ evidence: { id: number } }>().evidence.id).toBe(first.evidence.id);
    expect(await countEvidenceRows(d.db)).toEqual({ ...before, links: before.links + 1 });
    await refused(await upload(2029, 'Quyết định.pdf', content, { code: '2' }), 409, 'EVIDENCE_ATTACHED', { ...before, links: before.links + 1 });
  });

  it('removes a file from a code (the file stays for the history) with the version and scope checks', async () => {
    const up = (await upload(2030, 'Gỡ.pdf', pdfFile(), { code: '3' })).json<{ version: number; evidence: { id: number } }>();
    const url = (version: number, code = '3') => `${base(2030)}/evidence/${up.evidence.id}?code=${code}&version=${version}`;
    expectError(await app.inject({ method: 'DELETE', url: url(up.version - 1), cookies: commune }), 409, 'CONFLICT');
    expectError(await app.inject({ method: 'DELETE', url: url(up.version, '4'), cookies: commune }), 404, 'EVIDENCE_NOT_FOUND');
    expectError(await app.inject({ method: 'DELETE', url: url(up.version), cookies: viewer }), 403, 'FORBIDDEN');
    const res = await app.inject({ method: 'DELETE', url: url(up.version), cookies: commune });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: up.version + 1, evidence: { id: up.evidence.id, name: 'Gỡ.pdf' } });
    expectError(await app.inject({ method: 'DELETE', url: url(up.version + 1), cookies: commune }), 404, 'EVIDENCE_NOT_FOUND');
    expect((await app.inject({ url: `/api/evidence/${up.evidence.id}`, cookies: commune })).statusCode).toBe(200);
  });

  it('serves a file only to those who may see its unit', async () => {
    const up = (await upload(2030, 'Riêng.pdf', pdfFile(), { code: '5' })).json<{ evidence: { id: number } }>();
    expectError(await app.inject({ url: `/api/evidence/${up.evidence.id}`, cookies: otherCommune }), 403, 'FORBIDDEN');
    expectError(await app.inject({ url: `/api/evidence/${up.evidence.id}` }), 401, 'UNAUTHENTICATED');
    expect((await app.inject({ url: `/api/evidence/${up.evidence.id}`, cookies: viewer })).statusCode).toBe(200);
    expectError(await app.inject({ url: '/api/evidence/987654321', cookies: commune }), 404, 'EVIDENCE_NOT_FOUND');
    expectError(await app.inject({ url: '/api/evidence/abc', cookies: commune }), 400, 'VALIDATION');
  });
});
