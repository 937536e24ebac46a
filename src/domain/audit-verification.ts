import { auditHashInput } from '../api/audit-canonical';
import type { AuditEvent, AuditHead } from '../api/schemas/audit';

/** Why verification stopped: the first event whose record does not hold, and what differs. */
export interface ChainBreak {
  seq: number;
  /** `missing`: the next seq is absent (a removed event, or a swapped pair); `order`: a seq repeats or goes back. */
  reason: 'hash' | 'link' | 'missing' | 'order';
  message: string;
  /**
   * What the record should hold: for `hash`, the SHA-256 of the event's canonical JSON; for
   * `link`, the hash of the event before it. Null when there is no event to compare.
   */
  expected: string | null;
  /** What it holds instead: its stored `hash` (`hash`) or its stored `prevHash` (`link`). */
  stored: string | null;
  /** The link the broken event stores to the event before it. */
  prevHash: string | null;
  /** Whether that link holds: the event before it hashes to it. */
  linkHolds: boolean | null;
}

/** A break where there is no event to compare: a missing or out-of-order seq. */
export const absentBreak = (
  seq: number,
  reason: 'missing' | 'order',
  message: string,
): ChainBreak => ({
  seq,
  reason,
  message,
  expected: null,
  stored: null,
  prevHash: null,
  linkHolds: null,
});

/**
 * Checks a contiguous range of the hash chain as it streams in, batch by batch: each event must
 * come in `seq` order with no gap, link to the previous event's hash, and hash (SHA-256 of its
 * canonical JSON, `sha256Hex`) to what it says. The first event that fails is named; nothing after
 * it is trusted.
 */
export function createChainVerifier({
  firstSeq,
  prevHash,
  sha256Hex,
}: {
  firstSeq: number;
  /** The hash the first event must link to: 64 zeros from seq 1, else the previous event's. */
  prevHash: string;
  sha256Hex: (text: string) => string;
}) {
  let expectedSeq = firstSeq;
  let expectedPrev = prevHash;
  let failure: ChainBreak | null = null;
  return {
    push(events: readonly AuditEvent[]): ChainBreak | null {
      for (const event of events) {
        if (failure) break;
        if (event.seq !== expectedSeq) {
          failure =
            event.seq > expectedSeq
              ? absentBreak(
                  expectedSeq,
                  'missing',
                  `Event ${expectedSeq} is missing: the log jumps to ${event.seq}.`,
                )
              : absentBreak(
                  expectedSeq,
                  'order',
                  `Event ${event.seq} is out of order: expected ${expectedSeq}.`,
                );
          continue;
        }
        const computed = event.prevHash === expectedPrev ? sha256Hex(auditHashInput(event)) : null;
        if (computed === null) {
          failure = {
            seq: event.seq,
            reason: 'link',
            message: `Event ${event.seq} does not link to the event before it.`,
            expected: expectedPrev,
            stored: event.prevHash,
            prevHash: event.prevHash,
            linkHolds: false,
          };
        } else if (computed !== event.hash) {
          failure = {
            seq: event.seq,
            reason: 'hash',
            message: `Event ${event.seq} was changed: its content no longer matches its hash.`,
            expected: computed,
            stored: event.hash,
            prevHash: event.prevHash,
            linkHolds: true,
          };
        } else {
          expectedSeq += 1;
          expectedPrev = event.hash;
        }
      }
      return failure;
    },
    /** How many events verified so far. */
    get checked() {
      return expectedSeq - firstSeq;
    },
    get failure() {
      return failure;
    },
  };
}

/**
 * Whether a log verified from seq 1 still extends a head recorded earlier: the event at the
 * recorded seq must carry the recorded hash. A log rewritten consistently from the start verifies
 * on its own, but not this.
 */
export const extendsHead = (recorded: AuditHead, eventAtRecordedSeq: AuditEvent | undefined) =>
  eventAtRecordedSeq?.seq === recorded.seq && eventAtRecordedSeq.hash === recorded.hash;
