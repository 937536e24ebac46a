import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Outlet, getRouteApi, useRouter } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { setActingUser } from '../../api/acting-user';
import { forgetUserData, sessionQueryOptions } from '../../api/endpoints/session.queries';
import { LoadingState } from '../../components/ui/loading-state';
import { AppHeader } from '../../features/session/public';
import { DecisionOutbox } from '../../shared/outbox/components/decision-outbox';
import { OutboxSetAside } from '../../shared/outbox/components/outbox-set-aside';
import { canDecide } from '../../features/triage/public';
import { noteSignIn } from '../../shared/wellness-state/model/sign-in-time';
import type { SignInReason } from '../../features/session/public';

const route = getRouteApi('/_signed-in');

/**
 * Header and navigation around every signed-in page, and the one place that leaves them when the
 * session ends: on a 401 from any call (the QueryClient then re-reads the session, which says why
 * it ended), or when another tab of this browser signs out or in as someone else (tabs share the
 * cookie; the session is re-read whenever this tab regains focus). Nothing of the previous user's
 * stays on screen or in the cache; a session that ended under the user brings them back here
 * after signing in again.
 */
export function SignedInShell() {
  const { user } = route.useRouteContext();
  // Every change this tab asks for is made for the user it shows (checked by the server).
  setActingUser(user.id);
  const navigate = route.useNavigate();
  const router = useRouter();
  const queryClient = useQueryClient();
  const signedOutHere = useRef<SignInReason | null>(null);
  const session = useQuery({ ...sessionQueryOptions(), refetchOnWindowFocus: 'always' });
  const current = session.isSuccess ? session.data.user : user;
  const userChanged = current?.id !== user.id;
  // The wellness exposure budget's shift runs from here: the sign-in, or the load that found it.
  useEffect(() => noteSignIn(user.id, Date.now()), [user.id]);
  const signedOut = current === null;

  useEffect(() => {
    if (!userChanged) return;
    forgetUserData(queryClient);
    if (signedOut) {
      const reason = signedOutHere.current;
      void navigate({
        to: '/sign-in',
        search: reason ? { reason } : { reason: 'expired', redirect: router.state.location.href },
      });
    }
    // Someone else signed in: re-run the guard to load their console.
    else void router.invalidate();
  }, [userChanged, signedOut, queryClient, router, navigate]);

  if (userChanged) return <LoadingState label="The signed-in user changed in another tab…" />;
  return (
    <>
      <AppHeader
        user={user}
        onSignedOut={(reason) => {
          signedOutHere.current = reason;
        }}
      />
      {canDecide(user.role) && <DecisionOutbox userId={user.id} />}
      {canDecide(user.role) && <OutboxSetAside userId={user.id} />}
      <Outlet />
    </>
  );
}
