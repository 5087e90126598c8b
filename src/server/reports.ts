import type { FastifyReply } from 'fastify';
import type { ReportFormat } from '../reports/task.ts';
import { contentDisposition } from './evidence/download.ts';

const TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Sends a written report as an attachment named `<name>.<format>`, never cached by a shared cache. */
export function sendReport(reply: FastifyReply, bytes: Buffer, format: ReportFormat, name: string): FastifyReply {
  return reply
    .header('content-type', TYPES[format])
    .header('content-disposition', contentDisposition(`${name}.${format}`))
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
