import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import { useState } from 'react';
import { sessionQueryOptions } from '../api/queries/session';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

/**
 * The whole console: one QueryClient, one router. A 401 anywhere marks the session as ended; the
 * signed-in shell then returns to sign-in with a message (app/routes/shell.tsx).
 */
export function App({ history }: { history?: RouterHistory }) {
  const [{ queryClient, router }] = useState(() => {
    const client = createQueryClient({
      onUnauthenticated: () => {
        client.setQueryData(
          sessionQueryOptions().queryKey,
          (session) => session && { ...session, user: null },
        );
      },
    });
    return { queryClient: client, router: createAppRouter(client, history) };
  });
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
