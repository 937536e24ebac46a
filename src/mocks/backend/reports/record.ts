import type { AuditAction } from '../../../api/schemas/audit';
import type { Actor } from '../../../api/schemas/user';
import type { MockState } from '../backend';
import { ReportRefusal } from './refusal';
import type { StoredReport } from './store';

/** A change made on a stale read is refused, never merged silently. */
export function checkVersion(report: StoredReport, version: number) {
  if (report.version !== version) {
    throw new ReportRefusal(
      409,
      'version_conflict',
      `Report ${report.id} changed since you opened it (version ${report.version}, yours ${version}). Reload it to see the change.`,
    );
  }
}

type ReportAction = Extract<AuditAction, `report.${string}`>;

/** Every change to a report: its version and time move on, and the change is on the record (returned). */
export function recordReportChange(
  state: MockState,
  report: StoredReport,
  actor: Actor,
  now: Date,
  action: ReportAction,
  detail: Record<string, string | number | boolean | null>,
) {
  report.version += 1;
  report.updatedAt = now.toISOString();
  return state.audit.append({
    at: report.updatedAt,
    actor,
    action,
    subject: { type: 'report', id: report.id },
    detail: { status: report.status, version: report.version, ...detail },
  });
}

/** The server's own filing records, for a report that has not been filed yet. */
export const noFilingRecords = (): Pick<
  StoredReport,
  'ncmecFileIds' | 'viewedAsSent' | 'filingDocuments'
> => ({ ncmecFileIds: {}, viewedAsSent: {}, filingDocuments: [] });
