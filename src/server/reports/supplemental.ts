import type { Transaction } from 'kysely';
import type { User } from '../../api/schemas/user';
import type { Database } from '../db/tables';
import { Refusal } from '../refusal';
import { noFilingRecords } from './drafting';
import { actorOf, addReport, openStatuses, reviewStatuses } from './report-record';
import { nextReportId, type StoredReport } from './report-rows';

/**
 * Supplemental reports: a follow-up to a filed report, linked to it through `priorCTReports`,
 * which carries only what is new. It starts with none of the original's files, web pages or
 * notes: new files arrive as items of the incident are confirmed (or are moved in from another
 * draft), and a file whose bytes an earlier report of the chain already sent never joins it.
 */

/** The SHA-256 of every file sent by the reports a supplemental follows, back along the chain. */
export async function reportedBefore(
  trx: Transaction<Database>,
  report: Pick<StoredReport, 'priorReport'>,
): Promise<Set<string>> {
  const sent = new Set<string>();
  const seen = new Set<string>();
  let prior = report.priorReport?.id ?? null;
  while (prior !== null && !seen.has(prior)) {
    seen.add(prior);
    const files = await trx
      .selectFrom('report_files')
      .select('sha256')
      .where('report_id', '=', prior)
      .execute();
    for (const { sha256 } of files) sent.add(sha256);
    const row = await trx
      .selectFrom('reports')
      .select('prior_report_id')
      .where('id', '=', prior)
      .executeTakeFirst();
    if (!row) throw new Refusal('not_found', 'not_found', `No report ${prior}.`);
    prior = row.prior_report_id;
  }
  return sent;
}

/** Refuses a supplemental that would send a file an earlier report already sent (409). */
export async function refuseResent(
  trx: Transaction<Database>,
  report: StoredReport,
  shas: readonly string[],
) {
  if (report.priorReport === null) return;
  const before = await reportedBefore(trx, report);
  const resent = shas.filter((sha) => before.has(sha));
  if (resent.length === 0) return;
  throw new Refusal(
    'conflict',
    'already_reported',
    `CyberTipline report ${report.priorReport.ncmecReportId} or one before it already sent ${resent.map((sha) => `the file ${sha.slice(0, 12)}…`).join(', ')}: a supplemental report carries only what is new.`,
  );
}

/**
 * A new draft for a filed report's incident, linked to it (`priorCTReports`). It keeps the
 * incident (type and time: NCMEC requires them) and the reported person, to whom NCMEC ties the
 * prior report; files, web pages, notes and reasons start empty, to be filled with what is new.
 */
export async function createSupplemental(
  trx: Transaction<Database>,
  original: StoredReport,
  user: User,
  now: Date,
): Promise<StoredReport> {
  if (original.status !== 'filed' || !original.filed) {
    throw new Refusal(
      'conflict',
      'not_filed',
      `Report ${original.id} is not filed: a supplemental report follows a filed one.`,
    );
  }
  // One supplemental report open at a time: a second, made beside it, would split what is new.
  const open = await trx
    .selectFrom('reports')
    .select('id')
    .where('prior_report_id', '=', original.id)
    .where('status', 'in', [...openStatuses, ...reviewStatuses])
    .executeTakeFirst();
  if (open)
    throw new Refusal(
      'conflict',
      'supplemental_open',
      `Report ${original.id} already has an open supplemental report, ${open.id}: add to that one.`,
    );
  const at = now.toISOString();
  const report: StoredReport = {
    id: await nextReportId(trx),
    version: 1,
    status: 'draft',
    incident: structuredClone(original.incident),
    incidentKey: original.incidentKey,
    ...noFilingRecords(),
    incidentSummary: { ...structuredClone(original.incidentSummary), escalateToHighPriority: null },
    webPages: [],
    reportedPerson: structuredClone(original.reportedPerson),
    additionalInfo: '',
    // Whether the new files were kept out of training is for a person to say; the values set
    // aside arrive with the new files' items.
    excludedFromTraining: null,
    refusedSourceValues: [],
    files: [],
    notAvailable: [],
    createdAt: at,
    updatedAt: at,
    reporter: null,
    priorReport: { id: original.id, ncmecReportId: original.filed.ncmecReportId },
    draftEditors: [actorOf(user)],
    amendedBy: [],
    submittedBy: null,
    review: null,
    filing: null,
    filed: null,
  };
  await addReport(trx, report);
  return report;
}
