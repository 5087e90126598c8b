import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { statusFor } from '../errors.ts';
import type { ImportReport, ProgressLine } from './schema.ts';
import type { Progress } from './import.ts';

/** Whether the client asked for the progress stream rather than one JSON answer. */
export function wantsProgress(req: FastifyRequest): boolean {
  return (req.headers.accept ?? '').includes('application/x-ndjson');
}

/**
 * Answers with one JSON line per stage (`reading`, `checking` with done/total, `saving`), then `done` with the
 * report or `error` with the status and error body the plain request would have got. Progress travels on the
 * upload's own connection, so it works behind any number of app servers without shared state or sticky sessions.
 */
export function streamProgress(req: FastifyRequest, reply: FastifyReply, run: (progress: Progress) => Promise<ImportReport>): FastifyReply {
  const out = new PassThrough();
  const send = (line: ProgressLine) => out.write(`${JSON.stringify(line)}\n`);
  void reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('cache-control', 'no-cache').header('x-accel-buffering', 'no');
  send({ stage: 'received' });
  let last = 0;
  const progress: Progress = (stage, done, total) => {
    // At most a few lines a second: a province workbook has hundreds of sheets.
    const now = Date.now();
    if (stage === 'checking' && done !== 0 && now - last < 200) return;
    last = now;
    send({ stage, ...(done !== undefined ? { done } : {}), ...(total !== undefined ? { total } : {}) });
  };
  run(progress)
    .then((report) => send({ stage: 'done', report }))
    .catch((e: unknown) => {
      if (e instanceof DomainError)
        send({ stage: 'error', status: statusFor(e.code), error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } });
      else {
        req.log.error(e);
        send({ stage: 'error', status: 500, error: { code: 'INTERNAL', message: 'Lỗi máy chủ khi nạp phiếu; không có gì được lưu' } });
      }
    })
    .finally(() => out.end());
  return reply.send(out);
}
