/**
 * autocannon in its own process, so that the load generator does not share the server's event loop:
 * `cannon({ url, cookie, seconds, varyAsOf })`. With `varyAsOf`, every request asks for another date of the URL's
 * year (`asOf` cycling through more dates than the overview cache keeps), so that no answer comes from the cache.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

export interface CannonJob {
  url: string;
  cookie: string;
  seconds: number;
  connections: number;
  varyAsOf?: boolean;
}

export interface CannonResult {
  rps: number;
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
}

const self = new URL(import.meta.url).pathname;

export async function cannon(job: CannonJob): Promise<CannonResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', self, JSON.stringify(job)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as CannonResult;
}

/** Dates of `year` from 1 January, one per request, cycling after 300 (the cache keeps 64 keys). */
function dates(year: number): () => string {
  let n = 0;
  return () => new Date(Date.UTC(year, 0, 1 + (n++ % 300))).toISOString().slice(0, 10);
}

async function child(job: CannonJob): Promise<void> {
  const url = new URL(job.url);
  const nextDate = dates(Number(url.searchParams.get('year') ?? new Date().getUTCFullYear()));
  const r = await autocannon({
    url: url.origin,
    connections: job.connections,
    duration: job.seconds,
    headers: { cookie: job.cookie },
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          if (!job.varyAsOf) return { ...req, path: url.pathname + url.search };
          const u = new URL(url);
          u.searchParams.set('asOf', nextDate());
          return { ...req, path: u.pathname + u.search };
        },
      },
    ],
  });
  const out: CannonResult = { rps: r.requests.average, requests: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) await child(JSON.parse(process.argv[2]!) as CannonJob);
