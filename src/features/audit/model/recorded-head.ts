import { AuditHead } from '../../../api/schemas/audit';
import { Timestamp } from '../../../api/schemas/common';
import { z } from '../../../lib/zod';

/**
 * The chain head a person recorded in this browser (`verity.audit-head:<userId>`), to check
 * later that the log still extends it. Read back with its zod schema; a stored head that does not
 * parse (corrupt, or of an older shape) is never silently dropped: it is moved, text unchanged, to
 * `verity.audit-head-unreadable:<userId>`, and the verify panel says so until a head is recorded
 * again.
 */
const RecordedHead = z.extend(AuditHead, { recordedAt: Timestamp });
export type RecordedHead = z.infer<typeof RecordedHead>;

const headKey = (userId: string) => `verity.audit-head:${userId}`;
const setAsideKey = (userId: string) => `verity.audit-head-unreadable:${userId}`;

function parse(text: string): RecordedHead | null {
  try {
    const read = RecordedHead.safeParse(JSON.parse(text));
    return read.success ? read.data : null;
  } catch {
    return null; // not JSON
  }
}

/** The recorded head, and whether an unreadable one is kept aside (and none recorded since). */
export function readRecordedHead(userId: string): {
  head: RecordedHead | null;
  setAside: boolean;
} {
  const text = localStorage.getItem(headKey(userId));
  const head = text === null ? null : parse(text);
  if (text !== null && head === null) {
    try {
      localStorage.setItem(setAsideKey(userId), text);
      localStorage.removeItem(headKey(userId));
    } catch {
      // Storage full or denied: it stays where it was, and is still reported.
    }
  }
  return { head, setAside: head === null && localStorage.getItem(setAsideKey(userId)) !== null };
}

/** Records the head as seen now; a head kept aside earlier stays where it is. */
export function recordHead(userId: string, head: AuditHead, now: Date): RecordedHead {
  const recorded = { seq: head.seq, hash: head.hash, recordedAt: now.toISOString() };
  localStorage.setItem(headKey(userId), JSON.stringify(recorded));
  return recorded;
}
