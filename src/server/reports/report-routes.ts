import type { Hono } from 'hono';
import { reportEndpoints as endpoints } from '../../api/endpoints/reports';
import { fileDetailsXml, missingRequired, reportXml } from '../../domain/cybertipline-xml';
import { mountEndpoint } from '../http/mount-endpoint';
import { Refusal } from '../refusal';
import type { ServerContext } from '../server-context';
import { moveReportFile } from './move-report-file';
import { presentReport } from './present-report';
import { listReports, supplierReasons } from './report-list';
import { readReport } from './report-rows';
import { createSupplemental } from './supplemental';
import { transitionReport } from './transition-report';
import { updateReport } from './update-report';

const xmlDownload = (xml: string, fileName: string) =>
  new Response(xml, {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  });

/**
 * The CyberTipline reports' drafts, reads, edits, moves, reviews and supplemental reports; filing
 * and its documents are mounted by `filing-routes.ts`.
 */
export function mountReportRoutes(app: Hono, server: ServerContext) {
  mountEndpoint(app, server, endpoints.listReports, async ({ trx, query }) => ({
    body: await listReports(trx, query, server.now()),
  }));

  mountEndpoint(app, server, endpoints.getReport, async ({ trx, params }) => ({
    body: await presentReport(trx, await readReport(trx, params.reportId)),
  }));

  mountEndpoint(app, server, endpoints.updateReport, async ({ trx, params, body, user }) => {
    const report = await readReport(trx, params.reportId, { lock: true });
    await updateReport(trx, report, user, body, server.now());
    return { body: await presentReport(trx, report) };
  });

  mountEndpoint(app, server, endpoints.moveReportFile, async ({ trx, params, body, user }) => {
    const from = await readReport(trx, params.reportId, { lock: true });
    const to = await moveReportFile(trx, from, user, body, server.now());
    return { body: { from: await presentReport(trx, from), to: await presentReport(trx, to) } };
  });

  mountEndpoint(
    app,
    server,
    endpoints.transitionReport,
    async ({ trx, params, body, user }) => {
      const report = await readReport(trx, params.reportId, { lock: true });
      await transitionReport(trx, report, user, body, server.now());
      return { body: await presentReport(trx, report) };
    },
    {
      // Refused approvals are on the record; other refused transitions change nothing that matters.
      refused: ({ params, body }) =>
        body?.to === 'approved'
          ? {
              action: 'report.approval_refused',
              subject: { type: 'report', id: params.reportId },
              detail: { reportVersion: body.version },
            }
          : null,
    },
  );

  mountEndpoint(app, server, endpoints.createSupplementalReport, async ({ trx, params, user }) => {
    // Locked: two requests for a supplemental report of it queue, and the second finds the first.
    const original = await readReport(trx, params.reportId, { lock: true });
    const report = await createSupplemental(trx, original, user, server.now());
    return { body: await presentReport(trx, report), status: 201 };
  });

  mountEndpoint(app, server, endpoints.getReportXml, async ({ trx, params }) => {
    const report = await presentReport(trx, await readReport(trx, params.reportId));
    // Before approval the reporter is not known yet: the export shows who would be asked.
    const missing = missingRequired(report);
    if (missing.length > 0) {
      throw new Refusal(
        'conflict',
        'incomplete',
        `The <report> document needs ${missing.join(', ')} first${report.reporter ? '' : ' (the reporter is set when a supervisor approves)'}.`,
      );
    }
    return xmlDownload(reportXml(report), `${report.id}-report.xml`);
  });

  mountEndpoint(app, server, endpoints.getFileDetailsXml, async ({ trx, params }) => {
    const stored = await readReport(trx, params.reportId);
    const report = await presentReport(trx, stored);
    const file = report.files.find((f) => f.sha256 === params.sha256);
    if (!file)
      throw new Refusal(
        'not_found',
        'not_found',
        `Report ${report.id} holds no file ${params.sha256}.`,
      );
    // Before filing NCMEC has assigned neither id: 0 and a placeholder stand in.
    const ids = {
      reportId: report.filing?.ncmecReportId ?? '0',
      fileId: stored.ncmecFileIds[file.sha256] ?? `not-yet-uploaded-${file.sha256.slice(0, 12)}`,
    };
    return xmlDownload(
      fileDetailsXml(report, file, ids),
      `${report.id}-file-${file.sha256.slice(0, 12)}.xml`,
    );
  });

  mountEndpoint(app, server, endpoints.listSupplierReasons, async ({ trx, params }) => ({
    body: await supplierReasons(trx, params.supplierId),
  }));
}
