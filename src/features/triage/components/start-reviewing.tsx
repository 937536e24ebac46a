import { useState } from 'react';
import type { ApiError } from '../../../api/api-error';
import { isApiError } from '../../../api/api-error';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import type { ItemStatus } from '../../../api/schemas/item';
import { Button } from '../../../components/ui/button';

/**
 * The next item to review: waiting in the queue (`status`), held by no one, highest priority then
 * earliest SLA.
 */
export async function nextUnclaimed(queueId: string, status: ItemStatus): Promise<string | null> {
  const now = Date.now();
  const page = await apiRequest(endpoints.listItems, {
    query: { queueId, status, sort: 'priority', limit: 200 },
  });
  const free = page.items.find(
    (row) => row.lease === null || Date.parse(row.lease.expiresAt) <= now,
  );
  return free?.id ?? null;
}

/** "Start reviewing": opens (and so claims) the next unclaimed item of the queue. */
export function StartReviewing({
  queueId,
  status,
  onOpen,
}: {
  queueId: string;
  /** What waits in this queue. */
  status: ItemStatus;
  onOpen: (itemId: string) => void;
}) {
  const [problem, setProblem] = useState<ApiError | 'none_left' | null>(null);
  const start = async () => {
    setProblem(null);
    try {
      const itemId = await nextUnclaimed(queueId, status);
      if (itemId) onOpen(itemId);
      else setProblem('none_left');
    } catch (error) {
      if (isApiError(error)) setProblem(error);
    }
  };
  return (
    <div className="flex items-center gap-2">
      <Button variant="primary" onClick={() => void start()}>
        Start reviewing
      </Button>
      {problem === 'none_left' && (
        <p className="text-sm text-slate-700">Nothing left to review here.</p>
      )}
      {problem !== null && problem !== 'none_left' && (
        <p role="alert" className="text-sm text-red-900">
          Could not find the next item: {problem.message}
        </p>
      )}
    </div>
  );
}
