import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface Transfer {
  url: string;
  bytes: number;
  encoding: string | null;
}

/**
 * Counts what Chromium actually received (headers and compressed body: `encodedDataLength` of
 * Network.loadingFinished), with the browser cache off, so every figure is a first visit.
 */
export async function recordTransfers(context: BrowserContext, page: Page): Promise<{ cdp: CDPSession; transfers: Transfer[] }> {
  const cdp = await context.newCDPSession(page);
  const urls = new Map<string, { url: string; encoding: string | null }>();
  const transfers: Transfer[] = [];
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    urls.set(e.requestId, { url: e.response.url, encoding: headers['content-encoding'] ?? null });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = urls.get(e.requestId);
    transfers.push({ url: r?.url ?? e.requestId, encoding: r?.encoding ?? null, bytes: e.encodedDataLength });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { cdp, transfers };
}

export const totalBytes = (t: Transfer[]): number => t.reduce((s, x) => s + x.bytes, 0);

/** One line per response, largest first, for a failure message. */
export function describeTransfers(t: Transfer[]): string {
  return [...t]
    .sort((a, b) => b.bytes - a.bytes)
    .map((x) => `${String(x.bytes).padStart(8)} ${x.encoding ?? 'identity'} ${new URL(x.url).pathname}`)
    .join('\n');
}
