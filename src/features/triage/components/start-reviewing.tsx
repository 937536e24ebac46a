import { useState } from 'react';
import type { ApiError } from '../../../api/api-error';
import { isApiError } from '../../../api/api-error';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { Button } from '../../../components/ui/button';
import { thisWindowId } from '../model/window-id';

/**
 * "Start reviewing": the server claims the next item this reviewer may review in the queue
 * (highest priority, then earliest SLA, held by no one else, never their own second review) for
 * this window, and it opens.
 */
export function StartReviewing({
  queueId,
  onOpen,
}: {
  queueId: string;
  onOpen: (itemId: string) => void;
}) {
  const [problem, setProblem] = useState<ApiError | 'none_left' | null>(null);
  const start = async () => {
    setProblem(null);
    try {
      const { item } = await apiRequest(endpoints.startReviewing, {
        params: { queueId },
        query: { window: thisWindowId() },
      });
      if (item) onOpen(item.id);
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
        <p className="text-sm text-slate-700">Nothing left for you to review here.</p>
      )}
      {problem !== null && problem !== 'none_left' && (
        <p role="alert" className="text-sm text-red-900">
          Could not find the next item: {problem.message}
        </p>
      )}
    </div>
  );
}
