import { createHash } from 'node:crypto';
import { GENESIS_HASH, auditHashInput } from '../../api/audit-canonical';
import type { AuditEvent } from '../../api/schemas/audit';

export type NewAuditEvent = Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>;

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}

/** Append-only, hash-chained audit store. Nothing is ever edited or removed through it. */
export interface AuditLog {
  append(event: NewAuditEvent): AuditEvent;
  /** Events with seq in [fromSeq, fromSeq + count). */
  range(fromSeq: number, count: number): readonly AuditEvent[];
  readonly size: number;
  readonly head: { seq: number; hash: string };
  /**
   * The mock's `tamper:audit` fault: edits the stored event at `seq` behind the chain's back (its
   * hash is left as it was), so verification has a real failure to find.
   */
  tamper(seq: number): void;
}

export function createAuditLog(): AuditLog {
  const events: AuditEvent[] = [];
  return {
    append(event) {
      const prevHash = events.at(-1)?.hash ?? GENESIS_HASH;
      // A copy the caller cannot reach, frozen to the leaves: the stored record never changes.
      const unhashed = { ...structuredClone(event), seq: events.length + 1, prevHash };
      const stored: AuditEvent = deepFreeze({
        ...unhashed,
        hash: sha256Hex(auditHashInput(unhashed)),
      });
      events.push(stored);
      return stored;
    },
    range(fromSeq, count) {
      return events.slice(Math.max(0, fromSeq - 1), Math.max(0, fromSeq - 1 + count));
    },
    get size() {
      return events.length;
    },
    tamper(seq) {
      const event = events[seq - 1];
      if (!event) return;
      events[seq - 1] = deepFreeze({ ...event, detail: { ...event.detail, tampered: true } });
    },
    get head() {
      const last = events.at(-1);
      return { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
    },
  };
}
