import { hashKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { Outlet, getRouteApi, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { sessionQueryOptions } from '../../api/queries/session';
import { LoadingState } from '../../components/ui/loading-state';
import { AppHeader } from '../../features/session/components/app-header';

const route = getRouteApi('/_signed-in');

/**
 * Header and navigation around every signed-in page. Another tab of this browser may sign out or
 * in as someone else (they share the cookie): the session is re-read whenever this tab regains
 * focus, and if its user changed nothing of the previous user's stays on screen or in the cache.
 */
export function SignedInShell() {
  const { user } = route.useRouteContext();
  const navigate = route.useNavigate();
  const router = useRouter();
  const queryClient = useQueryClient();
  const session = useQuery({ ...sessionQueryOptions(), refetchOnWindowFocus: 'always' });
  const userChanged = session.isSuccess && session.data.user?.id !== user.id;

  useEffect(() => {
    if (!userChanged) return;
    const sessionHash = hashKey(sessionQueryOptions().queryKey);
    queryClient.removeQueries({ predicate: (query) => query.queryHash !== sessionHash });
    // Re-runs the sign-in guard: back to sign-in, or the new user's console.
    void router.invalidate();
  }, [userChanged, queryClient, router]);

  if (userChanged) return <LoadingState label="The signed-in user changed in another tab…" />;
  return (
    <>
      <AppHeader
        user={user}
        onSignedOut={() => void navigate({ to: '/sign-in', search: { reason: 'signed_out' } })}
      />
      <Outlet />
    </>
  );
}
