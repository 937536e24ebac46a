import { isApiError, type ApiError } from '../../../api/api-error';
import type { Lease } from '../../../api/schemas/item';
import type { Clock } from '../../../lib/clock';
import type { PageEvents } from '../../../lib/page-events';
import { heldElsewhere } from './holder';

export type ClaimState =
  | { kind: 'idle' }
  | { kind: 'claiming' }
  | { kind: 'held'; lease: Lease }
  /**
   * Held, until the lease ran out while it could not be renewed (`error`: the last failure, or
   * null when the renewal was still on its way). Renewals go on; a decision made meanwhile waits
   * in the outbox and is refused if someone else decided the item first.
   */
  | { kind: 'lapsed'; lease: Lease; error: ApiError | null }
  /** The caller holds it in another tab or browser: `takeOver` moves it here. */
  | { kind: 'elsewhere' }
  /** No answer from the server: tried again with a backoff, and at once when back online. */
  | { kind: 'offline' }
  | { kind: 'refused'; error: ApiError };

/** The item as the server answers a claim: its lease is this window's when the claim succeeds. */
interface Claimed {
  lease: Lease | null;
}

/** The server as the claim uses it, for one item. Each call throws an `ApiError` when it fails. */
export interface LeaseServer<Item extends Claimed> {
  /** Claims or renews the item in this window; `takeOver` moves the caller's lease here. */
  claim: (takeOver: boolean) => Promise<Item>;
  release: () => Promise<unknown>;
  /** The item's lease as the server has it now. */
  currentLease: () => Promise<Lease | null>;
}

export interface ClaimLeaseDeps<Item extends Claimed> {
  userId: string;
  windowId: string;
  /** The item's lease as last read, when the claim starts: the caller's in another window waits. */
  knownLease: () => Lease | null;
  server: LeaseServer<Item>;
  clock: Clock;
  page: Pick<PageEvents, 'on' | 'isVisible'>;
  /**
   * When the reviewer's decision on the item is on its way from this browser: its first answer,
   * true if the server recorded it (which ends the hold). Null when no decision is on its way.
   */
  decisionOnItsWay: () => Promise<boolean> | null;
  /**
   * This window's releases of this item (`release-line.ts`, bound to it): a claim cancels the
   * release of an earlier hold still due, or waits for the answer to one on its way (at most
   * RELEASE_WAIT_MS).
   */
  releases: {
    release: (due: () => Promise<boolean>, send: () => Promise<unknown>) => void;
    releaseBeforeClaim: () => Promise<void> | null;
  };
  /** Runs the task once the item is on screen (the console: after the next paint); its cancel. */
  afterPaint: (task: () => void) => () => void;
  onChange: (state: ClaimState) => void;
  told: {
    /** The server answered a claim with the item, holding its lease. */
    claimed: (item: Item) => void;
    /** The caller holds it in another window: the item, read again, says which and until when. */
    heldElsewhere: () => void;
  };
}

/** The longest a claim waits for the answer to the item's release before it goes out anyway. */
export const RELEASE_WAIT_MS = 5_000;

/** Coming back to the window renews the lease at once, but not more often than this. */
export const RETURN_RENEWAL_MS = 5_000;

/** The wait before the next claim after the n-th failure in a row (0-based): 2 s, 4 s … 30 s. */
export const claimRetryDelay = (failures: number) => Math.min(30_000, 2_000 * 2 ** failures);

/**
 * Holds an item open for decision in this window: claimed once it is on screen, renewed at half
 * its lease and when the window comes back into view, released on `stop`. No answer or a 5xx is
 * tried again with a backoff (at once when the network is back); a lease that runs out meanwhile
 * is reported `lapsed`. A refusal ends it. When the caller holds it in another window (the lease
 * as last read, or the server's `held_elsewhere`) it claims nothing until `takeOver`.
 */
