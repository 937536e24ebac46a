import { useQuery } from '@tanstack/react-query';
import { sessionQueryOptions } from '../../../api/endpoints/session.queries';
import { Button } from '../../../components/ui/button';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useSignIn } from '../api/sign-in';
import { roleLabels } from '../model/navigation';
import { signInMessage, type SignInReason } from '../model/sign-in-reason';

export function SignInPage({
  reason,
  onSignedIn,
}: {
  reason?: SignInReason | undefined;
  onSignedIn: () => void;
}) {
  const session = useQuery(sessionQueryOptions());
  const signIn = useSignIn();
  const message = signInMessage(reason, session.data?.ended);

  return (
    <main className="mx-auto mt-16 max-w-md rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">Sign in to Verity</h1>
      {message && (
        <p role="status" className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {message}
        </p>
      )}
      {session.isPending && <LoadingState label="Loading sign-in options…" />}
      {session.isError && (
        <div className="mt-4">
          <ErrorState
            title="Could not load sign-in options"
            error={session.error}
            onRetry={() => void session.refetch()}
          />
        </div>
      )}
      {session.isSuccess && session.data.demoUsers.length === 0 && (
        <p className="mt-4 text-sm">
          This deployment signs in through your organisation’s identity provider.
        </p>
      )}
      {session.isSuccess && session.data.demoUsers.length > 0 && (
        <section aria-labelledby="demo-users" className="mt-6">
          <h2 id="demo-users" className="text-sm font-medium text-slate-600">
            Demo users
          </h2>
          <ul className="mt-2 space-y-2">
            {session.data.demoUsers.map((user) => (
              <li key={user.id}>
                <Button
                  className="w-full justify-between"
                  disabled={signIn.isPending}
                  onClick={() => signIn.mutate(user.id, { onSuccess: onSignedIn })}
                >
                  <span>{user.name}</span>
                  <span className="text-slate-600">{roleLabels[user.role]}</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {signIn.isError && (
        <div className="mt-4">
          <ErrorState title="Sign-in failed" error={signIn.error} />
        </div>
      )}
    </main>
  );
}
