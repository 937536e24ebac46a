import type { QueryClient } from '@tanstack/react-query';
import { itemsKey } from './items.queries';
import { myEscalationsQueryOptions, queuesQueryOptions } from './queues.queries';

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
