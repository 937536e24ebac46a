import { sql, type Transaction } from 'kysely';
import type { FlaggedItem } from '../../api/schemas/item';
import { groupBy } from '../../lib/group-by';
import type { NewAuditEvent } from '../audit/audit-chain';
import type { Database } from '../db/tables';
import type { GeneratedData } from '../demo/generator';
import { incidentKey } from './draft-fields';
import { fileOf } from './draft-file';
import { draftOf } from './drafting';
import { createdEvent } from './report-record';
import { insertReports, type StoredReport } from './report-rows';

/**
 * The demo's report drafts: the generated confirmed items gathered by incident, as they would
 * have been drafted while the data was decided. Each draft was created as its incident's last
 * item was confirmed, so its `report.created` event is part of the seeded history, before anyone
 * signs in: reading reports never writes.
 */
export function seededReportDrafts(
  data: Pick<GeneratedData, 'items' | 'decisions'>,
  now: Date,
): { reports: StoredReport[]; history: NewAuditEvent[] } {
  const decisionsOf = (itemId: string) => data.decisions.get(itemId) ?? [];
  // When the item became confirmed: its latest decision.
  const confirmedAt = (item: FlaggedItem) => decisionsOf(item.id).at(-1)?.at ?? item.flaggedAt;
  const confirmed = data.items.filter((i) => i.status === 'confirmed');
  const reports = [...groupBy(confirmed, incidentKey).values()].map((items, index) => {
    const at = items.map(confirmedAt).reduce((a, b) => (a > b ? a : b));
    const files = [...groupBy(items, (i) => i.media.sha256).values()].map((group) =>
      fileOf(group, decisionsOf, now),
    );
    return draftOf(`rpt_${String(index + 1).padStart(5, '0')}`, items, files, at, now);
  });
  return { reports, history: reports.map((r) => createdEvent(r, true)) };
}

/** Stores the seeded drafts; the report numbers go on after them. */
export async function insertSeededDrafts(
  trx: Transaction<Database>,
  reports: readonly StoredReport[],
) {
  await insertReports(trx, reports);
  if (reports.length > 0)
    await sql`select setval('report_numbers', ${reports.length})`.execute(trx);
}
