import { sql, type Transaction } from 'kysely';
import { z } from '../../lib/zod';
import { Report } from '../../api/schemas/report';
import { ReportFile } from '../../api/schemas/report-file';
import type { SentAnswer } from '../../domain/file-viewed';
import { insertRows } from '../db/bulk-load';
import type { Database, Row } from '../db/tables';
import { Refusal } from '../refusal';

/** A file as stored: `fileViewedByEsp` is derived from the audit log on every read. */
export const StoredFile = z.omit(ReportFile, { fileViewedByEsp: true });
export type StoredFile = z.infer<typeof StoredFile>;

/** What `reports.body` holds: the report but for its columns and its files. */
export const ReportBody = z.omit(Report, {
  id: true,
  version: true,
  status: true,
  updatedAt: true,
  files: true,
});

const SentAnswerRow = z.object({
  viewed: z.boolean(),
  evidence: ReportFile.shape.fileViewedByEsp.shape.evidence,
  sentAt: z.string(),
  afterSeq: z.int().check(z.nonnegative()),
});

/** A report as the server keeps it: the contract's `Report` with its files as stored. */
export type StoredReport = Omit<Report, 'files'> & {
  files: StoredFile[];
  incidentKey: string;
  /** NCMEC's file ids by SHA-256, once uploaded: the server's own, never sent to the browser. */
  ncmecFileIds: Record<string, string>;
  /** By SHA-256: the `fileViewedByEsp` each file's fileinfo sent NCMEC, frozen from then on. */
  viewedAsSent: Record<string, SentAnswer>;
};

/** A new report's id, `rpt_00001` on: one sequence, whichever instance drafts. */
export async function nextReportId(trx: Transaction<Database>): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval('report_numbers')::text as n`.execute(
    trx,
  );
  return `rpt_${(rows[0]?.n ?? '0').padStart(5, '0')}`;
}

function storedOf(row: Row<'reports'>, files: readonly Row<'report_files'>[]): StoredReport {
  const body = ReportBody.parse(row.body);
  const ncmecFileIds: Record<string, string> = {};
  const viewedAsSent: Record<string, SentAnswer> = {};
  for (const f of files) {
    if (f.ncmec_file_id !== null) ncmecFileIds[f.sha256] = f.ncmec_file_id;
    if (f.viewed_as_sent !== null) viewedAsSent[f.sha256] = SentAnswerRow.parse(f.viewed_as_sent);
  }
  return {
    ...body,
    id: row.id,
    version: row.version,
    status: row.status,
    updatedAt: row.updated_at.toISOString(),
    incidentKey: row.incident_key,
    files: files.map((f) => StoredFile.parse(f.file)),
    ncmecFileIds,
    viewedAsSent,
  };
}

/** These reports, in the order asked, with their files; missing ids are left out. */
export async function readReports(
  trx: Transaction<Database>,
  ids: readonly string[],
): Promise<StoredReport[]> {
  if (ids.length === 0) return [];
  const rows = await trx.selectFrom('reports').selectAll().where('id', 'in', ids).execute();
  const files = await trx
    .selectFrom('report_files')
    .selectAll()
    .where('report_id', 'in', ids)
    .orderBy('report_id')
    .orderBy('position')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row
      ? [
          storedOf(
            row,
            files.filter((f) => f.report_id === id),
          ),
        ]
      : [];
  });
}

/**
 * One report, 404 when there is none. `lock` takes its row for the transaction, so that changes
 * to one report queue; the version compare-and-set in `saveReport` refuses what slips past.
 */
export async function readReport(
  trx: Transaction<Database>,
  id: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<StoredReport> {
  let query = trx.selectFrom('reports').select('id').where('id', '=', id);
  if (lock) query = query.forUpdate();
  const found = await query.executeTakeFirst();
  const [report] = found ? await readReports(trx, [id]) : [];
  if (!report) throw new Refusal('not_found', 'not_found', `No report ${id}.`);
  return report;
}

function columnsOf(report: StoredReport) {
  const {
    id: _id,
    version: _version,
    status: _status,
    updatedAt: _updatedAt,
    files: _files,
    incidentKey: _key,
    ncmecFileIds: _ids,
    viewedAsSent: _sent,
    ...body
  } = report;
  return {
    version: report.version,
    status: report.status,
    supplier_id: report.incident.supplier.id,
    incident_key: report.incidentKey,
    prior_report_id: report.priorReport?.id ?? null,
    body: JSON.stringify(ReportBody.parse(body)),
    created_at: report.createdAt,
    updated_at: report.updatedAt,
  };
}

/** The file and item rows of these reports. */
async function insertFiles(trx: Transaction<Database>, reports: readonly StoredReport[]) {
  const files = reports.flatMap((report) =>
    report.files.map((file, position) => ({
      report_id: report.id,
      sha256: file.sha256,
      position,
      file: JSON.stringify(file),
      ncmec_file_id: report.ncmecFileIds[file.sha256] ?? null,
      viewed_as_sent: report.viewedAsSent[file.sha256]
        ? JSON.stringify(report.viewedAsSent[file.sha256])
        : null,
    })),
  );
  const items = reports.flatMap((report) =>
    report.files.flatMap((file) =>
      file.itemIds.map((itemId) => ({
        report_id: report.id,
        item_id: itemId,
        sha256: file.sha256,
      })),
    ),
  );
  await insertRows(trx, 'report_files', files);
  await insertRows(trx, 'report_items', items);
}

async function writeFiles(trx: Transaction<Database>, report: StoredReport) {
  await trx.deleteFrom('report_items').where('report_id', '=', report.id).execute();
  await trx.deleteFrom('report_files').where('report_id', '=', report.id).execute();
  await insertFiles(trx, [report]);
}

/** Stores new reports with their files. */
export async function insertReports(trx: Transaction<Database>, reports: readonly StoredReport[]) {
  await insertRows(trx, 'reports', reports, (r) => ({ id: r.id, ...columnsOf(r) }));
  await insertFiles(trx, reports);
}

/** Stores a new report with its files. */
export const insertReport = (trx: Transaction<Database>, report: StoredReport) =>
  insertReports(trx, [report]);

/**
 * Stores a changed report: a compare-and-set on the version it was read at (`readVersion`), so a
 * change made on a stale read is refused (409 `version_conflict`), never merged silently.
 */
export async function saveReport(
  trx: Transaction<Database>,
  report: StoredReport,
  readVersion: number,
) {
  const result = await trx
    .updateTable('reports')
    .set(columnsOf(report))
    .where('id', '=', report.id)
    .where('version', '=', readVersion)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw new Refusal(
      'conflict',
      'version_conflict',
      `Report ${report.id} changed since it was read: reload it to see the change.`,
    );
  }
  await writeFiles(trx, report);
}
