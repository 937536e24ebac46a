import { auditHashInput, GENESIS_HASH } from '../../../api/audit-canonical';
import { AUDIT_PAGE_LIMIT, type AuditEvent } from '../../../api/schemas/audit';
import { absentBreak, createChainVerifier, extendsHead } from '../../../domain/audit-verification';
import { sha256Hex } from '../../../lib/sha256-hex';
import type { VerifyJob, VerifyMessage } from './verify-protocol';

/** Events per read: the largest page the server gives. */
const BATCH = AUDIT_PAGE_LIMIT;
/**
 * Reads on their way at once. With one, the server and the browser took turns: each read was
 * asked for only when the one before had arrived, and the 100,000 events took twice as long.
 */
const READS_AHEAD = 3;

/**
 * Verifies a contiguous range of the chain, reading it in batches through `read` (the next ones
 * are on their way while this one is hashed) and reporting through `post`. A range that starts after
 * seq 1 is anchored on the event before it, whose own hash is checked too; what lies before that
 * is not (a recorded head covers the whole log).
 */
export async function verifyRange(
  { firstSeq, lastSeq, recordedHead }: VerifyJob,
  read: (fromSeq: number, count: number) => Promise<readonly AuditEvent[]>,
  post: (message: VerifyMessage) => void,
): Promise<void> {
  const started = performance.now();
  let hashingMs = 0;
  const total = lastSeq - firstSeq + 1;
  const done = (
    message: Omit<Extract<VerifyMessage, { type: 'done' }>, 'type' | 'totalMs' | 'hashingMs'>,
  ) => post({ type: 'done', ...message, hashingMs, totalMs: performance.now() - started });

  let prevHash = GENESIS_HASH;
  if (firstSeq > 1) {
    const [anchor] = await read(firstSeq - 1, 1);
    const seq = firstSeq - 1;
    if (anchor?.seq !== seq) {
      return done({
        checked: 0,
        failure: absentBreak(seq, 'missing', `Event ${seq}, which the range links to, is missing.`),
        extendsRecordedHead: null,
      });
    }
    const computed = sha256Hex(auditHashInput(anchor));
    if (computed !== anchor.hash) {
      return done({
        checked: 0,
        failure: {
          seq,
          reason: 'hash',
          message: `Event ${seq}, which the range links to, was changed: its content no longer matches its hash.`,
          expected: computed,
          stored: anchor.hash,
          prevHash: anchor.prevHash,
          // Not checked: the range starts after it.
          linkHolds: null,
        },
        extendsRecordedHead: null,
      });
    }
    prevHash = anchor.hash;
  }
  const verifier = createChainVerifier({ firstSeq, prevHash, sha256Hex });
  let atRecordedSeq: AuditEvent | undefined;
  const reads: Promise<readonly AuditEvent[]>[] = [];
  let unread = firstSeq;
  const readAhead = () => {
    for (; reads.length < READS_AHEAD && unread <= lastSeq; unread += BATCH) {
      const batch = read(unread, Math.min(BATCH, lastSeq - unread + 1));
      // Awaited in turn, or not at all once the chain has broken: a failure waiting its turn is
      // not an unhandled one.
      batch.catch(() => undefined);
      reads.push(batch);
    }
  };
  readAhead();
  for (let from = firstSeq; from <= lastSeq; from += BATCH) {
    const events = await (reads.shift() ?? Promise.resolve([]));
    readAhead();
    const hashStart = performance.now();
    const failure = verifier.push(events);
    hashingMs += performance.now() - hashStart;
    if (recordedHead) atRecordedSeq ??= events.find((e) => e.seq === recordedHead.seq);
    post({ type: 'progress', checked: verifier.checked, total });
    if (failure || events.length === 0) break;
  }
  const short = verifier.checked < total && !verifier.failure;
  done({
    checked: verifier.checked,
    failure: short
      ? absentBreak(
          firstSeq + verifier.checked,
          'missing',
          `Event ${firstSeq + verifier.checked} is missing: the log ends early.`,
        )
      : verifier.failure,
    extendsRecordedHead: recordedHead ? extendsHead(recordedHead, atRecordedSeq) : null,
  });
}
