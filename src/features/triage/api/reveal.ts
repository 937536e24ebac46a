import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { exposureShiftKey } from '../../../api/endpoints/wellness.queries';
import type { Wellness } from '../../../domain/wellness';
import { systemClock } from '../../../lib/clock';
import { browserPage } from '../../../lib/page-events';
import { recordExposure } from '../../../shared/wellness-state/model/exposure';
import { isIdleLocked } from '../../../shared/wellness-state/model/idle-lock';
import { useRevealCount } from '../model/reveal-count';
import { createRevealSession, type RevealState } from '../model/reveal-session';

type RevealSession = ReturnType<typeof createRevealSession>;

/**
 * One audited reveal at a time of the item's media (`createRevealSession`): blurred again after
 * the user's re-blur seconds, on losing focus or visibility, and when the preview goes away
 * (another item, or the idle lock). Each end is reported so the reveal's duration is on the record
 * — the server's count of the user's shift, read again then — and counted in this browser too,
 * the figure shown while offline.
 */
export function useReveal(
  itemId: string,
  userId: string,
  wellness: Pick<Wellness, 'reblurSeconds' | 'shiftHours'>,
) {
  const queryClient = useQueryClient();
  const addReveal = useRevealCount((s) => s.add);
  const [state, setState] = useState<RevealState>({ kind: 'blurred' });
  const session = useRef<RevealSession | null>(null);
  const { reblurSeconds, shiftHours } = wellness;
  // The shift's length when a reveal ends, not a reason to start the session again.
  const countExposure = useEffectEvent((revealedMs: number, at: number) =>
    recordExposure(userId, revealedMs, at, shiftHours),
  );

  useEffect(() => {
    const started = createRevealSession({
      server: {
        grant: () => apiRequest(endpoints.revealItem, { params: { itemId } }),
        reportEnd: (revealId, reason) =>
          apiRequest(endpoints.endReveal, { params: { itemId, revealId }, body: { reason } }),
      },
      clock: systemClock,
      page: browserPage,
      leaveReason: () => (isIdleLocked() ? 'idle_lock' : 'item_change'),
      told: {
        granted: () => addReveal(userId),
        ended: (revealedMs, at) => countExposure(revealedMs, at),
        endRecorded: () =>
          void queryClient.invalidateQueries({ queryKey: exposureShiftKey(userId) }),
      },
    });
    session.current = started;
    const unsubscribe = started.subscribe(() => setState(started.getState()));
    const detach = started.attach();
    return () => {
      detach(); // leaving the item, or the idle lock hiding the preview, ends its reveal
      unsubscribe();
      session.current = null;
    };
  }, [itemId, userId, addReveal, queryClient]);

  return {
    state,
    reveal: () => session.current?.reveal(reblurSeconds),
    end: () => session.current?.end(),
  };
}
