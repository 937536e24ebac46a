import type { QueryClient } from '@tanstack/react-query';
import { myEscalationsQueryOptions } from './escalations';
import { itemsKey } from './items';
import { queuesQueryOptions } from './queues';

/**
 * After any decision, undo, correction, hold change or cluster decision: items (lists, details,
 * clusters), queue counts and the reviewer's escalations are read again.
 */
export function invalidateReviewData(queryClient: QueryClient) {
  for (const queryKey of [
    itemsKey,
    queuesQueryOptions().queryKey,
    myEscalationsQueryOptions().queryKey,
  ])
    void queryClient.invalidateQueries({ queryKey });
}
