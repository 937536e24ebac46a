import type { Transaction } from 'kysely';
import type { Database } from '../db/tables';
import { readDecisions } from '../decisions/decision-rows';
import { readItems } from '../items/item-rows';
import { confirmationOf } from './draft-file';
import { incidentKey } from './draft-fields';
import { draftReport, itemsOfReport, regroup } from './drafting';
import {
  SYSTEM,
  addReport,
  openStatuses,
  recordReportChange,
  reviewStatuses,
} from './report-record';
import { readReports, saveReport, type StoredReport } from './report-rows';
import { reportedBefore } from './supplemental';

/** These reports, their rows locked for the transaction, oldest first. */
async function lockedReports(
  trx: Transaction<Database>,
  ids: readonly string[],
): Promise<StoredReport[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('reports')
    .select('id')
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  return readReports(
    trx,
    rows.map((r) => r.id),
  );
}

/** A confirmed item joins its incident's open draft, or the open supplemental that may take it. */
async function joinDraft(trx: Transaction<Database>, itemId: string, at: Date) {
  const [item] = await readItems(trx, [itemId]);
  if (!item) return;
  const candidates = await trx
    .selectFrom('reports')
    .select('id')
    .where('incident_key', '=', incidentKey(item))
    .where('status', 'in', openStatuses)
    .execute();
  const drafts = await lockedReports(
    trx,
    candidates.map((r) => r.id),
  );
  // Its incident's open draft; else its open supplemental report, unless a report before that
  // one already sent these bytes.
  let open = drafts.find((r) => r.priorReport === null);
  for (const report of drafts) {
    if (open) break;
    if (!(await reportedBefore(trx, report)).has(item.media.sha256)) open = report;
  }
  if (!open) return addReport(trx, await draftReport(trx, [item], at.toISOString(), at));
  const read = open.version;
  await regroup(trx, open, [...(await itemsOfReport(trx, open)), item], at);
  open.version += 1;
  open.updatedAt = at.toISOString();
  await saveReport(trx, open, read);
}

/**
 * A confirmed item confirmed again (a supervisor's correction): what the correction changed of the
 * confirmation before it (its classification, its annotations) goes into the item's file, over
 * what a person set there, in every report not yet on its way to NCMEC; one in review or approved
 * goes back to draft, to be reviewed again as it now reads. A correction that changed neither
 * leaves every report as it is.
 */
async function reclassify(
  trx: Transaction<Database>,
  itemId: string,
  reportIds: readonly string[],
  at: Date,
) {
  const decisions = (await readDecisions(trx, [itemId])).get(itemId) ?? [];
  const now = confirmationOf(decisions);
  const before = confirmationOf(decisions.slice(0, -1));
  if (now?.kind !== 'confirm' || before?.kind !== 'confirm') return;
  const changed = {
    ...(now.classification === before.classification
      ? {}
      : { industryClassification: now.classification }),
    ...(sameSet(now.annotations, before.annotations)
      ? {}
      : { fileAnnotations: [...now.annotations] }),
  };
  if (Object.keys(changed).length === 0) return;
  for (const report of await lockedReports(trx, reportIds)) {
    if (!openStatuses.includes(report.status) && !reviewStatuses.includes(report.status)) continue;
    const file = report.files.find((f) => f.itemIds.includes(itemId));
    if (!file) continue;
    Object.assign(file, changed);
    if (reviewStatuses.includes(report.status)) {
      Object.assign(report, { status: 'draft', review: null, reporter: null, submittedBy: null });
    }
    await recordReportChange(trx, report, SYSTEM, at, 'report.updated', {
      reclassifiedItem: itemId,
      industryClassification: file.industryClassification,
    });
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

/**
 * Keeps reports in step with an item's decisions (call it after the item's status changed, in the
 * same transaction). Newly confirmed, it joins its incident's open draft, or gets a new one;
 * confirmed again by a correction, its file follows the new verdict (`reclassify`). Undone or
 * corrected away from confirmed, it leaves every report not yet on its way to NCMEC; one in review
 * or approved goes back to draft, to be reviewed again without it.
 */
export async function reportItemChanged(
  trx: Transaction<Database>,
  itemId: string,
  at: Date,
): Promise<void> {
  const item = await trx
    .selectFrom('items')
    .select('status')
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) return;
  const holdingIds = await trx
    .selectFrom('report_items')
    .select('report_id')
    .where('item_id', '=', itemId)
    .execute();
  if (item.status === 'confirmed') {
    if (holdingIds.length === 0) await joinDraft(trx, itemId, at);
    else
      await reclassify(
        trx,
        itemId,
        holdingIds.map((r) => r.report_id),
        at,
      );
    return;
  }
  const holding = await lockedReports(
    trx,
    holdingIds.map((r) => r.report_id),
  );
  for (const report of holding) {
    if (!openStatuses.includes(report.status) && !reviewStatuses.includes(report.status)) continue;
    await regroup(
      trx,
      report,
      (await itemsOfReport(trx, report)).filter((i) => i.id !== itemId),
      at,
    );
    if (reviewStatuses.includes(report.status)) {
      Object.assign(report, { status: 'draft', review: null, reporter: null, submittedBy: null });
    }
    await recordReportChange(trx, report, SYSTEM, at, 'report.updated', {
      removedItem: itemId,
      itemStatus: item.status,
    });
  }
}
