/**
 * The releases this window owes, one per item it left, so that holding an item again never races
 * its own release. A release and a later claim of the same item go out as separate requests, and
 * the server may handle the claim first: the release would then end the newer hold, while the
 * window shows the item as held. So a claim of an item whose release is still due cancels it (the
 * claim keeps the lease), and one whose release is on its way waits for that answer first.
 */
export interface ReleaseLine {
  /**
   * Sends `send` once `due` resolves true (false: the hold has ended by itself), unless a claim of
   * the same `key` comes first. A failure is dropped: a lease left behind lapses by itself.
   */
  release: (key: string, due: () => Promise<boolean>, send: () => Promise<unknown>) => void;
  /**
   * Before a claim of `key`: the answer to its release on its way, to wait for; or null, when the
   * claim may go out now (nothing owed, or a release still due, which this cancels).
   */
  releaseBeforeClaim: (key: string) => Promise<void> | null;
}

interface OwedRelease {
  sent: boolean;
  cancelled: boolean;
  answered: Promise<void>;
}

export function createReleaseLine(): ReleaseLine {
  const owed = new Map<string, OwedRelease>();
  return {
    release: (key, due, send) => {
      const release: OwedRelease = { sent: false, cancelled: false, answered: Promise.resolve() };
      const earlier = owed.get(key);
      if (earlier && !earlier.sent) earlier.cancelled = true; // one release of an item at a time
      owed.set(key, release);
      release.answered = (async () => {
        try {
          if (!(await due()) || release.cancelled) return;
          release.sent = true;
          await send();
        } catch {
          // Not sent, or no answer: the lease lapses by itself.
        } finally {
          if (owed.get(key) === release) owed.delete(key);
        }
      })();
    },
    releaseBeforeClaim: (key) => {
      const release = owed.get(key);
      if (!release) return null;
      if (release.sent) return release.answered;
      release.cancelled = true;
      owed.delete(key);
      return null;
    },
  };
}
