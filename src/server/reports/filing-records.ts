import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { FilingDocument, FilingStep } from '../../api/schemas/filing';
import type { Actor } from '../../api/schemas/user';
import type { Database } from '../db/tables';
import type { NcmecResult } from '../ncmec/ncmec-client';
import { Refusal } from '../refusal';
import { recordReportChange } from './report-record';
import type { StoredReport } from './report-rows';

/**
 * What the filing keeps of each exchange with NCMEC: the documents sent (`<report>`,
 * `<fileDetails>`) and NCMEC's answers, byte for byte, with the report; and one
 * `report.filing_step` audit event per step, carrying their SHA-256, NCMEC's ids and code. Forms
 * (upload, finish, retract) are not documents: their fields are in the event. The uploaded file's
 * bytes are never kept here: supervisors and auditors download these records, and auditors never
 * see media.
 */

/** The bytes of one call: what was sent when it was a document, and the answer if one came. */
export interface Exchange {
  sent: Uint8Array | null;
  answer: Uint8Array | null;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * A fetch for the NCMEC client that copies what crosses the wire into `exchange`: the body of an
 * XML request, and the answer as received, before the client reads either.
 */
export function recordingFetch(
  fetch: (request: Request) => Promise<Response>,
  exchange: Exchange,
): (request: Request) => Promise<Response> {
  return async (request) => {
    exchange.sent = null;
    exchange.answer = null;
    if (request.headers.get('Content-Type')?.startsWith('text/xml'))
      exchange.sent = new Uint8Array(await request.clone().arrayBuffer());
    const response = await fetch(request);
    exchange.answer = new Uint8Array(await response.clone().arrayBuffer());
    return response;
  };
}

/** The fields of the step's form or document worth finding in the audit log. */
function stepDetail(report: StoredReport, step: FilingStep, result: NcmecResult | null) {
  const file =
    step.sha256 === null ? undefined : report.files.find((f) => f.sha256 === step.sha256);
  return {
    step: step.step,
    ncmecCode: result?.code ?? null,
    ncmecReportId: result?.reportId ?? report.filing?.ncmecReportId ?? null,
    ...(step.sha256 === null
      ? {}
      : {
          fileSha256: step.sha256,
          ncmecFileId: result?.fileId ?? report.ncmecFileIds[step.sha256] ?? null,
        }),
    ...(step.step === 'upload'
      ? { fileName: file?.fileName ?? null, ncmecMd5: result?.md5 ?? null }
      : {}),
  };
}

/**
 * Keeps the exchange's documents with the report and records the step as an audit event holding
 * their hashes, in the caller's transaction: the one that also records the step's outcome.
 */
export async function recordStep(
  trx: Transaction<Database>,
  report: StoredReport,
  actor: Actor,
  step: FilingStep,
  exchange: Exchange,
  result: NcmecResult | null,
  now: Date,
) {
  const at = now.toISOString();
  const ncmecReportId = result?.reportId ?? report.filing?.ncmecReportId ?? null;
  const kept = await trx
    .selectFrom('filing_documents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('report_id', '=', report.id)
    .executeTakeFirstOrThrow();
  let next = Number(kept.n);
  const prepare = (direction: FilingDocument['direction'], body: Uint8Array | null) => {
    if (body === null) return null;
    next += 1;
    return { id: `doc-${String(next).padStart(3, '0')}`, direction, body, sha256: sha256(body) };
  };
  const sent = prepare('sent', exchange.sent);
  const answer = prepare('answer', exchange.answer);
  const event = await recordReportChange(trx, report, actor, now, 'report.filing_step', {
    ...stepDetail(report, step, result),
    outcome: result === null ? 'no_answer' : result.code === 0 ? 'done' : 'refused',
    sentDocument: sent?.id ?? null,
    sentSha256: sent?.sha256 ?? null,
    answerDocument: answer?.id ?? null,
    answerSha256: answer?.sha256 ?? null,
  });
  const docs = [sent, answer].flatMap((doc) => (doc ? [doc] : []));
  if (docs.length === 0) return;
  await trx
    .insertInto('filing_documents')
    .values(
      docs.map((doc) => ({
        report_id: report.id,
        id: doc.id,
        step: step.step,
        file_sha256: step.sha256,
        direction: doc.direction,
        at,
        ncmec_report_id: ncmecReportId,
        media_type: 'application/xml' as const,
        sha256: doc.sha256,
        bytes: doc.body.length,
        content: doc.body,
        audit_seq: event.seq,
      })),
    )
    .execute();
}

/** The report's kept documents as the contract lists them, without their bytes, in order. */
export async function listFilingDocuments(
  db: Kysely<Database> | Transaction<Database>,
  reportId: string,
): Promise<FilingDocument[]> {
  const rows = await db
    .selectFrom('filing_documents')
    .select([
      'id',
      'step',
      'file_sha256',
      'direction',
      'at',
      'ncmec_report_id',
      'media_type',
      'bytes',
      'sha256',
      'audit_seq',
    ])
    .where('report_id', '=', reportId)
    .orderBy('audit_seq')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    step: row.step,
    fileSha256: row.file_sha256,
    direction: row.direction,
    at: row.at.toISOString(),
    ncmecReportId: row.ncmec_report_id,
    mediaType: row.media_type,
    bytes: row.bytes,
    sha256: row.sha256,
    auditSeq: row.audit_seq,
  }));
}

/** One kept document's bytes, exactly as exchanged; 404 when the report keeps none by that id. */
export async function filingDocumentContent(
  db: Kysely<Database> | Transaction<Database>,
  reportId: string,
  documentId: string,
): Promise<{ content: Uint8Array; fileName: string }> {
  const row = await db
    .selectFrom('filing_documents')
    .select(['content', 'step', 'direction'])
    .where('report_id', '=', reportId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row)
    throw new Refusal('not_found', 'not_found', `Report ${reportId} keeps no ${documentId}.`);
  return {
    content: row.content,
    fileName: `${reportId}-${documentId}-${row.step}-${row.direction}.xml`,
  };
}
