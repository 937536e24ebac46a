import type { Hono } from 'hono';
import { filingEndpoints } from '../../api/endpoints/filing';
import { mountEndpoint } from '../http/mount-endpoint';
import type { ServerContext } from '../server-context';
import { fileReport } from './filing';
import { filingDocumentContent, listFilingDocuments } from './filing-records';
import { presentReport } from './present-report';
import { readReport } from './report-rows';

/**
 * Filing with NCMEC: start, resume or retract (the run itself is a job, `filing-worker.ts`), and
 * the documents kept of every exchange.
 */
export function mountFilingRoutes(app: Hono, server: ServerContext) {
  mountEndpoint(app, server, filingEndpoints.fileReport, async ({ trx, params, body, user }) => {
    const report = await fileReport(trx, server.ncmec, params.reportId, user, body, server.now());
    return { body: await presentReport(trx, report) };
  });
  mountEndpoint(app, server, filingEndpoints.listFilingDocuments, async ({ trx, params }) => {
    const report = await readReport(trx, params.reportId);
    return { body: { reportId: report.id, documents: await listFilingDocuments(trx, report.id) } };
  });
  mountEndpoint(app, server, filingEndpoints.getFilingDocument, async ({ trx, params }) => {
    const report = await readReport(trx, params.reportId);
    const { content, fileName } = await filingDocumentContent(trx, report.id, params.documentId);
    return new Response(new Uint8Array(content), {
      headers: {
        'Content-Type': 'application/xml; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}
