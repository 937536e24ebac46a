import { getRouteApi } from '@tanstack/react-router';
import { SignInPage } from '../../features/session/public';

const route = getRouteApi('/sign-in');

const base = 'https://console.invalid';

/**
 * Only a path on this console is a place to return to after sign-in: the target is resolved as a
 * browser would (which reads a backslash as a slash) and refused unless it stays on the same origin.
 */
export function safeRedirect(target: string | undefined): string {
  if (target === undefined || !target.startsWith('/')) return '/';
  const url = new URL(target, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
}

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
