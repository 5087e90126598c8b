/** An error answered by the API (`{ error: { code, message } }`) or a network failure (code NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string };
}

/** Called when the server says the session is gone, so the app can return to the login page. */
let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

/** Fetches JSON from the API with the session cookie; throws ApiError with the server's Vietnamese message. */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('NETWORK', '', 0);
  }
  const body = (await res.json().catch(() => ({}))) as T & ErrorBody;
  if (!res.ok) {
    const code = body.error?.code ?? `HTTP_${res.status}`;
    if (res.status === 401 && code === 'UNAUTHENTICATED') onUnauthenticated?.();
    throw new ApiError(code, body.error?.message ?? '', res.status);
  }
  return body;
}

/** Builds `path?k=v` from the defined values only. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
