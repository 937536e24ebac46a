import type { Report } from '../../../api/schemas/report';
import { utcMinute } from '../model/report-labels';

const stepNames = {
  submit: 'Submit the report',
  upload: 'Upload file',
  fileinfo: 'Send the details of file',
  finish: 'Finish the report',
  retract: 'Retract the report',
} as const;

const stateText = { pending: 'Waiting', done: 'Done', failed: 'Failed' } as const;

/**
 * The CyberTipline sequence as the server runs it, step by step, and its outcome: NCMEC's report
 * id and the date until which the report's contents must be preserved.
 */
export function FilingProgress({ report }: { report: Report }) {
  const { filing, filed } = report;
  const fileNumber = (sha256: string | null) =>
    report.files.findIndex((f) => f.sha256 === sha256) + 1;
  const running = filing?.state === 'running';
  return (
    <>
      {/* Rendered before any filing, so that its first words are announced. */}
      <p aria-live="polite" className="sr-only">
        {running && 'The server is filing the report with NCMEC…'}
        {filing?.state === 'finished' && 'Filed with NCMEC.'}
        {filing?.state === 'failed' && 'The filing stopped.'}
      </p>
      {filing && (
        <section
          aria-label="Filing with NCMEC"
          className="rounded-md border border-slate-200 bg-white p-4"
        >
          <h2 className="mb-2 text-base font-semibold">Filing with NCMEC</h2>
          <p className="mb-2 text-sm">
            {running && 'The server is filing the report with NCMEC…'}
            {filing.state === 'finished' && 'Filed with NCMEC.'}
            {filing.state === 'retracted' && 'Retracted: NCMEC will not act on it.'}
            {filing.state === 'failed' &&
              'The filing stopped. Nothing was filed twice; resume it or retract it.'}
          </p>
          {filing.error && (
            <p
              role="alert"
              className="mb-2 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900"
            >
              {filing.error.message}
            </p>
          )}
          <ol className="flex flex-col gap-1 text-sm">
            {filing.steps.map((step, index) => (
              <li key={index} className="flex justify-between gap-3">
                <span>
                  {stepNames[step.step]}
                  {step.sha256 ? ` ${fileNumber(step.sha256)}` : ''}
                </span>
                <span className={step.state === 'failed' ? 'font-semibold text-red-800' : ''}>
                  {stateText[step.state]}
                  {step.ncmecCode !== null ? ` (code ${step.ncmecCode})` : ''}
                  {step.at ? ` · ${utcMinute(step.at)}` : ''}
                </span>
              </li>
            ))}
          </ol>
          {filing.ncmecReportId && !filed && (
            <p className="mt-2 text-sm">NCMEC report id (not finished): {filing.ncmecReportId}</p>
          )}
          {filed && (
            <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-3 rounded bg-emerald-50 p-3 text-sm">
              <dt className="font-medium">NCMEC report id</dt>
              <dd className="font-mono">{filed.ncmecReportId}</dd>
              <dt className="font-medium">Filed</dt>
              <dd>{utcMinute(filed.filedAt)}</dd>
              <dt className="font-medium">Preserve until</dt>
              <dd>{utcMinute(filed.preservationDeadline)} (18 U.S.C. §2258A: one year)</dd>
            </dl>
          )}
        </section>
      )}
    </>
  );
}
