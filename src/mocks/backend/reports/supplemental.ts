import type { User } from '../../../api/schemas/user';
import type { MockState } from '../backend';
import { actorOf } from '../decisions';
import { ReportRefusal } from './refusal';
import { noFilingRecords } from './record';
import type { StoredReport } from './store';

/**
 * Supplemental reports: a follow-up to a filed report, linked to it through `priorCTReports`,
 * which carries only what is new. It starts with none of the original's files, web pages or
 * notes: new files arrive as items of the incident are confirmed (or are moved in from another
 * draft), and a file whose bytes an earlier report of the chain already sent never joins it.
 */

/** The SHA-256 of every file sent by the reports a supplemental follows, back along the chain. */
export function reportedBefore(state: MockState, report: StoredReport): Set<string> {
  const sent = new Set<string>();
  const seen = new Set<string>();
  let prior = report.priorReport;
  while (prior !== null && !seen.has(prior.id)) {
    seen.add(prior.id);
    const earlier = state.reports.get(prior.id);
    for (const file of earlier.files) sent.add(file.sha256);
    prior = earlier.priorReport;
  }
  return sent;
}

/** Refuses a supplemental that would send a file an earlier report already sent (409). */
export function refuseResent(state: MockState, report: StoredReport, shas: readonly string[]) {
  if (report.priorReport === null) return;
  const before = reportedBefore(state, report);
  const resent = shas.filter((sha) => before.has(sha));
  if (resent.length === 0) return;
  throw new ReportRefusal(
    409,
    'already_reported',
    `CyberTipline report ${report.priorReport.ncmecReportId} or one before it already sent ${resent.map((sha) => `the file ${sha.slice(0, 12)}…`).join(', ')}: a supplemental report carries only what is new.`,
  );
}

/**
 * A new draft for a filed report's incident, linked to it (`priorCTReports`). It keeps the
 * incident (type and time: NCMEC requires them) and the reported person, to whom NCMEC ties the
 * prior report; files, web pages, notes and reasons start empty, to be filled with what is new.
 */
export function createSupplemental(
  state: MockState,
  original: StoredReport,
  user: User,
  now: Date,
): StoredReport {
  if (original.status !== 'filed' || !original.filed) {
    throw new ReportRefusal(
      409,
      'not_filed',
      `Report ${original.id} is not filed: a supplemental report follows a filed one.`,
    );
  }
  const at = now.toISOString();
  const report: StoredReport = {
    id: state.reports.nextId(),
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
  state.reports.add(report);
  return report;
}
