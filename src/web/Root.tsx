import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { setUnauthenticatedHandler } from './api/client.ts';
import { createQueryClient, keys } from './api/queries.ts';
import { createAppRouter } from './routes/tree.tsx';
import { LOGIN_PATH } from './routes/safeNext.ts';

/** Server state (TanStack Query) and the router. Ant Design is not here: only the staff area loads it. */
export function Root() {
  const [{ queryClient, router }] = useState(() => {
    const queryClient = createQueryClient();
    return { queryClient, router: createAppRouter(queryClient) };
  });

  useEffect(() => {
    // The session ended on the server (expired, logged out elsewhere): back to the login, then to this page.
    setUnauthenticatedHandler(() => {
      // Only for a user who was logged in: the start-up check of an anonymous visitor also answers 401.
      if (!queryClient.getQueryData(keys.me)) return;
      queryClient.setQueryData(keys.me, null);
      const here = router.state.location.href;
      void router.navigate({ to: LOGIN_PATH, search: { next: here }, replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient, router]);

  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
