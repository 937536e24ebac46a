import { reportEndpoints } from '../../api/report-endpoints';
import type { ReportStatus } from '../../api/schemas/report';
import type { ReportSummary } from '../../api/schemas/report-workflow';
import { preservationDueSoon } from '../../domain/preservation';
import type { Backend } from '../backend/backend';
import { moveReportFile, transitionReport, updateReport } from '../backend/reports/changes';
import { fileReport } from '../backend/reports/filing';
import { listedDocuments } from '../backend/reports/filing-records';
import { createSupplemental } from '../backend/reports/supplemental';
import { ReportRefusal } from '../backend/reports/refusal';
import { fileDetailsXml, missingRequired, reportXml } from '../../domain/cybertipline-xml';
import { HttpError } from '../../server/http/responses';
import { route } from './route';

/** Runs a report change; a ReportRefusal becomes its HTTP error. */
function refusalsAsErrors<T>(change: () => T): T {
  try {
    return change();
  } catch (error) {
    if (error instanceof ReportRefusal)
      throw new HttpError(error.status, error.code, error.message);
    throw error;
  }
}

const xmlDownload = (xml: string, fileName: string) =>
  new Response(xml, {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  });

/** Work still to do first; filed and retracted reports last (unless preservation ends soon). */
const statusRank: Record<ReportStatus, number> = {
  draft: 0,
  rejected: 0,
  in_review: 0,
  approved: 0,
  filing: 0,
  retracted: 1,
  filed: 2,
};

export const reportHandlers = (backend: Backend) => {
  const reports = () => backend.state.reports;
  const find = (id: string) => refusalsAsErrors(() => reports().get(id));
  return [
    route(backend, reportEndpoints.listReports, ({ query }) => {
      const now = backend.now();
      // Filed reports whose preservation ends within 30 days (or has ended) come first of all.
      const rank = ({ status, filed }: ReportSummary) =>
        filed && preservationDueSoon(filed.preservationDeadline, now) ? -1 : statusRank[status];
      const byDeadline = (a: ReportSummary, b: ReportSummary) =>
        a.filed && b.filed
          ? a.filed.preservationDeadline.localeCompare(b.filed.preservationDeadline)
          : 0;
      const rows = reports()
        .list()
        .filter(
          (r) =>
            (query.status === undefined || r.status === query.status) &&
            (query.supplierId === undefined || r.incident.supplier.id === query.supplierId) &&
            (query.itemId === undefined ||
              r.files.some((f) => f.itemIds.includes(query.itemId ?? ''))),
        )
        .map((r) => reports().summary(r))
        .sort(
          (a, b) =>
            rank(a) - rank(b) ||
            byDeadline(a, b) ||
            b.completeness.blockers.length - a.completeness.blockers.length ||
            a.completeness.settled - b.completeness.settled ||
            a.updatedAt.localeCompare(b.updatedAt) ||
            a.id.localeCompare(b.id),
        );
      return {
        body: {
          reports: rows.slice(query.offset, query.offset + query.limit),
          total: rows.length,
          offset: query.offset,
        },
      };
    }),
    route(backend, reportEndpoints.getReport, ({ params }) => ({
      body: reports().present(find(params.reportId)),
    })),
    route(backend, reportEndpoints.updateReport, ({ params, body, user }) => {
      const report = find(params.reportId);
      refusalsAsErrors(() => updateReport(backend.state, report, user, body, backend.now()));
      return { body: reports().present(report) };
    }),
    route(backend, reportEndpoints.moveReportFile, ({ params, body, user }) => {
      const from = find(params.reportId);
      const to = refusalsAsErrors(() =>
        moveReportFile(backend.state, from, user, body, backend.now()),
      );
      return { body: { from: reports().present(from), to: reports().present(to) } };
    }),
    route(
      backend,
      reportEndpoints.transitionReport,
      ({ params, body, user }) => {
        const report = find(params.reportId);
        refusalsAsErrors(() => transitionReport(backend.state, report, user, body, backend.now()));
        return { body: reports().present(report) };
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
    ),
    route(backend, reportEndpoints.createSupplementalReport, ({ params, user }) => {
      const original = find(params.reportId);
      const report = refusalsAsErrors(() =>
        createSupplemental(backend.state, original, user, backend.now()),
      );
      return { body: reports().present(report), status: 201 };
    }),
    route(backend, reportEndpoints.fileReport, ({ params, body, user }) => {
      const report = find(params.reportId);
      refusalsAsErrors(() => fileReport(backend.state, report, user, body, () => backend.now()));
      return { body: reports().present(report) };
    }),
    route(backend, reportEndpoints.getReportXml, ({ params }) => {
      const report = reports().present(find(params.reportId));
      // Before approval the reporter is not known yet: the export shows who would be asked.
      const missing = missingRequired(report);
      if (missing.length > 0) {
        throw new HttpError(
          409,
          'incomplete',
          `The <report> document needs ${missing.join(', ')} first${report.reporter ? '' : ' (the reporter is set when a supervisor approves)'}.`,
        );
      }
      return xmlDownload(reportXml(report), `${report.id}-report.xml`);
    }),
    route(backend, reportEndpoints.getFileDetailsXml, ({ params }) => {
      const stored = find(params.reportId);
      const report = reports().present(stored);
      const file = report.files.find((f) => f.sha256 === params.sha256);
      if (!file)
        throw new HttpError(
          404,
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
    }),
    route(backend, reportEndpoints.listFilingDocuments, ({ params }) => {
      const report = find(params.reportId);
      return { body: { reportId: report.id, documents: listedDocuments(report) } };
    }),
    route(backend, reportEndpoints.getFilingDocument, ({ params }) => {
      const report = find(params.reportId);
      const doc = report.filingDocuments.find((d) => d.id === params.documentId);
      if (!doc)
        throw new HttpError(404, 'not_found', `Report ${report.id} keeps no ${params.documentId}.`);
      return new Response(new Uint8Array(doc.body), {
        headers: {
          'Content-Type': 'application/xml; charset=utf-8',
          'Content-Disposition': `attachment; filename="${report.id}-${doc.id}-${doc.step}-${doc.direction}.xml"`,
          'Cache-Control': 'no-store',
        },
      });
    }),
    route(backend, reportEndpoints.listSupplierReasons, ({ params }) => ({
      body: reports().supplierReasons(params.supplierId),
    })),
  ];
};
