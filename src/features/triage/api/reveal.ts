import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { ApiError } from '../../../api/api-error';
import { isApiError } from '../../../api/api-error';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import type { RevealEnd, RevealGrant } from '../../../api/schemas/decision';
import { useRevealCount } from '../model/reveal-count';

/** Seconds before revealed media blurs again by itself (DESIGN.md §5). */
export const REVEAL_SECONDS = 10;

export type RevealState =
  | { kind: 'blurred'; error?: ApiError }
  | { kind: 'revealing' }
  | { kind: 'revealed'; grant: RevealGrant; endsAt: number };

/**
 * One audited reveal at a time: the server grants a single-use URL; the media blurs again after
 * REVEAL_SECONDS, when the window loses focus, when the tab is hidden, and when the item changes
 * (unmount). Each end is reported so the reveal's duration is on the record.
 */
export function useReveal(itemId: string, userId: string) {
  const [state, setState] = useState<RevealState>({ kind: 'blurred' });
  const addReveal = useRevealCount((s) => s.add);

  const reveal = useCallback(async () => {
    setState({ kind: 'revealing' });
    try {
      const grant = await apiRequest(endpoints.revealItem, { params: { itemId } });
      addReveal(userId);
      setState({ kind: 'revealed', grant, endsAt: Date.now() + REVEAL_SECONDS * 1000 });
    } catch (error) {
      setState(isApiError(error) ? { kind: 'blurred', error } : { kind: 'blurred' });
    }
  }, [itemId, userId, addReveal]);

  const finish = (reason: RevealEnd['reason']) => {
    if (state.kind !== 'revealed') return;
    setState({ kind: 'blurred' });
    apiRequest(endpoints.endReveal, {
      params: { itemId, revealId: state.grant.revealId },
      body: { reason },
    }).catch(() => undefined); // a lost report leaves the reveal open on the record, never the media
  };
  const end = useEffectEvent(finish);

  const revealId = state.kind === 'revealed' ? state.grant.revealId : null;
  useEffect(() => {
    if (revealId === null) return;
    const timer = setTimeout(() => end('timeout'), REVEAL_SECONDS * 1000);
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
  }, [revealId]);
  // Leaving the item ends its reveal.
  useEffect(() => () => end('item_change'), []);

  return { state, reveal, end: () => finish('manual') };
}
