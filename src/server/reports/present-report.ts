import type { Transaction } from 'kysely';
import { AuditEvent } from '../../api/schemas/audit';
import type { Report } from '../../api/schemas/report';
import type { ReportSummary } from '../../api/schemas/report-workflow';
import { fileViewedByEsp } from '../../domain/file-viewed';
import { blockers, checklistProgress, reportChecklist } from '../../domain/report-checklist';
import type { Database } from '../db/tables';
import type { StoredReport } from './report-rows';

/**
 * The originals served of these items and of every other item with the same bytes (a reveal of
 * any of them viewed the file), oldest first.
 */
async function servings(trx: Transaction<Database>, report: StoredReport) {
  const shas = report.files.map((f) => f.sha256);
  if (shas.length === 0) return { events: [], sameBytes: new Map<string, string[]>() };
  const twins = await trx
    .selectFrom('items')
    .select(['id', 'sha256'])
    .where('sha256', 'in', shas)
    .execute();
  const sameBytes = new Map<string, string[]>();
  for (const file of report.files) {
    const others = twins.filter((t) => t.sha256 === file.sha256).map((t) => t.id);
    sameBytes.set(file.sha256, [...new Set([...file.itemIds, ...others])]);
  }
  const ids = [...new Set([...sameBytes.values()].flat())];
  const rows = await trx
    .selectFrom('audit_events')
    .selectAll()
    .where('subject_type', '=', 'item')
    .where('subject_id', 'in', ids)
    .where('action', '=', 'media.served')
    .orderBy('seq')
    .execute();
  const events = rows.map((row) =>
    AuditEvent.parse({
      seq: row.seq,
      at: row.at.toISOString(),
      actor: row.actor,
      action: row.action,
      subject: { type: row.subject_type, id: row.subject_id },
      detail: row.detail,
      prevHash: row.prev_hash,
      hash: row.hash,
    }),
  );
  return { events, sameBytes };
}

/** The report as the API shows it: `fileViewedByEsp` derived from the audit log now. */
export async function presentReport(
  trx: Transaction<Database>,
  stored: StoredReport,
): Promise<Report> {
  const { incidentKey: _key, ncmecFileIds: _ids, viewedAsSent, ...report } = stored;
  const { events, sameBytes } = await servings(trx, stored);
  return {
    ...report,
    files: report.files.map((file) => ({
      ...file,
      fileViewedByEsp: fileViewedByEsp(
        sameBytes.get(file.sha256) ?? file.itemIds,
        events,
        viewedAsSent[file.sha256] ?? null,
      ),
    })),
  };
}

/** A row of the report list: its checklist's count and what blocks approval, as of `now`. */
export function summaryOf(report: StoredReport, now: Date): ReportSummary {
  const entries = reportChecklist(report, now);
  return {
    id: report.id,
    version: report.version,
    status: report.status,
    incident: report.incident,
    updatedAt: report.updatedAt,
    priorReport: report.priorReport,
    filed: report.filed,
    fileCount: report.files.length,
    itemCount: report.files.reduce((n, f) => n + f.itemIds.length, 0),
    completeness: {
      ...checklistProgress(entries),
      blockers: blockers(entries, 'approve').map(({ id, label }) => ({ id, label })),
    },
  };
}
