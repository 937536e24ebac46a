import type { AuditEvent, AuditPage, AuditQuery } from '../../api/schemas/audit';
import type { AuditLog } from './audit-log';

type AuditFilter = Omit<AuditQuery, 'offset' | 'limit'>;

const matches = (filter: AuditFilter) => {
  // Instants, not text: `…T10:00:00Z` and `…T10:00:00.000Z` are the same time.
  const from = filter.from === undefined ? -Infinity : Date.parse(filter.from);
  const to = filter.to === undefined ? Infinity : Date.parse(filter.to);
  return (event: AuditEvent) =>
    (filter.actorId === undefined || event.actor.id === filter.actorId) &&
    (filter.role === undefined || event.actor.role === filter.role) &&
    (filter.action === undefined || event.action === filter.action) &&
    (filter.subjectId === undefined || event.subject.id === filter.subjectId) &&
    Date.parse(event.at) >= from &&
    Date.parse(event.at) < to;
};

/**
 * Pages of the audit log by position in the filtered log. The seqs matching the last filter asked
 * for are kept until the log grows, so paging through one filtered view scans the log once.
 */
export function createAuditQuery(audit: AuditLog) {
  let cached: { key: string; size: number; seqs: Int32Array } | null = null;
  const matchingSeqs = (filter: AuditFilter): Int32Array => {
    const key = JSON.stringify(filter);
    if (cached?.key === key && cached.size === audit.size) return cached.seqs;
    const test = matches(filter);
    const found: number[] = [];
    for (const event of audit.range(1, audit.size)) if (test(event)) found.push(event.seq);
    cached = { key, size: audit.size, seqs: Int32Array.from(found) };
    return cached.seqs;
  };

  return ({ offset, limit, ...filter }: AuditQuery): Omit<AuditPage, 'secondReviewsBarred'> => {
    const unfiltered = Object.values(filter).every((v) => v === undefined);
    const total = unfiltered ? audit.size : matchingSeqs(filter).length;
    const events = unfiltered
      ? audit.range(offset + 1, limit)
      : Array.from(matchingSeqs(filter).subarray(offset, offset + limit), (seq) => {
          const [event] = audit.range(seq, 1);
          if (!event) throw new Error(`no audit event ${seq}`);
          return event;
        });
    const seqs = unfiltered ? null : matchingSeqs(filter);
    const first = unfiltered ? 1 : seqs?.[0];
    const last = unfiltered ? audit.size : seqs?.[seqs.length - 1];
    return {
      events: [...events],
      total,
      offset,
      seqRange: total > 0 && first !== undefined && last !== undefined ? { first, last } : null,
      head: audit.head,
    };
  };
}
