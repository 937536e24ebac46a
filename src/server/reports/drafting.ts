import type { Transaction } from 'kysely';
import type { FlaggedItem } from '../../api/schemas/item';
import { groupBy } from '../../lib/group-by';
import type { Database } from '../db/tables';
import { readDecisions } from '../decisions/decision-rows';
import { readItems } from '../items/item-rows';
import { draftFields, incidentKey, incidentOf } from './draft-fields';
import { fileEdits, fileOf } from './draft-file';
import { refusedSourceValues } from './refused-source-values';
import { nextReportId, type StoredFile, type StoredReport } from './report-rows';

/** The items a report holds, in its files' order. */
export const itemsOfReport = (trx: Transaction<Database>, report: StoredReport) =>
  readItems(
    trx,
    report.files.flatMap((f) => f.itemIds),
  );

/** One file per SHA-256 of these items, each filled from its items and their decisions. */
export async function filesOf(
  trx: Transaction<Database>,
  items: readonly FlaggedItem[],
  now: Date,
): Promise<StoredFile[]> {
  const decisions = await readDecisions(
    trx,
    items.map((i) => i.id),
  );
  return [...groupBy(items, (i) => i.media.sha256).values()].map((group) =>
    fileOf(group, (id) => decisions.get(id) ?? [], now),
  );
}

/**
 * Sets the report's files to these items', keeping what people edited on a file that stays. The
 * values set aside follow the items.
 */
export async function regroup(
  trx: Transaction<Database>,
  report: StoredReport,
  items: readonly FlaggedItem[],
  now: Date,
) {
  const edited = new Map(report.files.map((f) => [f.sha256, f]));
  report.files = (await filesOf(trx, items, now)).map((file) => {
    const before = edited.get(file.sha256);
    return before ? { ...file, ...fileEdits(before) } : file;
  });
  report.refusedSourceValues = refusedSourceValues(items, now);
}

/** A report with nothing filed: the filing's own records empty. */
export const noFilingRecords = (): Pick<StoredReport, 'ncmecFileIds' | 'viewedAsSent'> => ({
  ncmecFileIds: {},
  viewedAsSent: {},
});

/** A new draft of these items (one incident and uploader), its fields drawn from them. */
export function draftOf(
  id: string,
  items: readonly FlaggedItem[],
  files: StoredFile[],
  at: string,
  now: Date,
): StoredReport {
  const [first] = items;
  if (!first) throw new Error('a draft needs an item');
  return {
    id,
    version: 1,
    status: 'draft',
    incident: incidentOf(first),
    incidentKey: incidentKey(first),
    ...noFilingRecords(),
    files,
    createdAt: at,
    updatedAt: at,
    reporter: null,
    priorReport: null,
    draftEditors: [],
    amendedBy: [],
    submittedBy: null,
    review: null,
    filing: null,
    filed: null,
    ...draftFields(items, files, now),
  };
}

/** A new draft with the next report number. */
export async function draftReport(
  trx: Transaction<Database>,
  items: readonly FlaggedItem[],
  at: string,
  now: Date,
): Promise<StoredReport> {
  const files = await filesOf(trx, items, now);
  return draftOf(await nextReportId(trx), items, files, at, now);
}
