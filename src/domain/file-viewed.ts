import type { AuditEvent } from '../api/schemas/audit';
import type { FileViewedByEsp } from '../api/schemas/report';

/**
 * `fileViewedByEsp`, derived from the audit log (never typed): true only when a person at the
 * provider revealed the whole original file — a `media.revealed` event by an analyst or a
 * supervisor on one of the file's items, whose reveal showed the whole file (`wholeFile`). The
 * earliest such reveal is the evidence. Not viewed is a complete answer: after US v. Wilson
 * (9th Cir. 2021) police may need a warrant to open it, and that is for policy, not for pressure
 * on the reviewer, to decide.
 */
export function fileViewedByEsp(
  itemIds: readonly string[],
  events: Iterable<AuditEvent>,
): FileViewedByEsp {
  const ids = new Set(itemIds);
  for (const event of events) {
    if (
      event.action === 'media.revealed' &&
      event.subject.type === 'item' &&
      ids.has(event.subject.id) &&
      (event.actor.role === 'analyst' || event.actor.role === 'supervisor') &&
      event.detail.wholeFile === true
    ) {
      return {
        viewed: true,
        evidence: { seq: event.seq, at: event.at, actor: event.actor, itemId: event.subject.id },
      };
    }
  }
  return { viewed: false, evidence: null };
}
