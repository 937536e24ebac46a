import { auditHashInput } from '../api/audit-canonical';
import type { AuditEvent, AuditHead } from '../api/schemas/audit';

/** Why verification stopped: the first event whose record does not hold. */
export interface ChainBreak {
  seq: number;
  /** `missing`: the next seq is absent (a removed event, or a swapped pair); `order`: a seq repeats or goes back. */
  reason: 'hash' | 'link' | 'missing' | 'order';
  message: string;
}

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
          const reason = event.seq > expectedSeq ? 'missing' : 'order';
          failure = {
            seq: expectedSeq,
            reason,
            message:
              reason === 'missing'
                ? `Event ${expectedSeq} is missing: the log jumps to ${event.seq}.`
                : `Event ${event.seq} is out of order: expected ${expectedSeq}.`,
          };
        } else if (event.prevHash !== expectedPrev) {
          failure = {
            seq: event.seq,
            reason: 'link',
            message: `Event ${event.seq} does not link to the event before it.`,
          };
        } else if (sha256Hex(auditHashInput(event)) !== event.hash) {
          failure = {
            seq: event.seq,
            reason: 'hash',
            message: `Event ${event.seq} was changed: its content no longer matches its hash.`,
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
