import { getRouteApi } from '@tanstack/react-router';
import { SignInPage } from '../../features/session/components/sign-in-page';

const route = getRouteApi('/sign-in');

/** Only a same-origin path is a valid place to return to after sign-in. */
export const safeRedirect = (target: string | undefined) =>
  target !== undefined && target.startsWith('/') && !target.startsWith('//') ? target : '/';

export function SignInRoute() {
  const { reason, redirect } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <SignInPage
      reason={reason}
      onSignedIn={() => void navigate({ to: safeRedirect(redirect), replace: true })}
    />
  );
}
