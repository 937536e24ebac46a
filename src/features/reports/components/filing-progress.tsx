import type { FilingStep } from '../../../api/schemas/filing';
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

/** A step still pending once the filing is over (retracted, or filed) was never sent. */
const shownState = (step: FilingStep, running: boolean) =>
  step.state === 'pending' && !running ? 'Not sent' : stateText[step.state];

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
        {filing?.state === 'retracted' && 'The report was retracted.'}
      </p>
      {filing && (
        <section
          aria-label="Filing with NCMEC"
          className="rounded-md border border-slate-200 bg-white p-4"
        >
          <h2 className="mb-2 text-base font-semibold">Filing with NCMEC</h2>
          <p className="mb-2 text-sm">
            {running &&
              (filing.retraction
                ? 'The server is retracting the report at NCMEC…'
                : 'The server is filing the report with NCMEC…')}
            {filing.state === 'finished' && 'Filed with NCMEC.'}
            {filing.state === 'retracted' && 'Retracted: NCMEC will not act on it.'}
            {filing.state === 'failed' &&
              (filing.retraction
                ? 'The retraction stopped. Nothing was finished; try the retraction again.'
                : 'The filing stopped. Nothing was filed twice; resume it or retract it.')}
          </p>
          {filing.retraction && (
            <div className="mb-2 rounded border border-slate-300 bg-slate-50 p-2 text-sm">
              <p>
                <strong>
                  {filing.state === 'finished'
                    ? 'A retraction was asked for, but NCMEC had already finished the report: it is filed. '
                    : 'Why it is retracted: '}
                </strong>
                {filing.retraction.reason}
              </p>
              <p className="text-slate-700">
                {filing.retraction.by.role === 'system'
                  ? 'Stopped by the server’s check before NCMEC’s finish'
                  : `Asked for by ${filing.retraction.by.name}`}
                , {utcMinute(filing.retraction.at)}.
              </p>
            </div>
          )}
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
              <li key={index} className="flex flex-wrap justify-between gap-x-3">
                <span>
                  {stepNames[step.step]}
                  {step.sha256 ? ` ${fileNumber(step.sha256)}` : ''}
                </span>
                <span className={step.state === 'failed' ? 'font-semibold text-red-800' : ''}>
                  {shownState(step, running)}
                  {step.ncmecCode !== null ? ` (code ${step.ncmecCode})` : ''}
                  {step.at ? ` · ${utcMinute(step.at)}` : ''}
                </span>
                {/* What NCMEC's answer meant, unless it is the error shown above. */}
                {step.message && (step.state !== 'failed' || !filing.error) && (
                  <span className="basis-full text-xs text-slate-700">{step.message}</span>
                )}
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
              <dd>
                {utcMinute(filed.preservationDeadline)} (18 U.S.C. §2258A: one calendar year after
                filing)
              </dd>
            </dl>
          )}
        </section>
      )}
    </>
  );
}
