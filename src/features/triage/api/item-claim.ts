import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../api/api-error';
import { isApiError } from '../../../api/api-error';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { itemQueryOptions } from '../../../api/queries/items';
import type { Lease } from '../../../api/schemas/item';
import { afterNextPaint } from '../../../lib/after-paint';

export const claimItem = (itemId: string) =>
  apiRequest(endpoints.claimItem, { params: { itemId } });
export const releaseItem = (itemId: string) =>
  apiRequest(endpoints.releaseItem, { params: { itemId } });

export type ClaimState =
  | { kind: 'idle' }
  | { kind: 'claiming' }
  | { kind: 'held'; lease: Lease }
  /** No answer from the server: tried again every few seconds. */
  | { kind: 'offline' }
  | { kind: 'refused'; error: ApiError };

/**
 * While an item is open for decision, the caller holds it: claimed on opening (once it is on
 * screen), renewed at half its lease while open, released on leaving it. Refused (409) when
 * someone else holds it.
 */
export function useItemClaim(itemId: string | undefined, enabled: boolean): ClaimState {
  const queryClient = useQueryClient();
  // The state of the claim on one item; any other item's is stale and reads as being claimed.
  const [state, setState] = useState<{ itemId: string; claim: ClaimState } | null>(null);

  useEffect(() => {
    if (itemId === undefined || !enabled) return;
    let active = true;
    let renewal: ReturnType<typeof setTimeout> | undefined;
    const claim = async () => {
      try {
        const { item } = await claimItem(itemId);
        if (!active || !item.lease) return;
        const lease = item.lease;
        setState({ itemId, claim: { kind: 'held', lease } });
        queryClient.setQueryData(
          itemQueryOptions(itemId).queryKey,
          (detail) => detail && { ...detail, item },
        );
        renewal = setTimeout(
          () => void claim(),
          Math.max(2_000, (Date.parse(lease.expiresAt) - Date.now()) / 2),
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
        } else setState({ itemId, claim: { kind: 'refused', error } });
      }
    };
    let claimed = false;
    const cancelClaim = afterNextPaint(() => {
      claimed = true;
      void claim();
    });
    return () => {
      active = false;
      cancelClaim();
      clearTimeout(renewal);
      // A lease left behind lapses by itself; an item skimmed past was never claimed.
      if (claimed) afterNextPaint(() => void releaseItem(itemId).catch(() => undefined));
    };
  }, [itemId, enabled, queryClient]);

  if (itemId === undefined || !enabled) return { kind: 'idle' };
  return state?.itemId === itemId ? state.claim : { kind: 'claiming' };
}
