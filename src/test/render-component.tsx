import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  RouterProvider,
  createMemoryHistory,
  createRootRoute,
  createRouter,
} from '@tanstack/react-router';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import '../api/query-error-type';

/**
 * One component (not the whole console) against the MSW backend: a fresh QueryClient that does
 * not retry, and a router at `/` for the links the component draws. The caller signs in first;
 * what it sees is found with `findBy…` (the router renders after its first load).
 */
export function renderComponent(ui: ReactNode) {
  const user = userEvent.setup();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
    // jsdom cannot scroll: nothing to restore or reset.
    scrollRestoration: () => false,
  });
  return {
    user,
    queryClient,
    ...render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
  };
}
