import { useCallback, useEffect, useState } from 'react';
import { apiFetch, ApiError } from './client.ts';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** GETs a JSON resource, re-fetching when the path changes; a null path fetches nothing. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [nonce, setNonce] = useState(0);
  const key = path === null ? null : `${nonce} ${path}`;
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError }>({ key: null });

  useEffect(() => {
    if (!path || !key) return;
    const ctrl = new AbortController();
    apiFetch<T>(path, { signal: ctrl.signal })
      .then((data) => setState({ key, data }))
      .catch((e: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({ key, error: e instanceof ApiError ? e : new ApiError('NETWORK', '', 0) });
      });
    return () => ctrl.abort();
  }, [path, key]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = state.key === key;
  return {
    // The previous data stays on screen while the next loads, so tables do not jump.
    data: state.data,
    error: current ? state.error : undefined,
    loading: key !== null && !current,
    reload,
  };
}
