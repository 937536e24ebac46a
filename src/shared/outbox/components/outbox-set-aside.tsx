import { useCallback, useSyncExternalStore } from 'react';
import { countSetAside, subscribeSetAside } from '../model/outbox-storage';

/**
 * Says how many of the signed-in reviewer's stored decisions could not be read (corrupt, or of a
 * shape this console does not know) and were kept aside, unsent, rather than dropped. Shown beside
 * the outbox while any are kept aside.
 */
export function OutboxSetAside({ userId }: { userId: string }) {
  const count = useSyncExternalStore(
    subscribeSetAside,
    useCallback(() => countSetAside(userId), [userId]),
  );
  if (count === 0) return null;
  return (
    <p role="alert" className="mx-4 mt-2 text-sm text-amber-900">
      {count} stored decision{count === 1 ? '' : 's'} could not be read and{' '}
      {count === 1 ? 'was' : 'were'} kept aside: not sent, and kept in this browser’s storage
      (verity.outbox-unreadable:).
    </p>
  );
}
