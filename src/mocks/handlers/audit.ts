import { canonicalJson } from '../../api/audit-canonical';
import { endpoints } from '../../api/endpoints';
import type { AuditEvent, AuditFilterQuery } from '../../api/schemas/audit';
import { exportStream } from '../backend/audit-export';
import type { User } from '../../api/schemas/user';
import type { Backend } from '../backend/backend';
import { barVerdictReaders } from '../backend/blind-review';
import { route } from './route';

/** The filter's set fields, as the export's audit event records them. */
const definedFields = (filter: AuditFilterQuery) =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;

/**
 * Every event matching the filter up to `lastSeq` (the log as it stood when the export began),
 * read page by page from the log's query. Each first verdict it hands the reader takes them off
 * that item's blind second review, as reading it on a page does.
 */
function* matching(
  backend: Backend,
  reader: User,
  filter: AuditFilterQuery,
  lastSeq: number,
): Generator<AuditEvent> {
  for (let offset = 0; ; offset += 1000) {
    const { events } = backend.state.queryAudit({ ...filter, offset, limit: 1000 });
    for (const event of events) {
      if (event.seq > lastSeq) return;
      barVerdictReaders(backend.state, reader, [event], backend.now());
      yield event;
    }
    if (events.length < 1000) return;
  }
}

export const auditHandlers = (backend: Backend) => {
  const exportAs =
    (format: 'csv' | 'jsonl') =>
    ({ query, user }: { query: AuditFilterQuery; user: User }) => {
      // A snapshot: the events up to here, not the export's own event or any appended meanwhile.
      const lastSeq = backend.state.audit.head.seq;
      const total = backend.state.queryAudit({ ...query, offset: 0, limit: 1 }).total;
      // The export is itself on the record, before it is read.
      backend.state.audit.append({
        at: backend.now().toISOString(),
        actor: { id: user.id, name: user.name, role: user.role },
        action: 'audit.exported',
        subject: { type: 'audit', id: 'audit_log' },
        detail: { format, events: total, filter: canonicalJson(definedFields(query)) },
      });
      const stamp = backend.now().toISOString().slice(0, 19).replaceAll(':', '');
      return new Response(
        exportStream(() => matching(backend, user, query, lastSeq), format),
        {
          headers: {
            'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson',
            'Content-Disposition': `attachment; filename="verity-audit-${stamp}.${format}"`,
            'Cache-Control': 'no-store',
          },
        },
      );
    };
  return [
    route(backend, endpoints.listAudit, ({ query, user }) => {
      const page = backend.state.queryAudit(query);
      const barred = barVerdictReaders(backend.state, user, page.events, backend.now());
      return { body: { ...page, secondReviewsBarred: barred } };
    }),
    route(backend, endpoints.exportAuditCsv, exportAs('csv')),
    route(backend, endpoints.exportAuditJsonl, exportAs('jsonl')),
  ];
};
