/**
 * An error answered by the API (`{ error: { code, message, details } }`) or a network failure (code NETWORK).
 * `details` says where the problem is: the form field, or the file, path, sheet, row and column of a bad import.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/** Called when the server says the session is gone, so the app can return to the login page. */
let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

/** The ApiError for a refused request; a lost session also sends the app back to the login page. */
function refusal(status: number, body: ErrorBody): ApiError {
  const code = body.error?.code ?? `HTTP_${status}`;
  if (status === 401 && code === 'UNAUTHENTICATED') onUnauthenticated?.();
  const details = body.error?.details;
  return new ApiError(code, body.error?.message ?? '', status, details && typeof details === 'object' ? (details as Record<string, unknown>) : {});
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
  if (!res.ok) throw refusal(res.status, body);
  return body;
}

/**
 * POSTs a form (files as multipart/form-data, the browser sets the boundary) and reports how much of the body has
 * been sent (0–1), which fetch cannot do: a criteria workbook takes a while on a commune's connection.
 */
export function apiPostWithProgress<T>(path: string, body: FormData, onProgress: (sent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      let parsed: T & ErrorBody;
      try {
        parsed = JSON.parse(xhr.responseText) as T & ErrorBody;
      } catch {
        parsed = {} as T & ErrorBody;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed);
      else reject(refusal(xhr.status, parsed));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', '', 0));
    xhr.send(body);
  });
}

/** Builds `path?k=v` from the defined values only. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
