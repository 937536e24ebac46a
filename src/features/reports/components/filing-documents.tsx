import { apiBaseUrl } from '../../../api/env';
import type { FilingDocument } from '../../../api/schemas/filing';
import type { Report } from '../../../api/schemas/report';
import type { Role } from '../../../api/schemas/user';
import { ErrorState } from '../../../components/ui/error-state';
import { useFilingDocuments } from '../api/filing-documents';
import { utcMinute } from '../model/report-labels';

/** Who may read what was sent to NCMEC: the contract's `listFilingDocuments`. */
const readers: readonly Role[] = ['supervisor', 'auditor'];

const stepText: Record<FilingDocument['step'], string> = {
  submit: 'submit',
  upload: 'the upload of file',
  fileinfo: 'the details of file',
  finish: 'finish',
  retract: 'retract',
};

/** What a kept document is, in words: also the name of its download link. */
function describe(doc: FilingDocument, fileNumber: (sha256: string) => string) {
  const file = doc.fileSha256 === null ? '' : ` ${fileNumber(doc.fileSha256)}`;
  const what =
    doc.direction === 'answer'
      ? `NCMEC’s answer to ${stepText[doc.step]}${file}`
      : doc.step === 'submit'
        ? 'The <report> sent'
        : `The <fileDetails> of file${file} sent`;
  return doc.ncmecReportId === null ? what : `${what} (NCMEC ${doc.ncmecReportId})`;
}

/**
 * The documents the filings of this report sent to NCMEC and NCMEC's answers, byte for byte as
 * kept, each with the SHA-256 its audit event records: for supervisors and auditors to download.
 */
export function FilingDocuments({ report, role }: { report: Report; role: Role }) {
  const allowed = readers.includes(role);
  const documents = useFilingDocuments(report.id, report.version, allowed);
  if (!allowed) return null;
  if (documents.isError)
    return <ErrorState title="Could not list the kept filing documents" error={documents.error} />;
  const kept = documents.data?.documents ?? [];
  if (kept.length === 0) return null;
  const base = `${apiBaseUrl()}/api/reports/${encodeURIComponent(report.id)}/filing-documents`;
  // A file that left the report since (reopened after a retraction) is named by its hash.
  const fileNumber = (sha256: string) => {
    const index = report.files.findIndex((f) => f.sha256 === sha256);
    return index < 0 ? `${sha256.slice(0, 12)}…` : String(index + 1);
  };
  return (
    <section aria-label="Documents exchanged with NCMEC" className="mt-2 text-sm">
      <h2 className="font-medium">Documents exchanged with NCMEC</h2>
      <p className="text-slate-700">
        Kept as sent and received; each SHA-256 is in the step’s audit event.
      </p>
      <ul className="mt-1 flex flex-col gap-1">
        {kept.map((doc) => (
          <li key={doc.id}>
            <a href={`${base}/${doc.id}`} download className="text-sky-800 underline">
              {describe(doc, fileNumber)}
            </a>{' '}
            <span className="text-slate-700">
              · {utcMinute(doc.at)} · {doc.bytes} bytes ·{' '}
              <abbr title={doc.sha256} className="font-mono no-underline">
                {doc.sha256.slice(0, 12)}…
              </abbr>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
