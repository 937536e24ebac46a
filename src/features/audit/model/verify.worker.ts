/// <reference lib="webworker" />
import { GENESIS_HASH } from '../../../api/audit-canonical';
import { isApiError } from '../../../api/api-error';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import type { AuditEvent } from '../../../api/schemas/audit';
import { createChainVerifier, extendsHead } from '../../../domain/audit-verification';
import { sha256Hex } from '../../../lib/sha256-hex';
import type { VerifyJob, VerifyMessage } from './verify-protocol';

const BATCH = 1000;
const post = (message: VerifyMessage) => self.postMessage(message);

/** Reads `count` events from `fromSeq` on (unfiltered, position = seq − 1). */
const readEvents = async (fromSeq: number, count: number) =>
  (await apiRequest(endpoints.listAudit, { query: { offset: fromSeq - 1, limit: count } })).events;

/**
 * Verifies a range of the audit chain off the main thread: reads it in batches (the next batch
 * is on its way while this one is hashed) and reports progress; names the first event that fails.
 */
async function verify({ firstSeq, lastSeq, recordedHead }: VerifyJob) {
  const started = performance.now();
  let hashingMs = 0;
  // The event before the range anchors its first link.
  const anchor = firstSeq > 1 ? (await readEvents(firstSeq - 1, 1))[0] : undefined;
  const verifier = createChainVerifier({
    firstSeq,
    prevHash: anchor?.hash ?? GENESIS_HASH,
    sha256Hex,
  });
  let atRecordedSeq: AuditEvent | undefined;
  const total = lastSeq - firstSeq + 1;
  let next = readEvents(firstSeq, Math.min(BATCH, total));
  for (let from = firstSeq; from <= lastSeq; from += BATCH) {
    const events = await next;
    const following = from + BATCH;
    if (following <= lastSeq)
      next = readEvents(following, Math.min(BATCH, lastSeq - following + 1));
    const hashStart = performance.now();
    const failure = verifier.push(events);
    hashingMs += performance.now() - hashStart;
    if (recordedHead) atRecordedSeq ??= events.find((e) => e.seq === recordedHead.seq);
    post({ type: 'progress', checked: verifier.checked, total });
    if (failure || events.length === 0) break;
  }
  const short = verifier.checked < total && !verifier.failure;
  post({
    type: 'done',
    checked: verifier.checked,
    failure: short
      ? {
          seq: firstSeq + verifier.checked,
          reason: 'missing',
          message: `Event ${firstSeq + verifier.checked} is missing: the log ends early.`,
        }
      : verifier.failure,
    extendsRecordedHead: recordedHead ? extendsHead(recordedHead, atRecordedSeq) : null,
    hashingMs,
    totalMs: performance.now() - started,
  });
}

self.onmessage = (event: MessageEvent<VerifyJob>) => {
  verify(event.data).catch((error: unknown) => {
    post({
      type: 'error',
      message: isApiError(error) ? error.message : 'Verification stopped unexpectedly.',
    });
  });
};
