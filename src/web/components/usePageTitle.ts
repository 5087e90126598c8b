import { useEffect } from 'react';

/** Sets the browser tab title ("Tổng quan · Chung Sức"), which screen readers announce on navigation. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Chung Sức` : 'Chung Sức';
  }, [title]);
}
