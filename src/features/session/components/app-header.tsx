import { Link } from '@tanstack/react-router';
import type { User } from '../../../api/schemas/user';
import { Button } from '../../../components/ui/button';
import { useSignOut } from '../api/sign-out';
import { navigationFor, roleLabels } from '../model/navigation';

export function AppHeader({ user, onSignedOut }: { user: User; onSignedOut: () => void }) {
  const signOut = useSignOut();
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
          disabled={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onSuccess: onSignedOut })}
        >
          Sign out
        </Button>
      </div>
      {signOut.isError && (
        <p role="alert" className="text-sm text-red-800">
          Could not sign out: {signOut.error.message}
        </p>
      )}
    </header>
  );
}
