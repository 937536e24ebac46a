import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ApiError } from '../../../api/api-error';
import { isApiError } from '../../../api/api-error';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import type { RevealEnd, RevealGrant } from '../../../api/schemas/decision';
import type { Wellness } from '../../../domain/wellness';
import { recordExposure } from '../../../shared/wellness-state/model/exposure';
import { exposureShiftKey } from '../../../api/endpoints/wellness.queries';
import { isIdleLocked } from '../../../shared/wellness-state/model/idle-lock';
import { useRevealCount } from '../model/reveal-count';

export type RevealState =
  | { kind: 'blurred'; error?: ApiError }
  | { kind: 'revealing' }
  | { kind: 'revealed'; grant: RevealGrant; startedAt: number; endsAt: number };

/**
 * Reports a reveal's end, then has the shift's figure read again; a lost report leaves the reveal
 * open on the record (counted up to the re-blur time), never the media.
 */
function reportEnd(
  itemId: string,
  revealId: string,
  reason: RevealEnd['reason'],
  recorded: () => void,
) {
  apiRequest(endpoints.endReveal, { params: { itemId, revealId }, body: { reason } })
    .then(recorded)
    .catch(() => undefined);
}

/** Why a preview that goes away takes its reveal with it. */
const unmountReason = (): RevealEnd['reason'] => (isIdleLocked() ? 'idle_lock' : 'item_change');

/**
 * One audited reveal at a time: the server grants a single-use URL; the media blurs again after
 * the user's re-blur seconds, when the window loses focus, when the tab is hidden, and when the
 * preview goes away (another item, or the idle lock). Each end is reported so the reveal's
 * duration is on the record — the server's count of the user's shift — and counted in this
 * browser too, the figure shown while offline.
 */
export function useReveal(
  itemId: string,
  userId: string,
  wellness: Pick<Wellness, 'reblurSeconds' | 'shiftHours'>,
) {
  const [state, setState] = useState<RevealState>({ kind: 'blurred' });
  const addReveal = useRevealCount((s) => s.add);
  const queryClient = useQueryClient();
  const recorded = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: exposureShiftKey(userId) }),
    [queryClient, userId],
  );
  const mounted = useRef(true);
  const { reblurSeconds, shiftHours } = wellness;

  const reveal = useCallback(async () => {
    setState({ kind: 'revealing' });
    try {
      const grant = await apiRequest(endpoints.revealItem, { params: { itemId } });
      addReveal(userId);
      // The preview went away while the grant was on its way: the reveal ends unseen.
      if (!mounted.current) return reportEnd(itemId, grant.revealId, unmountReason(), recorded);
      const startedAt = Date.now();
      setState({ kind: 'revealed', grant, startedAt, endsAt: startedAt + reblurSeconds * 1000 });
    } catch (error) {
      setState(isApiError(error) ? { kind: 'blurred', error } : { kind: 'blurred' });
    }
  }, [itemId, userId, addReveal, reblurSeconds, recorded]);

  const finish = (reason: RevealEnd['reason']) => {
    if (state.kind !== 'revealed') return;
    setState({ kind: 'blurred' });
    const now = Date.now();
    recordExposure(userId, now - state.startedAt, now, shiftHours);
    reportEnd(itemId, state.grant.revealId, reason, recorded);
  };
  const end = useEffectEvent(finish);

  const revealed = state.kind === 'revealed' ? state : null;
  const revealId = revealed?.grant.revealId ?? null;
  const endsAt = revealed?.endsAt ?? 0;
  useEffect(() => {
    if (revealId === null) return;
    const timer = setTimeout(() => end('timeout'), Math.max(0, endsAt - Date.now()));
    const onBlur = () => end('window_blur');
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') end('hidden');
    };
    window.addEventListener('blur', onBlur);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('blur', onBlur);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [revealId, endsAt]);
  // Leaving the item, or the idle lock hiding the preview, ends its reveal.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      end(unmountReason());
    };
  }, []);

  return { state, reveal, end: () => finish('manual') };
}
