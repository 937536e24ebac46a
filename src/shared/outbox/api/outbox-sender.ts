import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { invalidateReviewData } from '../../../api/endpoints/decisions.queries';
import { sessionQueryOptions } from '../../../api/endpoints/session.queries';
import { afterNextPaint } from '../../../lib/after-paint';
import { systemClock } from '../../../lib/clock';
import { webLocks } from '../../../lib/exclusive-lock';
import { browserPage } from '../../../lib/page-events';
import { isRecordedIn, isUnsent, useOutbox } from '../model/outbox';
import { startOutboxSender, type OutboxServer } from '../model/outbox-sender-engine';
import { decideItem } from './decide-item';
import { undoRecorded } from './undo-decision';

const server: OutboxServer = {
  send: decideItem,
  isRecorded: async (entry) =>
    isRecordedIn(await apiRequest(endpoints.getItem, { params: { itemId: entry.itemId } }), entry),
  takeBack: undoRecorded,
};

/**
 * Keeps this tab's view of the signed-in user's outbox and, in one tab of this browser at a time
 * (a Web Lock per user), sends it (`startOutboxSender`): from the moment the user signs in (so
 * decisions kept from an earlier visit go out when the console opens again) until they leave.
 * Only this user's decisions are read or sent, and each names its maker, so the server refuses it
 * under anyone else's session (it then waits for its maker). A 401 keeps the decision and has the
 * shell read who is signed in again (it asks to sign in); leaving the page with unsent decisions
 * asks first.
 */
export function useOutboxSender(userId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const sender = startOutboxSender({
      userId,
      outbox: useOutbox,
      server,
      lock: webLocks,
      clock: systemClock,
      afterPaint: afterNextPaint,
      page: browserPage,
      told: {
        recorded: () => invalidateReviewData(queryClient),
        signInNeeded: () =>
          void queryClient.invalidateQueries({ queryKey: sessionQueryOptions().queryKey }),
        conflict: () => invalidateReviewData(queryClient),
      },
    });
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (useOutbox.getState().entries.some(isUnsent)) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      sender.stop();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [userId, queryClient]);
}
