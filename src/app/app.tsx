import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import { useState } from 'react';
import { sessionQueryOptions } from '../api/queries/session';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

/** The whole console: one QueryClient, one router. A 401 anywhere returns to sign-in. */
export function App({ history }: { history?: RouterHistory }) {
  const [{ queryClient, router }] = useState(() => {
    const client = createQueryClient({
      onUnauthenticated: () => {
        client.setQueryData(
          sessionQueryOptions().queryKey,
          (session) => session && { ...session, user: null },
        );
        if (appRouter.state.location.pathname !== '/sign-in') {
          void appRouter.navigate({ to: '/sign-in', search: { reason: 'expired' } });
        }
      },
    });
    const appRouter = createAppRouter(client, history);
    return { queryClient: client, router: appRouter };
  });
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
