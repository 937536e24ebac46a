import { useState } from 'react';
import type { AuditHead } from '../../../api/schemas/audit';
import { Button } from '../../../components/ui/button';
import { formatCount } from '../../../lib/format-count';
import { useVerification } from '../api/use-verification';
import { readRecordedHead, recordHead } from '../model/recorded-head';
import { ChainBreakReport } from './chain-break';

/**
 * Verification of the chain, off the main thread: the range that covers the current filter (or
 * all), with progress; a break is named by its first event, with what differs there and a link
 * to it, and the rest of the result stays readable. Shows the chain's head; a head recorded
 * here can later be checked, which catches a log rewritten consistently from the start.
 */
export function VerifyPanel({
  head,
  filterRange,
  userId,
}: {
  head: AuditHead;
  /** The seq range covering the current filter, when a filter is set. */
  filterRange: { first: number; last: number } | null;
  userId: string;
}) {
  const { state, start } = useVerification();
  const [verified, setVerified] = useState({ from: 1, to: head.seq });
  const verifiedFrom = verified.from;
  const run = (job: Parameters<typeof start>[0]) => {
    setVerified({ from: job.firstSeq, to: job.lastSeq });
    start(job);
  };
  const [stored, setStored] = useState(() => readRecordedHead(userId));
  const recorded = stored.head;
  const range = filterRange ?? { first: 1, last: head.seq };
  const record = () => setStored({ head: recordHead(userId, head, new Date()), setAside: false });
  return (
    <section aria-labelledby="verify-heading" className="space-y-2 rounded-md bg-white p-3 text-sm">
      <h2 id="verify-heading" className="font-semibold">
        Chain verification
      </h2>
      <p>
        Head: event {formatCount(head.seq)}, hash <code className="break-all">{head.hash}</code>
      </p>
      {stored.setAside && (
        <p role="alert" className="text-amber-900">
          The head recorded in this browser earlier could not be read. It was kept aside in this
          browser’s storage (verity.audit-head-unreadable:{userId}), not used; record the head again
          to check the log against it later.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={state.kind === 'running' || head.seq === 0}
          onClick={() => run({ firstSeq: range.first, lastSeq: range.last })}
        >
          Verify events {formatCount(range.first)}–{formatCount(range.last)}
        </Button>
        <Button onClick={record} disabled={head.seq === 0}>
          Record this head
        </Button>
        {recorded && (
          <Button
            disabled={state.kind === 'running'}
            onClick={() => run({ firstSeq: 1, lastSeq: head.seq, recordedHead: recorded })}
          >
            Check the log still extends the head recorded {recorded.recordedAt}
          </Button>
        )}
      </div>
      {state.kind === 'running' && (
        <label className="flex items-center gap-2">
          Verifying {formatCount(state.checked)} of {formatCount(state.total)}
          <progress value={state.checked} max={state.total} />
        </label>
      )}
      <p role="status">
        {state.kind === 'running' && `Verifying events ${range.first}–${range.last}…`}
        {state.kind === 'finished' &&
          !state.result.failure &&
          state.result.extendsRecordedHead !== false &&
          `Verified ${formatCount(state.result.checked)} events: the chain holds${
            state.result.extendsRecordedHead ? ' and extends the recorded head' : ''
          }${
            verifiedFrom > 1
              ? `, linked to event ${formatCount(verifiedFrom - 1)} (events before it were not checked here; a recorded head covers the whole log)`
              : ''
          } (${(state.result.totalMs / 1000).toFixed(1)} s, hashing ${(
            state.result.hashingMs / 1000
          ).toFixed(2)} s).`}
      </p>
      {state.kind === 'finished' && state.result.failure && (
        <>
          <p className="text-slate-700">
            Checked {formatCount(state.result.checked)} events before the break (
            {(state.result.totalMs / 1000).toFixed(1)} s).
          </p>
          <ChainBreakReport
            failure={state.result.failure}
            checkedFrom={verified.from}
            checkedTo={verified.to}
          />
        </>
      )}
      {state.kind === 'finished' &&
        !state.result.failure &&
        state.result.extendsRecordedHead === false && (
          <p role="alert" className="text-red-900">
            The log no longer extends the recorded head (event {recorded?.seq}): it was rewritten.
          </p>
        )}
      {state.kind === 'failed' && (
        <p role="alert" className="text-red-900">
          Could not verify: {state.message}
        </p>
      )}
    </section>
  );
}
