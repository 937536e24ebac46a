import type { Transaction } from 'kysely';
import type { FileViewedByEsp } from '../../api/schemas/report-file';
import type { FilingStep } from '../../api/schemas/filing';
import { fileDetailsXml, reportXml } from '../../domain/cybertipline-xml';
import type { Database } from '../db/tables';
import type { NcmecClient, NcmecResult } from '../ncmec/ncmec-client';
import { presentReport } from './present-report';
import type { StoredReport } from './report-rows';

/** One step, ready to send: the document it carries (if any), and how to send it. */
export interface PreparedStep {
  /** The `<report>` or `<fileDetails>` sent, kept as in-flight until NCMEC's answer is recorded. */
  document: string | null;
  /** For fileinfo: the `fileViewedByEsp` answer the document carries, frozen once sent. */
  viewed: FileViewedByEsp | null;
  send(ncmec: NcmecClient): Promise<NcmecResult>;
}

/**
 * The synthetic original file the demo's server holds for an item: it never reaches the browser.
 * A deployment's media store replaces it.
 */
const originalBytes = (sha256: string) =>
  new TextEncoder().encode(`verity mock original ${sha256}`);

/**
 * Builds the step to send from the report as it stands, in the transaction that marks it in
 * flight; sending happens after that transaction commits, outside any.
 */
export async function prepareStep(
  trx: Transaction<Database>,
  step: FilingStep,
  report: StoredReport,
): Promise<PreparedStep> {
  const reportId = report.filing?.ncmecReportId ?? '';
  const sha256 = step.sha256 ?? '';
  const only = (send: PreparedStep['send']): PreparedStep => ({
    document: null,
    viewed: null,
    send,
  });
  switch (step.step) {
    case 'submit': {
      const document = reportXml(await presentReport(trx, report));
      return { document, viewed: null, send: (ncmec) => ncmec.submit(document) };
    }
    case 'upload': {
      const file = report.files.find((f) => f.sha256 === sha256);
      return only((ncmec) =>
        ncmec.upload(reportId, file?.fileName ?? sha256, originalBytes(sha256)),
      );
    }
    case 'fileinfo': {
      const shown = await presentReport(trx, report);
      const file = shown.files.find((f) => f.sha256 === sha256);
      if (!file) return only(() => Promise.reject(new Error(`file ${sha256} left the report`)));
      const ids = { reportId, fileId: report.ncmecFileIds[sha256] ?? '' };
      const document = fileDetailsXml(shown, file, ids);
      return { document, viewed: file.fileViewedByEsp, send: (ncmec) => ncmec.fileinfo(document) };
    }
    case 'finish':
      return only((ncmec) => ncmec.finish(reportId));
    case 'retract':
      return only((ncmec) => ncmec.retract(reportId));
  }
}
