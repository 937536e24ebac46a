import { useEffect } from 'react';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';

export const recordItemView = (itemId: string) =>
  apiRequest(endpoints.recordItemView, { params: { itemId } });

/** Once the item is on screen, the server records who saw it (prefetching records nothing). */
export function useRecordView(itemId: string, shown: boolean) {
  useEffect(() => {
    if (shown) recordItemView(itemId).catch(() => undefined); // best effort: a view is not a decision
  }, [itemId, shown]);
}
