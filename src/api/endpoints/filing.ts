import { z } from '../../lib/zod';
import { Id } from '../schemas/common';
import { FilingDocumentList } from '../schemas/filing';
import { Report } from '../schemas/report';
import { FilingAction } from '../schemas/report-workflow';
import type { Endpoint } from './endpoint';
import { ReportIdParams } from './reports';

/**
 * Filing a report with NCMEC, which the server runs, and the documents it kept. Lazily loaded, like
 * the reports. Query options: `filing.queries.ts`.
 */
export const filingEndpoints = {
  fileReport: {
    operationId: 'fileReport',
    method: 'post',
    path: '/api/reports/{reportId}/filing',
    summary: 'Start, resume or retract the filing with NCMEC',
    description:
      'Runs on the server (NCMEC credentials and original files never reach the browser): `submit`, `upload` and `fileinfo` per file, `finish`. A step done is never repeated, so a report is never filed twice; NCMEC’s 5102 (already finished) to a later step means an earlier finish went through, and the report is filed. Before each step, and atomically with recording it, every item must still be confirmed: otherwise the filing stops before `finish` and retracts what was submitted (`retracted`, with `filing.retraction.reason`). Each NCMEC step is a `report.filing_step` audit event; the documents exchanged are kept (`listFilingDocuments`). Only the approving supervisor (the reporter) files. 409 `refused_by_ncmec` while it holds a value NCMEC’s rules refuse. 503 `ncmec_unavailable` while the server has no NCMEC settings (`NCMEC_BASE_URL`, `NCMEC_USERNAME`, `NCMEC_PASSWORD`): nothing is sent.',
    tag: 'reports',
    access: ['supervisor'],
    params: ReportIdParams,
    body: FilingAction,
    response: Report,
    errors: [400, 401, 403, 404, 409, 503],
  },
  listFilingDocuments: {
    operationId: 'listFilingDocuments',
    method: 'get',
    path: '/api/reports/{reportId}/filing-documents',
    summary: 'The documents exchanged with NCMEC while filing, kept with the report',
    description:
      'Every `<report>` and `<fileDetails>` sent and every answer NCMEC gave, of every filing attempt, with the SHA-256 that its `report.filing_step` audit event records.',
    tag: 'reports',
    access: ['supervisor', 'auditor'],
    params: ReportIdParams,
    response: FilingDocumentList,
    errors: [401, 403, 404],
  },
  getFilingDocument: {
    operationId: 'getFilingDocument',
    method: 'get',
    path: '/api/reports/{reportId}/filing-documents/{documentId}',
    summary: 'One kept filing document, byte for byte as exchanged',
    tag: 'reports',
    access: ['supervisor', 'auditor'],
    params: z.extend(ReportIdParams, { documentId: Id }),
    response: { mediaType: 'application/xml' },
    errors: [401, 403, 404],
  },
} as const satisfies Record<string, Endpoint>;
