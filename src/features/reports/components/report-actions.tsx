import type { ReactNode } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { apiBaseUrl } from '../../../api/env';
import type { Report } from '../../../api/schemas/report';
import type { User } from '../../../api/schemas/user';
import { Button } from '../../../components/ui/button';
import { ErrorState } from '../../../components/ui/error-state';
import {
  refusalSummary,
  refusedEntries,
  type ReportChecklistEntry,
} from '../../../domain/report-checklist';
import { reviewBar, reviewBarText } from '../../../domain/report-permissions';
import { useCreateSupplemental, useFileReport, useTransitionReport } from '../api/report-mutations';
import { FilingDocuments } from './filing-documents';
import { TextField } from './fields';

const Note = ({ children }: { children: ReactNode }) => (
  <p className="text-sm text-slate-700">{children}</p>
);

const blockedBy = (entries: readonly ReportChecklistEntry[]) =>
  entries
    .filter((e) => e.state !== 'refused')
    .map((e) => e.label)
    .join(', ');

/** What NCMEC's rules refuse: the report can be saved, not sent on. */
function RefusedNote({
  entries,
  doing,
}: {
  entries: readonly ReportChecklistEntry[];
  doing: string;
}) {
  const refused = refusedEntries(entries);
  if (refused.length === 0) return null;
  return (
    <Note>
      Cannot {doing}: NCMEC’s rules refuse {refusalSummary(refused)}. Correct or remove each value
      (it stays saved as found until you do).
    </Note>
  );
}

/**
 * What this person can do with the report now, and why anything else cannot be done: submit,
 * review (approve or reject), file and follow the filing, resume or retract it, reopen, start a
 * supplemental report, export its XML.
 */
export function ReportActions({
  report,
  user,
  dirty,
  approveBlockers,
  fileBlockers,
}: {
  report: Report;
  user: Pick<User, 'id' | 'role'>;
  dirty: boolean;
  approveBlockers: readonly ReportChecklistEntry[];
  fileBlockers: readonly ReportChecklistEntry[];
}) {
  const transition = useTransitionReport(report.id);
  const filing = useFileReport(report.id);
  const supplemental = useCreateSupplemental(report.id);
  const navigate = useNavigate();
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState('');
  const supervisor = user.role === 'supervisor';
  const isReporter = report.reporter?.userId === user.id;
  // Whoever changed or submitted it is not its reviewer (four eyes).
  const bar = reviewBar(report, user.id);
  const busy = transition.isPending || filing.isPending;
  const move = (to: 'in_review' | 'approved' | 'rejected' | 'draft', note: string | null = null) =>
    transition.mutate({ version: report.version, to, comment: note });
  const file = (action: 'start' | 'resume' | 'retract') =>
    filing.mutate({ version: report.version, action });
  const error = transition.error ?? filing.error ?? supplemental.error;

  return (
    <section aria-label="Report actions" className="flex flex-col gap-2">
      {error && <ErrorState title="That did not work" error={error} />}
      {dirty && <Note>Save or discard your changes first.</Note>}

      {(report.status === 'draft' || report.status === 'rejected') && user.role !== 'auditor' && (
        <>
          <RefusedNote entries={approveBlockers} doing="submit" />
          <Button
            variant="primary"
            disabled={dirty || busy || refusedEntries(approveBlockers).length > 0}
            onClick={() => move('in_review')}
          >
            Submit for review
          </Button>
        </>
      )}

      {report.status === 'in_review' && supervisor && bar && <Note>{reviewBarText[bar]}</Note>}
      {report.status === 'in_review' && supervisor && !bar && (
        <>
          <RefusedNote entries={approveBlockers} doing="approve" />
          {blockedBy(approveBlockers) !== '' && (
            <Note>Cannot approve yet. Missing without a reason: {blockedBy(approveBlockers)}.</Note>
          )}
          <Button
            variant="primary"
            disabled={dirty || busy || approveBlockers.length > 0}
            onClick={() => move('approved')}
          >
            Approve
          </Button>
          {rejecting ? (
            <>
              <TextField
                label="What must change (sent back with the report)"
                value={comment}
                onChange={setComment}
                disabled={busy}
                multiline
              />
              <Button
                disabled={busy || comment.trim() === ''}
                onClick={() => move('rejected', comment.trim())}
              >
                Send back to draft
              </Button>
            </>
          ) : (
            <Button disabled={dirty || busy} onClick={() => setRejecting(true)}>
              Reject…
            </Button>
          )}
        </>
      )}
      {report.status === 'in_review' && !supervisor && (
        <Note>Waiting for a supervisor’s review.</Note>
      )}

      {report.status === 'approved' && supervisor && isReporter && (
        <>
          <RefusedNote entries={fileBlockers} doing="file" />
          {blockedBy(fileBlockers) !== '' && <Note>Cannot file: {blockedBy(fileBlockers)}.</Note>}
          <Button
            variant="primary"
            disabled={busy || fileBlockers.length > 0}
            onClick={() => file('start')}
          >
            File with NCMEC
          </Button>
        </>
      )}
      {report.status === 'approved' && !isReporter && (
        <Note>Approved by {report.review?.by.name}, who is its reporter and files it.</Note>
      )}

      {report.status === 'filing' &&
        report.filing?.state === 'failed' &&
        supervisor &&
        isReporter &&
        (report.filing.retraction ? (
          // Once a retraction is under way, only the retraction is tried again.
          <Button variant="primary" disabled={busy} onClick={() => file('retract')}>
            Try the retraction again
          </Button>
        ) : (
          <>
            <Button variant="primary" disabled={busy} onClick={() => file('resume')}>
              Resume filing
            </Button>
            <Button disabled={busy} onClick={() => file('retract')}>
              Retract the report
            </Button>
          </>
        ))}

      {report.status === 'retracted' && supervisor && (
        <Button disabled={busy} onClick={() => move('draft')}>
          Reopen as a draft
        </Button>
      )}

      {report.status === 'filed' && user.role !== 'auditor' && (
        <Button
          disabled={supplemental.isPending}
          onClick={() =>
            supplemental.mutate(undefined, {
              onSuccess: (created) =>
                void navigate({ to: '/reports/$reportId', params: { reportId: created.id } }),
            })
          }
        >
          Start a supplemental report
        </Button>
      )}

      <XmlExport report={report} />
      <FilingDocuments report={report} role={user.role} />
    </section>
  );
}

/** The CyberTipline documents as the server generates them for NCMEC. */
function XmlExport({ report }: { report: Report }) {
  const base = `${apiBaseUrl()}/api/reports/${encodeURIComponent(report.id)}`;
  return (
    <div className="mt-2 text-sm">
      <p className="font-medium">Export the CyberTipline XML</p>
      {report.reporter ? (
        <a href={`${base}/report.xml`} download className="text-sky-800 underline">
          The &lt;report&gt; document
        </a>
      ) : (
        <Note>The &lt;report&gt; document needs its reporter: set when a supervisor approves.</Note>
      )}
      <ul>
        {report.files.map((file, index) => (
          <li key={file.sha256}>
            <a
              href={`${base}/files/${file.sha256}/file-details.xml`}
              download
              className="text-sky-800 underline"
            >
              &lt;fileDetails&gt; of file {index + 1}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
