import { isApiError, type ApiError } from '../../../api/api-error';
import type { RevealEnd, RevealGrant } from '../../../api/schemas/decision';
import type { Clock } from '../../../lib/clock';
import type { PageEvents } from '../../../lib/page-events';

export type RevealState =
  | { kind: 'blurred'; error?: ApiError }
  | { kind: 'revealing' }
  | { kind: 'revealed'; grant: RevealGrant; startedAt: number; endsAt: number };

export type RevealEndReason = RevealEnd['reason'];

/** The server as a reveal uses it, for one item. Each call throws an `ApiError` when it fails. */
export interface RevealServer {
  /** A single-use URL of the unblurred media, granted on the record. */
  grant: () => Promise<RevealGrant>;
  /** Reports a reveal's end, so its duration is on the record. */
  reportEnd: (revealId: string, reason: RevealEndReason) => Promise<unknown>;
}

export interface RevealDeps {
  server: RevealServer;
  clock: Clock;
  page: Pick<PageEvents, 'on'>;
  /** Why the preview went away: the idle lock hid it, or another item replaced it. */
  leaveReason: () => RevealEndReason;
  told: {
    /** The server granted a reveal (it counts, seen or not). */
    granted: () => void;
    /** The media was blurred again after showing `revealedMs`, at `at`. */
    ended: (revealedMs: number, at: number) => void;
    /** The server has a reveal's end on the record. */
    endRecorded: () => void;
  };
}

/**
 * One item's preview, revealed deliberately: one grant at a time, its single-use URL shown for at
 * most the re-blur seconds asked, then gone. It blurs again on time, when the window loses focus,
 * when the tab is hidden, when asked, and when the preview goes away (`attach`'s cleanup); each
 * reveal ends once, and its end is reported (a lost report leaves the reveal open on the record,
 * counted up to the re-blur time, never the media). A reveal granted after the preview went away
 * ends unseen.
 */
export function createRevealSession(deps: RevealDeps) {
  const { server, clock, page, told } = deps;
  let state: RevealState = { kind: 'blurred' };
  let attached = false;
  let timer: number | undefined;
  let unwatch: (() => void)[] = [];
  const listeners = new Set<() => void>();
  const set = (next: RevealState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const report = (revealId: string, reason: RevealEndReason) =>
    void server.reportEnd(revealId, reason).then(told.endRecorded, () => undefined);

  function end(reason: RevealEndReason) {
    if (state.kind !== 'revealed') return;
    const { grant, startedAt } = state;
    clock.clearTimeout(timer);
    for (const off of unwatch) off();
    unwatch = [];
    set({ kind: 'blurred' });
    const now = clock.now();
    told.ended(now - startedAt, now);
    report(grant.revealId, reason);
  }

  async function reveal(reblurSeconds: number) {
    if (state.kind !== 'blurred') return; // one at a time
    set({ kind: 'revealing' });
    let grant: RevealGrant;
    try {
      grant = await server.grant();
    } catch (error) {
      return set(isApiError(error) ? { kind: 'blurred', error } : { kind: 'blurred' });
    }
    told.granted();
    if (!attached) {
      set({ kind: 'blurred' });
      return report(grant.revealId, deps.leaveReason());
    }
    const startedAt = clock.now();
    const endsAt = startedAt + reblurSeconds * 1000;
    set({ kind: 'revealed', grant, startedAt, endsAt });
    timer = clock.setTimeout(() => end('timeout'), endsAt - startedAt);
    unwatch = [page.on('blur', () => end('window_blur')), page.on('hidden', () => end('hidden'))];
  }

  return {
    getState: () => state,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    reveal,
    /** The reviewer blurs it again. */
    end: () => end('manual'),
    /** The preview is on screen; the returned cleanup (it went away) ends its reveal. */
    attach: () => {
      attached = true;
      return () => {
        attached = false;
        end(deps.leaveReason());
      };
    },
  };
}
