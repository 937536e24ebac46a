import { createHash } from 'node:crypto';
import type { FilingDocument, FilingStep } from '../../../api/schemas/filing';
import type { Actor } from '../../../api/schemas/user';
import type { MockState } from '../backend';
import type { NcmecResult } from '../../../server/ncmec/ncmec-client';
import { recordReportChange } from './record';
import type { StoredReport } from './store';

/**
 * What the filing keeps of each exchange with NCMEC: the documents sent (`<report>`,
 * `<fileDetails>`) and NCMEC's answers, byte for byte, with the report; and one
 * `report.filing_step` audit event per step, carrying their SHA-256, NCMEC's ids and code. Forms
 * (upload, finish, retract) are not documents: their fields are in the event. The uploaded file's
 * bytes are never kept here: supervisors and auditors download these records, and auditors never
 * see media.
 */
export type StoredFilingDocument = FilingDocument & { body: Uint8Array };

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
 * their hashes. Synchronous: the caller records and checks in one go, with nothing in between.
 */
export function recordStep(
  state: MockState,
  report: StoredReport,
  actor: Actor,
  step: FilingStep,
  exchange: Exchange,
  result: NcmecResult | null,
  now: Date,
) {
  const at = now.toISOString();
  const ncmecReportId = result?.reportId ?? report.filing?.ncmecReportId ?? null;
  let next = report.filingDocuments.length;
  const prepare = (direction: FilingDocument['direction'], body: Uint8Array | null) => {
    if (body === null) return null;
    next += 1;
    const id = `doc-${String(next).padStart(3, '0')}`;
    return { id, step: step.step, fileSha256: step.sha256, direction, at, ncmecReportId, body };
  };
  const docs = [prepare('sent', exchange.sent), prepare('answer', exchange.answer)].map(
    (doc) =>
      doc && {
        ...doc,
        mediaType: 'application/xml' as const,
        bytes: doc.body.length,
        sha256: sha256(doc.body),
      },
  );
  const [sent, answer] = docs;
  const event = recordReportChange(state, report, actor, now, 'report.filing_step', {
    ...stepDetail(report, step, result),
    outcome: result === null ? 'no_answer' : result.code === 0 ? 'done' : 'refused',
    sentDocument: sent?.id ?? null,
    sentSha256: sent?.sha256 ?? null,
    answerDocument: answer?.id ?? null,
    answerSha256: answer?.sha256 ?? null,
  });
  for (const doc of docs) if (doc) report.filingDocuments.push({ ...doc, auditSeq: event.seq });
}

/** The documents as the contract lists them: without their bytes. */
export const listedDocuments = (report: StoredReport): FilingDocument[] =>
  report.filingDocuments.map(({ body: _body, ...doc }) => doc);
