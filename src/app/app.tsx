import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import { useState } from 'react';
import { sessionQueryOptions } from '../api/endpoints/session.queries';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

/**
 * The whole console: one QueryClient, one router. A 401 anywhere re-reads the session, which then
 * names nobody and says why the session ended (idle, its lifetime, signed out everywhere); should
 * that read fail, the session is taken as ended all the same. The signed-in shell then returns to
 * sign-in with the reason (app/routes/shell.tsx).
 */
export function App({ history }: { history?: RouterHistory }) {
  const [{ queryClient, router }] = useState(() => {
    const { queryKey } = sessionQueryOptions();
    const rereadSession = async () => {
      await client.refetchQueries({ queryKey }, { cancelRefetch: false });
      if (client.getQueryState(queryKey)?.status === 'error')
        client.setQueryData(queryKey, (session) => session && { ...session, user: null });
    };
    const client = createQueryClient({
      onUnauthenticated: () => void rereadSession(),
      onSessionChanged: () => void client.refetchQueries({ queryKey }),
    });
    return { queryClient: client, router: createAppRouter(client, history) };
  });
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
