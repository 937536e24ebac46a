import { sql, type Transaction } from 'kysely';
import type { AuditEvent } from '../../api/schemas/audit';
import type { Flow } from '../../api/schemas/insights';
import { Signal } from '../../api/schemas/item';
import { NotAvailable } from '../../api/schemas/report';
import type { SupplierReasons } from '../../api/schemas/report-workflow';
import { z } from '../../lib/zod';
import { readEvents } from '../audit/audit-read';
import type { Database } from '../db/tables';
import { readDecisions, type ItemIds } from '../decisions/decision-rows';
import {
  ChecklistSubjectRow,
  checklistSubjectWithout,
  subjectOf,
} from '../items/checklist-subject';
import { insightItemOf, type InsightItem } from './insight-item';
import { codeUnitOrder } from '../../lib/code-unit-order';

type Trx = Transaction<Database>;

/** `[from, to)` in epoch milliseconds. */
export interface Range {
  from: number;
  to: number;
}

/**
 * The items' order of arrival, which the insights' ties keep (a rule's dismissal reasons, pairs
 * of reviewers as agreeing as each other): the index the id ends with, four base-36 digits, then
 * the id. Compared by code unit: a locale's collation took a third of a second at 100,000 items.
 */
export const byArrival = (a: { id: string }, b: { id: string }) =>
  codeUnitOrder(a.id.slice(-4), b.id.slice(-4)) || codeUnitOrder(a.id, b.id);

const inRange = (range: Range) => [new Date(range.from), new Date(range.to)] as const;

/**
 * The ids of the items the insights over `range` read, as a query: flagged in it (rule
 * precision, suppliers, items in), or with a standing decision made in it (flow's decided, a
 * second review for agreement, exposure).
 */
function itemIdsIn(trx: Trx, range: Range): ItemIds {
  const [from, to] = inRange(range);
  return trx
    .selectFrom('items')
    .select('id')
    .where('flagged_at', '>=', from)
    .where('flagged_at', '<', to)
    .unionAll(
      trx
        .selectFrom('decisions')
        .select('item_id as id')
        .where('undone_at', 'is', null)
        .where('at', '>=', from)
        .where('at', '<', to),
    );
}

const InsightRowSource = z.object({
  signals: z.array(Signal),
  entries: z.nullable(z.array(z.string())),
  checklistSubject: z.nullable(ChecklistSubjectRow),
});

/**
 * The items the insights over `range` read, in their order of arrival: one statement, and of each
 * item only what the insights count (`InsightItem`). An item stored before it kept its checklist's
 * entries has its provenance read and checked instead.
 */
export async function insightItems(trx: Trx, range: Range): Promise<InsightItem[]> {
  const rows = await trx
    .selectFrom('items')
    .innerJoin('provenance', 'provenance.item_id', 'items.id')
    .select([
      'items.id',
      'items.status',
      'items.flagged_at',
      'items.sla_due_at',
      'items.sha256',
      'items.md5',
      'items.pdq',
      'items.completeness_entries',
      'items.completeness_incident_from',
      'provenance.supplier_id',
      sql<string>`provenance.supplier ->> 'name'`.as('supplier_name'),
      checklistSubjectWithout('completeness_entries').as('checklist_subject'),
      sql`coalesce((select json_agg(s.signal order by s.position) from signals s
        where s.item_id = items.id), '[]'::json)`.as('signals'),
    ])
    .where('items.id', 'in', itemIdsIn(trx, range))
    .execute();
  return rows
    .map((row): InsightItem => {
      const { signals, entries, checklistSubject } = InsightRowSource.parse({
        signals: row.signals,
        entries: row.completeness_entries,
        checklistSubject: row.checklist_subject,
      });
      const item = {
        id: row.id,
        status: row.status,
        flaggedAt: row.flagged_at.toISOString(),
        slaDueAt: row.sla_due_at.toISOString(),
        signals,
        media: { sha256: row.sha256, md5: row.md5, pdq: row.pdq },
      };
      if (entries === null) {
        const subject = subjectOf(row.id, checklistSubject);
        return insightItemOf({
          ...item,
          media: { ...item.media, ...subject.media },
          provenance: subject.provenance,
        });
      }
      return {
        ...item,
        supplier: { id: row.supplier_id, name: row.supplier_name },
        kept: { entries, incidentFrom: row.completeness_incident_from },
      };
    })
    .sort(byArrival);
}

/** The standing decisions on the items `insightItems` reads, oldest first, by item. */
export const insightDecisions = (trx: Trx, range: Range) =>
  readDecisions(trx, itemIdsIn(trx, range));

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
