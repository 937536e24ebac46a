import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ApiError } from '../../../api/api-error';
import { isApiError } from '../../../api/api-error';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { itemQueryOptions } from '../../../api/endpoints/items.queries';
import type { Lease } from '../../../api/schemas/item';
import { afterNextPaint } from '../../../lib/after-paint';
import { heldElsewhere } from '../model/holder';
import { thisWindowId } from '../model/window-id';

export const claimItem = (itemId: string, takeOver = false) =>
  apiRequest(endpoints.claimItem, {
    params: { itemId },
    query: { window: thisWindowId(), takeOver: takeOver ? 'true' : undefined },
  });
export const releaseItem = (itemId: string) =>
  apiRequest(endpoints.releaseItem, { params: { itemId }, query: { window: thisWindowId() } });

export type ClaimState =
  | { kind: 'idle' }
  | { kind: 'claiming' }
  | { kind: 'held'; lease: Lease }
  /** The caller holds it in another tab or browser: `takeOver` moves it here. */
  | { kind: 'elsewhere' }
  /** No answer from the server: tried again every few seconds. */
  | { kind: 'offline' }
  | { kind: 'refused'; error: ApiError };

/** Coming back to the window renews the lease at once, but not more often than this. */
const RETURN_RENEWAL_MS = 5_000;

/**
 * While an item is open for decision, this window holds it: claimed on opening (once it is on
 * screen), renewed at half its lease while open and when the window comes back into view,
 * released on leaving it. Refused (409) when someone else holds it. When the caller holds it in
 * another window (`lease`, the item as last read, or the server's `held_elsewhere`), it says so
 * and claims nothing until asked: `takeOver` moves the lease here, and the other window learns it
 * when it next renews.
 */
export function useItemClaim(
  itemId: string | undefined,
  enabled: boolean,
  { userId, lease }: { userId: string; lease: Lease | null },
): ClaimState & { takeOver: () => void } {
  const queryClient = useQueryClient();
  // The state of the claim on one item; any other item's is stale and reads as being claimed.
  const [state, setState] = useState<{ itemId: string; claim: ClaimState } | null>(null);
  const takeOverRef = useRef<() => void>(() => undefined);
  // Read when the claim starts, not a reason to start it again.
  const knownLease = useEffectEvent(() => lease);

  useEffect(() => {
    if (itemId === undefined || !enabled) return;
    let active = true;
    let claimed = false;
    let elsewhere = false;
    let lastClaim = 0;
    let renewal: ReturnType<typeof setTimeout> | undefined;
    const showElsewhere = () => {
      elsewhere = true;
      setState({ itemId, claim: { kind: 'elsewhere' } });
    };
    const claim = async (takeOver = false) => {
      clearTimeout(renewal);
      claimed = true;
      lastClaim = Date.now();
      try {
        const { item } = await claimItem(itemId, takeOver);
        if (!active || !item.lease) return;
        const held = item.lease;
        elsewhere = false;
        setState({ itemId, claim: { kind: 'held', lease: held } });
        queryClient.setQueryData(
          itemQueryOptions(itemId).queryKey,
          (detail) => detail && { ...detail, item },
        );
        renewal = setTimeout(
          () => void claim(),
          Math.max(2_000, (Date.parse(held.expiresAt) - Date.now()) / 2),
        );
      } catch (error) {
        if (!active || !isApiError(error)) return;
        // No answer, or a server error: keep what we had and try again soon. A refusal is final.
        if (error.status === 0 || error.status >= 500) {
          renewal = setTimeout(() => void claim(), 2_000);
          // A lease already held stays shown (it may outlive the outage); a new claim cannot start.
          if (error.status === 0)
            setState((s) =>
              s?.itemId === itemId && s.claim.kind === 'held'
                ? s
                : { itemId, claim: { kind: 'offline' } },
            );
        } else if (error.code === 'held_elsewhere') {
          showElsewhere();
          // The item shown says which window holds it, and until when.
          void queryClient.invalidateQueries({ queryKey: itemQueryOptions(itemId).queryKey });
        } else setState({ itemId, claim: { kind: 'refused', error } });
      }
    };
    /** Claims unless the item, as last read, is the caller's in another window. */
    const claimUnlessElsewhere = (lease: Lease | null) => {
      if (heldElsewhere(lease, userId, thisWindowId(), new Date())) showElsewhere();
      else void claim();
    };
    takeOverRef.current = () => void claim(true);
    // Back in view: renew at once, so a lease taken over meanwhile shows as such; a lease the
    // other window let go of meanwhile is taken here.
    const onReturn = () => {
      if (!claimed || document.visibilityState !== 'visible') return;
      if (Date.now() - lastClaim < RETURN_RENEWAL_MS) return;
      lastClaim = Date.now();
      if (!elsewhere) return void claim();
      queryClient
        .query({ ...itemQueryOptions(itemId), staleTime: 0 })
        .then((detail) => active && elsewhere && claimUnlessElsewhere(detail.item.lease))
        .catch(() => undefined);
    };
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    const cancelClaim = afterNextPaint(() => {
      claimed = true;
      claimUnlessElsewhere(knownLease());
    });
    return () => {
      active = false;
      cancelClaim();
      clearTimeout(renewal);
      takeOverRef.current = () => undefined;
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
      // A lease left behind lapses by itself; an item skimmed past was never claimed. The release
      // names this window: a lease taken over by another stays there.
      if (claimed && !elsewhere)
        afterNextPaint(() => void releaseItem(itemId).catch(() => undefined));
    };
  }, [itemId, enabled, userId, queryClient]);

  const takeOver = useCallback(() => takeOverRef.current(), []);
  if (itemId === undefined || !enabled) return { kind: 'idle', takeOver };
  return { ...(state?.itemId === itemId ? state.claim : { kind: 'claiming' }), takeOver };
}
