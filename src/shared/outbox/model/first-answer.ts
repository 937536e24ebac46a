import type { StoreApi } from 'zustand/vanilla';
import { isQueued, type Outbox } from './outbox';
import type { OutboxEntry } from './outbox-entry';

/**
 * Whether the entry is on its way: not tried yet, or in its first attempt, with nothing ahead of
 * it waiting to be tried again (which holds it back until then).
 */
const isOnItsWay = (entries: readonly OutboxEntry[], entry: OutboxEntry) =>
  entry.state === 'sending' &&
  !entries.some((o) => isQueued(o) && o.state !== 'sending' && o.madeAt < entry.madeAt);

/** How long a first answer is waited for: a request that hangs is then taken as no answer. */
export const FIRST_ANSWER_WAIT_MS = 30_000;

/**
 * The first answer to the decision on the item that is on its way in `outbox`: true once the
 * outbox lets go of that entry (recorded; or another user signed in here, whose it is not), false
 * once it stays (to be tried again, refused, taken back, or held back behind an earlier decision
 * waiting for its retry) or no answer came within `waitMs`. Null when none is on its way.
 */
export function firstAnswer(
  outbox: Pick<StoreApi<Outbox>, 'getState' | 'subscribe'>,
  itemId: string,
  waitMs = FIRST_ANSWER_WAIT_MS,
): Promise<boolean> | null {
  const { entries } = outbox.getState();
  const decision = entries.findLast((e) => e.itemId === itemId && isOnItsWay(entries, e));
  if (!decision) return null;
  return new Promise((resolve) => {
    const stop = outbox.subscribe((state) => {
      const entry = state.entries.find((e) => e.key === decision.key);
      if (entry === undefined) settle(true);
      else if (!isOnItsWay(state.entries, entry)) settle(false);
    });
    const timer = setTimeout(() => settle(false), waitMs);
    function settle(recorded: boolean) {
      clearTimeout(timer);
      stop();
      resolve(recorded);
    }
  });
}