export function startClaimLease<Item extends Claimed>(deps: ClaimLeaseDeps<Item>) {
  const { userId, windowId, server, clock, page, onChange, told } = deps;
  let active = true;
  let claimed = false;
  let elsewhere = false;
  let lastClaim = 0;
  let failures = 0;
  let lastFailure: ApiError | null = null;
  let state: ClaimState = { kind: 'claiming' };
  let renewal: number | undefined;
  let expiry: number | undefined;
  /** The claim on its way, if any: a release waits for its answer, so as not to overtake it. */
  let onItsWay: Promise<unknown> = Promise.resolve();
  const set = (next: ClaimState) => {
    state = next;
    onChange(next);
  };
  const endLease = () => clock.clearTimeout(expiry);
  const showElsewhere = () => {
    elsewhere = true;
    endLease();
    set({ kind: 'elsewhere' });
  };
  const renewIn = (ms: number) => {
    clock.clearTimeout(renewal);
    renewal = clock.setTimeout(() => void claim(), ms);
  };
  const lapse = () => {
    if (state.kind === 'held') set({ kind: 'lapsed', lease: state.lease, error: lastFailure });
  };

  const claim = async (takeOver = false) => {
    clock.clearTimeout(renewal);
    claimed = true;
    lastClaim = clock.now();
    try {
      const releasing = deps.releases.releaseBeforeClaim();
      if (releasing) {
        // A release that gets no answer holds the claim back for a few seconds at most.
        let gaveUp: number | undefined;
        await Promise.race([
          releasing,
          new Promise<void>((resolve) => (gaveUp = clock.setTimeout(resolve, RELEASE_WAIT_MS))),
        ]);
        clock.clearTimeout(gaveUp);
        if (!active) return;
      }
      const sent = server.claim(takeOver);
      onItsWay = sent.catch(() => undefined);
      const item = await sent;
      if (!active || !item.lease) return;
      const expiresAt = Date.parse(item.lease.expiresAt);
      elsewhere = false;
      failures = 0;
      lastFailure = null;
      set({ kind: 'held', lease: item.lease });
      told.claimed(item);
      renewIn(Math.max(2_000, (expiresAt - clock.now()) / 2));
      endLease();
      expiry = clock.setTimeout(lapse, expiresAt - clock.now());
    } catch (error) {
      if (!active || !isApiError(error)) return;
      if (error.status === 0 || error.status >= 500) {
        // Try again soon. A lease held stays shown until it runs out; a new claim cannot start.
        renewIn(claimRetryDelay(failures++));
        lastFailure = error;
        if (state.kind === 'lapsed') set({ ...state, error });
        else if (state.kind !== 'held' && error.status === 0) set({ kind: 'offline' });
      } else if (error.code === 'held_elsewhere') {
        showElsewhere();
        told.heldElsewhere();
      } else {
        endLease();
        set({ kind: 'refused', error });
      }
    }
  };

  /** Claims unless the item, as last read, is the caller's in another window. */
  const claimUnlessElsewhere = (lease: Lease | null) => {
    if (heldElsewhere(lease, userId, windowId, new Date(clock.now()))) showElsewhere();
    else void claim();
  };
  // Back in view: renew at once, so a lease taken over meanwhile shows as such; a lease the
  // other window let go of meanwhile is taken here.
  const onReturn = () => {
    if (!claimed || !page.isVisible()) return;
    if (clock.now() - lastClaim < RETURN_RENEWAL_MS) return;
    lastClaim = clock.now();
    if (!elsewhere) return void claim();
    server
      .currentLease()
      .then((lease) => active && elsewhere && claimUnlessElsewhere(lease))
      .catch(() => undefined);
  };
  const onOnline = () => {
    if (claimed && failures > 0 && !elsewhere) void claim();
  };
  const unsubscribe = [
    page.on('focus', onReturn),
    page.on('visible', onReturn),
    page.on('online', onOnline),
  ];
  const cancelClaim = deps.afterPaint(() => {
    claimed = true;
    claimUnlessElsewhere(deps.knownLease());
  });

  return {
    takeOver: () => void claim(true),
    stop: () => {
      active = false;
      cancelClaim();
      clock.clearTimeout(renewal);
      endLease();
      for (const off of unsubscribe) off();
      // A lease left behind lapses by itself; an item skimmed past was never claimed. The
      // release names this window: a lease taken over by another stays there. It waits for the
      // answer to the claim on its way and to a decision on its way (sent beside it, it could
      // reach the server first and free the item for another reviewer's claim), and is not sent
      // once the decision ended the hold, or once this window claims the item again.
      if (claimed && !elsewhere)
        deps.afterPaint(() => {
          const decision = deps.decisionOnItsWay() ?? Promise.resolve(false);
          deps.releases.release(async () => {
            await onItsWay;
            return !(await decision);
          }, server.release);
        });
    },
  };
}
