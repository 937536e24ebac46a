import type { Transaction } from 'kysely';
import type { AuditAction, AuditEvent } from '../../api/schemas/audit';
import type { Report } from '../../api/schemas/report';
import type { Actor, User } from '../../api/schemas/user';
import { appendAuditEvents, type NewAuditEvent } from '../audit/audit-chain';
import type { Database } from '../db/tables';
import { Refusal } from '../refusal';
import { insertReport, saveReport, type StoredReport } from './report-rows';

/** Drafts and rejected reports: open for editing, and what confirmed items join. */
export const openStatuses: readonly Report['status'][] = ['draft', 'rejected'];
/** Submitted but not yet filing: its items may still be taken out (and the review starts again). */
export const reviewStatuses: readonly Report['status'][] = ['in_review', 'approved'];
/** Who drafts reports and keeps them in step with decisions: the server, not a person. */
export const SYSTEM: Actor = { id: 'sys_reports', name: 'Report drafting', role: 'system' };

export const actorOf = (user: User): Actor => ({ id: user.id, name: user.name, role: user.role });

export const statusText: Record<Report['status'], string> = {
  draft: 'a draft',
  in_review: 'in review',
  approved: 'approved',
  filing: 'being filed',
  filed: 'filed',
  rejected: 'rejected',
  retracted: 'retracted',
};

/** A change made on a stale read is refused, never merged silently. */
export function checkVersion(report: StoredReport, version: number) {
  if (report.version !== version) {
    throw new Refusal(
      'conflict',
      'version_conflict',
      `Report ${report.id} changed since you opened it (version ${report.version}, yours ${version}). Reload it to see the change.`,
    );
  }
}

type ReportAction = Extract<AuditAction, `report.${string}`>;

/**
 * Every change to a report: its version and time move on, it is stored (a compare-and-set on the
 * version it was read at), and the change is on the record (returned).
 */
export async function recordReportChange(
  trx: Transaction<Database>,
  report: StoredReport,
  actor: Actor,
  now: Date,
  action: ReportAction,
  detail: Record<string, string | number | boolean | null>,
): Promise<AuditEvent> {
  const read = report.version;
  report.version += 1;
  report.updatedAt = now.toISOString();
  await saveReport(trx, report, read);
  const [event] = await appendAuditEvents(trx, [
    {
      at: report.updatedAt,
      actor,
      action,
      subject: { type: 'report', id: report.id },
      detail: { status: report.status, version: report.version, ...detail },
    },
  ]);
  if (!event) throw new Error('the audit log appended nothing');
  return event;
}

/** A new report's `report.created` event; `seeded` marks those of the generated history. */
export const createdEvent = (report: StoredReport, seeded: boolean): NewAuditEvent => ({
  at: report.createdAt,
  actor: SYSTEM,
  action: 'report.created',
  subject: { type: 'report', id: report.id },
  detail: {
    files: report.files.length,
    items: report.files.reduce((n, f) => n + f.itemIds.length, 0),
    ...(seeded ? { seeded } : {}),
  },
});

/** Stores a new report, on the record as created. */
export async function addReport(trx: Transaction<Database>, report: StoredReport) {
  await insertReport(trx, report);
  await appendAuditEvents(trx, [createdEvent(report, false)]);
}
