import { Outlet } from '@tanstack/react-router';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { ErrorState } from '../../components/ui/error-state';

export function RootLayout() {
  return (
    <div className="min-h-screen">
      <Outlet />
    </div>
  );
}

/** A route that throws shows what failed, not a blank page; the rest of the console stays usable. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  return (
    <div className="p-6">
      <ErrorState
        title="This page failed to load"
        error={error instanceof Error ? error : new Error(String(error))}
        onRetry={reset}
      />
    </div>
  );
}
