import type { AuditEvent } from '../api/schemas/audit';
import type { FileViewedByEsp } from '../api/schemas/report-file';

/** The answer a filing sent NCMEC, and where the audit log stood when it was sent. */
export interface SentAnswer {
  viewed: boolean;
  evidence: FileViewedByEsp['evidence'];
  sentAt: string;
  /** The audit log's last seq when the answer was sent: later events came after it. */
  afterSeq: number;
}

/** Whether this event served the whole original of one of these items to a person. */
const servedWhole = (ids: ReadonlySet<string>, event: AuditEvent) =>
  event.action === 'media.served' &&
  event.subject.type === 'item' &&
  ids.has(event.subject.id) &&
  (event.actor.role === 'analyst' || event.actor.role === 'supervisor') &&
  event.detail.wholeFile === true;

const evidenceOf = (event: AuditEvent) => ({
  seq: event.seq,
  at: event.at,
  actor: event.actor,
  itemId: event.subject.id,
});

/**
 * `fileViewedByEsp`, derived from the audit log (never typed): true only when the whole original
 * file of one of the file's items was served to a person at the provider — a `media.served` event
 * by an analyst or a supervisor whose reveal showed the whole file (`wholeFile`). A reveal whose
 * URL was never fetched served nothing and does not count. The earliest serving is the evidence.
 * Not viewed is a complete answer: after US v. Wilson (9th Cir. 2021) police may need a warrant to
 * open it, and that is for policy, not for pressure on the reviewer, to decide.
 *
 * Once the answer was sent to NCMEC (`sent`), it is what NCMEC holds and stays as sent; a later
 * serving of a file sent as not viewed is `viewedAfterFiling`, shown but never sent.
 */
export function fileViewedByEsp(
  itemIds: readonly string[],
  events: Iterable<AuditEvent>,
  sent: SentAnswer | null = null,
): FileViewedByEsp {
  const ids = new Set(itemIds);
  if (sent !== null) {
    let later: FileViewedByEsp['viewedAfterFiling'] = null;
    if (!sent.viewed) {
      for (const event of events) {
        if (event.seq > sent.afterSeq && servedWhole(ids, event)) {
          later = evidenceOf(event);
          break;
        }
      }
    }
    const { viewed, evidence, sentAt } = sent;
    return { viewed, evidence, sentAt, viewedAfterFiling: later };
  }
  for (const event of events) {
    if (servedWhole(ids, event)) {
      return { viewed: true, evidence: evidenceOf(event), sentAt: null, viewedAfterFiling: null };
    }
  }
  return { viewed: false, evidence: null, sentAt: null, viewedAfterFiling: null };
}
