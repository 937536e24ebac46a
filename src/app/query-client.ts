import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';

/** Network failures and 5xx may pass on retry; client errors (4xx) and malformed answers will not. */
export const shouldRetry = (failureCount: number, error: unknown) =>
  failureCount < 2 &&
  !(
    isApiError(error) &&
    ((error.status >= 400 && error.status < 500) || error.code === 'malformed_response')
  );

/**
 * The console's QueryClient. A 401 from any query or mutation calls `onUnauthenticated`, which the
 * app wires to "back to sign-in with a message"; a `maker_mismatch` (this tab acted for a user
 * who is no longer the one signed in here) calls `onSessionChanged`, which re-reads who is.
 */
export function createQueryClient({
  onUnauthenticated,
  onSessionChanged,
}: {
  onUnauthenticated: () => void;
  onSessionChanged: () => void;
}) {
  const onError = (error: unknown) => {
    if (!isApiError(error)) return;
    if (error.status === 401) onUnauthenticated();
    else if (error.code === 'maker_mismatch') onSessionChanged();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
