import { useSyncExternalStore } from 'react';

const QUERY = '(min-width: 768px)';

function subscribe(fn: () => void): () => void {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', fn);
  return () => mq.removeEventListener('change', fn);
}

/** Whether the screen is tablet-wide or more (phones get fewer columns). */
export function useWide(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
