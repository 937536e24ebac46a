import { Link } from '@tanstack/react-router';
import type { User } from '../../../api/schemas/user';
import { Button } from '../../../components/ui/button';
import { useSignOut } from '../api/sign-out';
import { useSignOutEverywhere } from '../api/sign-out-everywhere';
import { navigationFor, roleLabels } from '../model/navigation';

/**
 * The console's header: navigation, who is signed in, and signing out — of this browser, or of
 * every browser the user is signed in on (a shared or lost machine).
 */
export function AppHeader({
  user,
  onSignedOut,
}: {
  user: User;
  onSignedOut: (reason: 'signed_out' | 'signed_out_everywhere') => void;
}) {
  const signOut = useSignOut();
  const signOutEverywhere = useSignOutEverywhere();
  const pending = signOut.isPending || signOutEverywhere.isPending;
  const failed = signOut.error ?? signOutEverywhere.error;
  return (
    <header className="flex items-center gap-6 border-b border-slate-200 bg-white px-6 py-3">
      <span className="text-lg font-semibold tracking-tight">Verity</span>
      <nav aria-label="Main">
        <ul className="flex gap-1">
          {navigationFor(user.role).map((entry) => (
            <li key={entry.to}>
              <Link
                to={entry.to}
                className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
                activeProps={{
                  className: 'bg-slate-100 font-semibold text-slate-900',
                  'aria-current': 'page',
                }}
              >
                {entry.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="ml-auto flex items-center gap-3 text-sm">
        <span>
          <span className="font-medium">{user.name}</span>{' '}
          <span className="text-slate-600">({roleLabels[user.role]})</span>
        </span>
        <Button
          variant="quiet"
          disabled={pending}
          onClick={() => signOut.mutate(undefined, { onSuccess: () => onSignedOut('signed_out') })}
        >
          Sign out
        </Button>
        <Button
          variant="quiet"
          disabled={pending}
          onClick={() =>
            signOutEverywhere.mutate(undefined, {
              onSuccess: () => onSignedOut('signed_out_everywhere'),
            })
          }
        >
          Sign out everywhere
        </Button>
      </div>
      {failed && (
        <p role="alert" className="text-sm text-red-800">
          Could not sign out: {failed.message}
        </p>
      )}
    </header>
  );
}
