/// <reference lib="webworker" />
import { isApiError } from '../../../api/api-error';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import type { VerifyJob, VerifyMessage } from './verify-protocol';
import { verifyRange } from './verify-range';

const post = (message: VerifyMessage) => self.postMessage(message);

/** Reads `count` events from `fromSeq` on (unfiltered, position = seq − 1). */
const readEvents = async (fromSeq: number, count: number) =>
  (await apiRequest(endpoints.listAudit, { query: { offset: fromSeq - 1, limit: count } })).events;

/** Verifies a range of the audit chain off the main thread. */
self.onmessage = (event: MessageEvent<VerifyJob>) => {
  verifyRange(event.data, readEvents, post).catch((error: unknown) => {
    post({
      type: 'error',
      message: isApiError(error) ? error.message : 'Verification stopped unexpectedly.',
    });
  });
};
