import { sql, type Transaction } from 'kysely';
import type { AuditEvent } from '../../api/schemas/audit';
import type { Decision } from '../../api/schemas/decision';
import type { FlaggedItem } from '../../api/schemas/item';
import type { Flow } from '../../api/schemas/insights';
import { NotAvailable } from '../../api/schemas/report';
import type { SupplierReasons } from '../../api/schemas/report-workflow';
import { z } from '../../lib/zod';
import { readEvents } from '../audit/audit-read';
import type { Database } from '../db/tables';
import { readDecisions } from '../decisions/decision-rows';
import { readItems } from '../items/item-rows';

type Trx = Transaction<Database>;

/** `[from, to)` in epoch milliseconds. */
export interface Range {
  from: number;
  to: number;
}

/** Ids per query: well under PostgreSQL's limit on one statement's parameters. */
const CHUNK = 5000;

const chunks = <T>(values: readonly T[]) =>
  Array.from({ length: Math.ceil(values.length / CHUNK) }, (_, i) =>
    values.slice(i * CHUNK, (i + 1) * CHUNK),
  );

/**
 * The items' order of arrival, which the insights' ties keep (a rule's dismissal reasons, pairs
 * of reviewers as agreeing as each other): the index the id ends with, four base-36 digits.
 */
const arrival = (id: string) => id.slice(-4);

/** These items, whole, in their order of arrival. */
export async function itemsById(trx: Trx, ids: Iterable<string>): Promise<FlaggedItem[]> {
  const unique = [...new Set(ids)];
  const items = (await Promise.all(chunks(unique).map((part) => readItems(trx, part)))).flat();
  return items.sort(
    (a, b) => arrival(a.id).localeCompare(arrival(b.id)) || a.id.localeCompare(b.id),
  );
}

/** The standing decisions on these items, oldest first, by item. */
export async function decisionsByItem(trx: Trx, ids: Iterable<string>) {
  const byItem = new Map<string, Decision[]>();
  for (const part of chunks([...new Set(ids)]))
    for (const [id, decisions] of await readDecisions(trx, part)) byItem.set(id, decisions);
  return byItem;
}

const inRange = (range: Range) => [new Date(range.from), new Date(range.to)] as const;

/**
 * The ids of the items the insights over `range` read: flagged in it (rule precision, suppliers,
 * items in), decided in it by a standing decision that was not a correction (flow's decided, and
 * a second review for agreement), or with any standing decision made in it (exposure).
 */
export async function itemIdsOf(trx: Trx, range: Range) {
  const [from, to] = inRange(range);
  const [flagged, decided] = await Promise.all([
    trx
      .selectFrom('items')
      .select('id')
      .where('flagged_at', '>=', from)
      .where('flagged_at', '<', to)
      .execute(),
    trx
      .selectFrom('decisions')
      .select('item_id')
      .distinct()
      .where('undone_at', 'is', null)
      .where('at', '>=', from)
      .where('at', '<', to)
      .execute(),
  ]);
  return { flagged: flagged.map((r) => r.id), decided: decided.map((r) => r.item_id) };
}

/**
 * The items waiting now, by how much of their SLA they have used: `(now − flagged) / (due −
 * flagged)` under a half, up to whole, or over; counted in the database over exact milliseconds.
 */
export async function pendingByAge(trx: Trx, now: Date): Promise<Flow['pendingByAge']> {
  const row = await trx
    .selectFrom(
      trx
        .selectFrom('items')
        .select([
          sql<number>`extract(epoch from (${now}::timestamptz - flagged_at)) * 1000`.as('used'),
          sql<number>`greatest(1, extract(epoch from (sla_due_at - flagged_at)) * 1000)`.as(
            'allowed',
          ),
        ])
        .where('status', 'in', ['pending', 'awaiting_second_review', 'escalated'])
        .as('waiting'),
    )
    .select([
      sql<string>`count(*) filter (where 2 * used < allowed)`.as('within_half'),
      sql<string>`count(*) filter (where 2 * used >= allowed and used <= allowed)`.as('within_sla'),
      sql<string>`count(*) filter (where used > allowed)`.as('over_sla'),
    ])
    .executeTakeFirstOrThrow();
  return (['within_half', 'within_sla', 'over_sla'] as const).map((band) => ({
    band,
    count: Number(row[band]),
  }));
}

/** Every reveal and re-blur on the record, in log order: exposure's raw material. */
export async function revealEvents(trx: Trx): Promise<AuditEvent[]> {
  return readEvents(
    trx,
    trx
      .selectFrom('audit_events')
      .selectAll()
      .where('action', 'in', ['media.revealed', 'media.reblurred']),
  );
}

type Reason = Pick<SupplierReasons['reasons'][number], 'field' | 'reason' | 'reports'>;

const ReportRow = z.object({
  supplier_id: z.string(),
  status: z.string(),
  not_available: z.array(NotAvailable),
});

/**
 * Per supplier, what its reports said its data could not give (how many reports gave each field
 * and reason, most first) and how many were filed: one read of the reports, in their order of
 * creation.
 */
export async function supplierReports(trx: Trx) {
  const rows = await trx
    .selectFrom('reports')
    .select(['supplier_id', 'status', sql`body->'notAvailable'`.as('not_available')])
    .orderBy(sql`body->>'createdAt'`)
    .orderBy('id')
    .execute();
  const reports = rows.map((row) => ReportRow.parse(row));
  return {
    reasons(supplierId: string) {
      const given = new Map<string, Reason>();
      for (const report of reports) {
        if (report.supplier_id !== supplierId) continue;
        for (const { field, reason } of report.not_available) {
          const key = `${field}\u0000${reason}`;
          const seen = given.get(key);
          given.set(key, { field, reason, reports: (seen?.reports ?? 0) + 1 });
        }
      }
      return [...given.values()].sort((a, b) => b.reports - a.reports);
    },
    filed: (supplierId: string) =>
      reports.filter((r) => r.status === 'filed' && r.supplier_id === supplierId).length,
  };
}
