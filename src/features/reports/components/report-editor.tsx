import { useState } from 'react';
import { isApiError } from '../../../api/api-error';
import { useNow } from '../../../lib/use-now';
import type { Report, ReportEditable } from '../../../api/schemas/report';
import type { User } from '../../../api/schemas/user';
import { Button } from '../../../components/ui/button';
import { ErrorState } from '../../../components/ui/error-state';
import { blockers, reportChecklist } from '../../../domain/report-checklist';
import { amendmentNotice, canEditReport, reviewBar } from '../../../domain/report-permissions';
import { useSaveReport } from '../api/report-mutations';
import { carryEdits, overlapSections } from '../model/carry-edits';
import { CarriedNote, type CarriedEdits } from './carried-note';
import { ChecklistPanel } from './checklist-panel';
import { FileSection } from './file-section';
import { FilingProgress } from './filing-progress';
import { MoveFile } from './move-file';
import { ReportActions } from './report-actions';
import { UnsavedChangesGuard } from './unsaved-changes-guard';
import { PersonSection } from './person-section';
import { AdditionalInfoSection, IncidentSection, InternetSection } from './report-sections';
import { RefusedSourceValues } from './refused-source-values';

export function editableOf(report: Report): ReportEditable {
  return {
    incidentSummary: report.incidentSummary,
    webPages: report.webPages,
    reportedPerson: report.reportedPerson,
    additionalInfo: report.additionalInfo,
    excludedFromTraining: report.excludedFromTraining,
    notAvailable: report.notAvailable,
    files: report.files.map((f) => ({
      sha256: f.sha256,
      originalFileName: f.originalFileName,
      locationOfFile: f.locationOfFile,
      publiclyAvailable: f.publiclyAvailable,
      exifViewedByEsp: f.exifViewedByEsp,
      industryClassification: f.industryClassification,
      fileAnnotations: f.fileAnnotations,
    })),
  };
}

/** What is sent: reasons left blank and IP rows without an address are not part of the report. */
const cleaned = (fields: ReportEditable): ReportEditable => ({
  ...fields,
  notAvailable: fields.notAvailable.filter((n) => n.reason.trim() !== ''),
  reportedPerson: fields.reportedPerson && {
    ...fields.reportedPerson,
    ipCaptureEvents: fields.reportedPerson.ipCaptureEvents.filter((e) => e.ipAddress.trim() !== ''),
  },
});

/**
 * The report editor: the CyberTipline sections on the left, the completeness checklist (computed
 * from the fields as they are typed) and the actions on the right. Edits stay in the form until
 * saved against the version they started from, so someone else's change is a conflict, never
 * silently overwritten; when nothing is being edited the form follows the server.
 */
export function ReportEditor({
  report,
  user,
}: {
  report: Report;
  user: Pick<User, 'id' | 'role'>;
}) {
  const [fields, setFields] = useState(() => editableOf(report));
  const [base, setBase] = useState(report);
  // Bumped whenever the form is reset, so inputs holding text as typed start again too.
  const [formKey, setFormKey] = useState(0);
  const save = useSaveReport(report.id);
  // The person's edits, carried onto a version someone else saved: which, and where both changed.
  const [carried, setCarried] = useState<CarriedEdits | null>(null);
  const reset = (to: Report, edits = editableOf(to)) => {
    setBase(to);
    setFields(edits);
    setFormKey((k) => k + 1);
    setCarried(null);
  };
  const carryOnto = (latest: Report) => {
    const carriedOnto = carryEdits(editableOf(base), cleaned(fields), editableOf(latest));
    save.reset();
    reset(latest, carriedOnto.fields);
    setCarried({
      version: latest.version,
      overlaps: overlapSections(carriedOnto.overlaps, latest.files),
      movedOut: carriedOnto.movedOut.length,
    });
  };
  const now = useNow(30_000);
  const dirty = JSON.stringify(fields) !== JSON.stringify(editableOf(base));
  const editable = canEditReport(report, user.role);
  // Saved by someone else since this form began: the edits can go onto what they saved.
  const overtaken =
    isApiError(save.error) &&
    save.error.code === 'version_conflict' &&
    report.version !== base.version;
  if (report !== base && (!dirty || !editable)) {
    // New data from the server while nothing is being edited, or the report closed meanwhile
    // (submitted, approved elsewhere): show it.
    reset(report);
  }
  const entries = reportChecklist(
    {
      ...fields,
      incident: report.incident,
      reporter: report.reporter,
      files: report.files.map((file) => ({
        ...file,
        ...fields.files.find((f) => f.sha256 === file.sha256),
      })),
    },
    now,
  );
  const sectionProps = { fields, update: setFields, disabled: !editable || save.isPending };

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
      <UnsavedChangesGuard dirty={dirty && editable} />
      <div className="flex flex-col gap-4">
        <FilingProgress report={report} />
        <div key={formKey} className="flex flex-col gap-4">
          <IncidentSection {...sectionProps} />
          <InternetSection {...sectionProps} />
          <PersonSection {...sectionProps} />
          <h2 className="text-base font-semibold">Files ({report.files.length})</h2>
          {report.files.map((file, index) => {
            const fileFields = fields.files.find((f) => f.sha256 === file.sha256);
            return (
              fileFields && (
                <FileSection
                  key={file.sha256}
                  reportId={report.id}
                  index={index}
                  file={file}
                  {...sectionProps}
                  fields={fileFields}
                  move={
                    editable &&
                    (report.status === 'draft' || report.status === 'rejected') && (
                      <MoveFile report={base} sha256={file.sha256} index={index} disabled={dirty} />
                    )
                  }
                />
              )
            );
          })}
          <AdditionalInfoSection {...sectionProps} />
          <RefusedSourceValues values={report.refusedSourceValues} />
        </div>
      </div>
      <div className="flex flex-col gap-4 lg:sticky lg:top-4 lg:self-start">
        {editable && (
          <div className="flex flex-col gap-2">
            {save.error && <ErrorState title="Not saved" error={save.error} />}
            {overtaken && dirty && (
              <Button onClick={() => carryOnto(report)}>
                Put my changes on the version saved meanwhile
              </Button>
            )}
            {dirty && carried?.version === report.version && <CarriedNote {...carried} />}
            <Button
              variant="primary"
              disabled={!dirty || save.isPending}
              onClick={() =>
                save.mutate(
                  { version: base.version, fields: cleaned(fields) },
                  { onSuccess: (saved) => reset(saved) },
                )
              }
            >
              {save.isPending ? 'Saving…' : dirty ? 'Save changes' : 'Saved'}
            </Button>
            {dirty && (
              <Button
                variant="quiet"
                onClick={() => {
                  // What was not saved is gone, and so is the reason it was not.
                  save.reset();
                  reset(base);
                }}
              >
                Discard changes
              </Button>
            )}
            {dirty && report.status === 'in_review' && reviewBar(report, user.id) === null && (
              <p className="text-sm text-slate-700">{amendmentNotice}</p>
            )}
          </div>
        )}
        <ReportActions
          report={report}
          user={user}
          dirty={dirty}
          approveBlockers={blockers(entries, 'approve')}
          fileBlockers={blockers(entries, 'file')}
        />
        <ChecklistPanel
          entries={entries}
          supplierId={report.incident.supplier.id}
          update={setFields}
          editable={editable && !save.isPending}
        />
      </div>
    </div>
  );
}
