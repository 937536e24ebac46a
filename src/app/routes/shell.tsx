import { Outlet, getRouteApi } from '@tanstack/react-router';
import { AppHeader } from '../../features/session/components/app-header';

const route = getRouteApi('/_signed-in');

/** Header and navigation around every signed-in page. */
export function SignedInShell() {
  const { user } = route.useRouteContext();
  const navigate = route.useNavigate();
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
