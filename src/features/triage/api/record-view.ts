import { useEffect } from 'react';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { afterNextPaint } from '../../../lib/after-paint';

export const recordItemView = (itemId: string) =>
  apiRequest(endpoints.recordItemView, { params: { itemId } });

/**
 * Once the item has been painted, the server records who saw it (prefetching records nothing).
 * Best effort: a view is not a decision.
 */
export function useRecordView(itemId: string, shown: boolean) {
  useEffect(() => {
    if (!shown) return;
    return afterNextPaint(() => void recordItemView(itemId).catch(() => undefined));
  }, [itemId, shown]);
}
