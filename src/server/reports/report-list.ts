import type { Transaction } from 'kysely';
import { NotAvailable, type ReportStatus } from '../../api/schemas/report';
import type {
  ReportList,
  ReportListQuery,
  ReportSummary,
  SupplierReasons,
} from '../../api/schemas/report-workflow';
import { z } from '../../lib/zod';
import { preservationDueSoon } from '../../domain/preservation';
import type { Database } from '../db/tables';
import { summaryOf } from './present-report';
import { readReports } from './report-rows';

/** Work still to do first; filed and retracted reports last (unless preservation ends soon). */
const statusRank: Record<ReportStatus, number> = {
  draft: 0,
  rejected: 0,
  in_review: 0,
  approved: 0,
  filing: 0,
  retracted: 1,
  filed: 2,
};

/**
 * The report list. The filters are SQL; the order needs each report's checklist (a rule of
 * `src/domain`, as of now), so the matching reports are ranked here: reports are few beside items.
 */
export async function listReports(
  trx: Transaction<Database>,
  query: ReportListQuery,
  now: Date,
): Promise<ReportList> {
  let select = trx.selectFrom('reports').select('id');
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.supplierId !== undefined) select = select.where('supplier_id', '=', query.supplierId);
  const { itemId } = query;
  if (itemId !== undefined) {
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('report_items')
          .select('report_items.item_id')
          .whereRef('report_items.report_id', '=', 'reports.id')
          .where('report_items.item_id', '=', itemId),
      ),
    );
  }
  const ids = (await select.execute()).map((r) => r.id);
  // Filed reports whose preservation ends within 30 days (or has ended) come first of all.
  const rank = ({ status, filed }: ReportSummary) =>
    filed && preservationDueSoon(filed.preservationDeadline, now) ? -1 : statusRank[status];
  const byDeadline = (a: ReportSummary, b: ReportSummary) =>
    a.filed && b.filed
      ? a.filed.preservationDeadline.localeCompare(b.filed.preservationDeadline)
      : 0;
  const rows = (await readReports(trx, ids))
    .map((r) => summaryOf(r, now))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        byDeadline(a, b) ||
        b.completeness.blockers.length - a.completeness.blockers.length ||
        a.completeness.settled - b.completeness.settled ||
        a.updatedAt.localeCompare(b.updatedAt) ||
        a.id.localeCompare(b.id),
    );
  return {
    reports: rows.slice(query.offset, query.offset + query.limit),
    total: rows.length,
    offset: query.offset,
  };
}

const Given = z.object({ notAvailable: z.array(NotAvailable) });

/** The reasons given for a supplier's missing fields, most often given first. */
export async function supplierReasons(
  trx: Transaction<Database>,
  supplierId: string,
): Promise<SupplierReasons> {
  const rows = await trx
    .selectFrom('reports')
    .select(['body', 'updated_at'])
    .where('supplier_id', '=', supplierId)
    .orderBy('id')
    .execute();
  const given = new Map<string, SupplierReasons['reasons'][number]>();
  for (const row of rows) {
    const updatedAt = row.updated_at.toISOString();
    for (const { field, reason } of Given.parse(row.body).notAvailable) {
      const key = JSON.stringify([field, reason]);
      const seen = given.get(key);
      given.set(key, {
        field,
        reason,
        reports: (seen?.reports ?? 0) + 1,
        lastGivenAt: seen && seen.lastGivenAt > updatedAt ? seen.lastGivenAt : updatedAt,
      });
    }
  }
  return { supplierId, reasons: [...given.values()].sort((a, b) => b.reports - a.reports) };
}
