import type { Hono } from 'hono';
import type { Transaction } from 'kysely';
import { canonicalJson } from '../../api/audit-canonical';
import { endpoints } from '../../api/endpoints';
import type { AuditEvent, AuditFilterQuery } from '../../api/schemas/audit';
import type { User } from '../../api/schemas/user';
import type { Database } from '../db/tables';
import { mountEndpoint } from '../http/mount-endpoint';
import { VERDICT_ACTIONS, barVerdictReaders } from '../review/blind-review';
import type { ServerContext } from '../server-context';
import { appendAuditEvents, auditHead } from './audit-chain';
import { exportStream } from './audit-export';
import { parseEvents } from './audit-read';
import { auditEventsMatching, matchingExtent, queryAudit } from './audit-query';

/** The filter's set fields, as the export's audit event records them. */
const definedFields = (filter: AuditFilterQuery): Record<string, string> =>
  Object.fromEntries(
    Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );

/**
 * Takes the reader off the blind second review of every item whose first verdict the export
 * hands them, in the export's transaction: the verdict events it will stream, a page at a time.
 */
async function barExportReader(
  trx: Transaction<Database>,
  reader: User,
  filter: AuditFilterQuery,
  lastSeq: number,
  now: Date,
) {
  let batch: AuditEvent[] = [];
  for await (const event of auditEventsMatching(trx, filter, lastSeq, {
    itemActions: [...VERDICT_ACTIONS],
  })) {
    batch.push(event);
    if (batch.length === 1000) {
      await barVerdictReaders(trx, reader, batch, now);
      batch = [];
    }
  }
  await barVerdictReaders(trx, reader, batch, now);
}

/** The audit log's page (auditors and supervisors) and its two exports. */
export function mountAuditRoutes(app: Hono, server: ServerContext) {
  mountEndpoint(app, server, endpoints.listAudit, async ({ trx, query, user }) => {
    const { eventsJson, ...page } = await queryAudit(trx, query);
    // Parsed only for a reader who could be barred: never for an auditor.
    const events = () => parseEvents(eventsJson);
    const barred = await barVerdictReaders(trx, user, events, server.now());
    return { body: { ...page, events: eventsJson, secondReviewsBarred: barred } };
  });

  const exportAs =
    (format: 'csv' | 'jsonl') =>
    async ({
      trx,
      query,
      user,
    }: {
      trx: Transaction<Database>;
      query: AuditFilterQuery;
      user: User;
    }) => {
      const now = server.now();
      // A snapshot: the events up to here, not the export's own event or any appended meanwhile.
      const lastSeq = (await auditHead(trx)).seq;
      const { total } = await matchingExtent(trx, query, lastSeq);
      // The export is itself on the record, before it is read.
      await appendAuditEvents(trx, [
        {
          at: now.toISOString(),
          actor: { id: user.id, name: user.name, role: user.role },
          action: 'audit.exported',
          subject: { type: 'audit', id: 'audit_log' },
          detail: { format, events: total, filter: canonicalJson(definedFields(query)) },
        },
      ]);
      await barExportReader(trx, user, query, lastSeq, now);
      const stamp = now.toISOString().slice(0, 19).replaceAll(':', '');
      // Streamed after the commit: the events up to `lastSeq` are chained and never change.
      const { db } = server.database;
      return new Response(
        exportStream(() => auditEventsMatching(db, query, lastSeq), format),
        {
          headers: {
            'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson',
            'Content-Disposition': `attachment; filename="verity-audit-${stamp}.${format}"`,
            'Cache-Control': 'no-store',
          },
        },
      );
    };
  mountEndpoint(app, server, endpoints.exportAuditCsv, exportAs('csv'));
  mountEndpoint(app, server, endpoints.exportAuditJsonl, exportAs('jsonl'));
}
