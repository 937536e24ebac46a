import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { itemQueryOptions } from '../../../api/endpoints/items.queries';
import type { Lease } from '../../../api/schemas/item';
import { afterNextPaint } from '../../../lib/after-paint';
import { systemClock } from '../../../lib/clock';
import { browserPage } from '../../../lib/page-events';
import { firstAnswer } from '../../../shared/outbox/model/first-answer';
import { useOutbox } from '../../../shared/outbox/model/outbox';
import { startClaimLease, type ClaimState } from '../model/claim-lease';
import { createReleaseLine } from '../model/release-line';
import { thisWindowId } from '../model/window-id';

export const claimItem = (itemId: string, takeOver = false) =>
  apiRequest(endpoints.claimItem, {
    params: { itemId },
    query: { window: thisWindowId(), takeOver: takeOver ? 'true' : undefined },
  });
export const releaseItem = (itemId: string) =>
  apiRequest(endpoints.releaseItem, { params: { itemId }, query: { window: thisWindowId() } });

/** This window's releases of the items it left, by user and item. */
const releases = createReleaseLine();

/**
 * While an item is open for decision, this window holds it (`startClaimLease`): claimed on
 * opening (once it is on screen), renewed while open, released on leaving it. The item as this
 * console caches it follows each claim's answer.
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
    const { queryKey } = itemQueryOptions(itemId);
    const claim = startClaimLease({
      userId,
      windowId: thisWindowId(),
      knownLease: () => knownLease(),
      server: {
        claim: async (takeOver) => (await claimItem(itemId, takeOver)).item,
        release: () => releaseItem(itemId),
        currentLease: async () =>
          (await queryClient.query({ ...itemQueryOptions(itemId), staleTime: 0 })).item.lease,
      },
      clock: systemClock,
      page: browserPage,
      decisionOnItsWay: () => firstAnswer(useOutbox, itemId),
      releases: {
        release: (due, send) => releases.release(`${userId} ${itemId}`, due, send),
        releaseBeforeClaim: () => releases.releaseBeforeClaim(`${userId} ${itemId}`),
      },
      afterPaint: afterNextPaint,
      onChange: (next) => setState({ itemId, claim: next }),
      told: {
        claimed: (item) => queryClient.setQueryData(queryKey, (d) => d && { ...d, item }),
        heldElsewhere: () => void queryClient.invalidateQueries({ queryKey }),
      },
    });
    takeOverRef.current = claim.takeOver;
    return () => {
      claim.stop();
      takeOverRef.current = () => undefined;
    };
  }, [itemId, enabled, userId, queryClient]);

  const takeOver = useCallback(() => takeOverRef.current(), []);
  if (itemId === undefined || !enabled) return { kind: 'idle', takeOver };
  return { ...(state?.itemId === itemId ? state.claim : { kind: 'claiming' }), takeOver };
}
