import { z } from '../../lib/zod';
import { Id, Timestamp, saying } from './common';
import { Filing } from './filing';
import { RefusedSourceValue } from './refused-source-value';
import { ReportFile } from './report-file';
import { Incident, IncidentSummary, WebPageIncident } from './report-incident';
import { ReportedPerson } from './report-person';
import { written } from './report-text';
import { Actor } from './user';

/**
 * A CyberTipline report as the console holds it: its status in the workflow, what a person may
 * change on it, and the whole report. Its parts: the incident (`report-incident.ts`), the
 * reported person (`report-person.ts`), its files (`report-file.ts`) and the supplier's values
 * NCMEC refuses (`refused-source-value.ts`).
 */

export const ReportStatus = z
  .enum(['draft', 'in_review', 'approved', 'filing', 'filed', 'rejected', 'retracted'])
  .register(z.globalRegistry, {
    id: 'ReportStatus',
    description:
      '`draft → in_review → approved → filing → filed`; `rejected` goes back to editing like a draft; a filing cancelled before NCMEC’s finish is `retracted`, which can be reopened as a draft.',
  });
export type ReportStatus = z.infer<typeof ReportStatus>;

/**
 * The checklist entries a person may mark *not available* with a reason: the actionability
 * entries of `src/domain/report-checklist.ts`.
 */
export const ActionabilityField = z
  .enum([
    'web_page_url',
    'source_details',
    'location_of_file',
    'publicly_available',
    'original_file_hash',
    'reported_person',
    'ip_capture',
  ])
  .register(z.globalRegistry, { id: 'ActionabilityField' });
export type ActionabilityField = z.infer<typeof ActionabilityField>;

/** The shortest reason that counts as one. */
export const NOT_AVAILABLE_REASON_MIN = 10;

export const NotAvailable = z
  .object({
    field: ActionabilityField,
    reason: saying(
      2000,
      NOT_AVAILABLE_REASON_MIN,
      `say why in at least ${NOT_AVAILABLE_REASON_MIN} characters`,
    ).register(z.globalRegistry, {
      description: 'Why the supplier’s data cannot give it. Kept per supplier.',
    }),
  })
  .register(z.globalRegistry, { id: 'NotAvailable' });
export type NotAvailable = z.infer<typeof NotAvailable>;

export const ReportEditable = z
  .object({
    incidentSummary: IncidentSummary,
    webPages: z.array(WebPageIncident).check(z.maxLength(200)),
    reportedPerson: z.nullable(ReportedPerson),
    additionalInfo: written(20_000),
    excludedFromTraining: z.nullable(z.boolean()).register(z.globalRegistry, {
      description:
        'Whether the files were kept out of training. Only a person can say (the data records quarantine, not what training used): null until one does, and nothing is sent about it.',
    }),
    files: z
      .array(
        z.pick(ReportFile, {
          sha256: true,
          originalFileName: true,
          locationOfFile: true,
          publiclyAvailable: true,
          exifViewedByEsp: true,
          industryClassification: true,
          fileAnnotations: true,
        }),
      )
      .check(z.maxLength(5000)),
    notAvailable: z.array(NotAvailable).check(
      z.maxLength(ActionabilityField.options.length),
      z.refine(
        (entries) => new Set(entries.map((e) => e.field)).size === entries.length,
        'each field at most once',
      ),
    ),
  })
  .register(z.globalRegistry, {
    id: 'ReportEditable',
    description: 'What a person may change on a report.',
  });
export type ReportEditable = z.infer<typeof ReportEditable>;

export const Report = z
  .extend(ReportEditable, {
    id: Id,
    version: z.int().check(z.positive()),
    status: ReportStatus,
    incident: Incident,
    files: z.array(ReportFile),
    refusedSourceValues: z.array(RefusedSourceValue).register(z.globalRegistry, {
      description: 'Values of its items’ provenance that NCMEC’s rules refuse, set aside.',
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    reporter: z
      .nullable(z.object({ userId: Id, name: z.string(), email: z.string() }))
      .register(z.globalRegistry, {
        description: 'The filing supervisor: set when a supervisor approves.',
      }),
    priorReport: z
      .nullable(z.object({ id: Id, ncmecReportId: z.string().check(z.regex(/^\d{1,18}$/)) }))
      .register(z.globalRegistry, {
        description: 'A supplemental report’s filed original (`priorCTReports`).',
      }),
    draftEditors: z.array(Actor).register(z.globalRegistry, {
      description:
        'Who changed its content: edited it as a draft, moved a file out of it or into it (with a file come the editors of the report it left), or amended it in review. None of them, nor its submitter, may approve it.',
    }),
    amendedBy: z.array(Actor).register(z.globalRegistry, {
      description:
        'The supervisors who amended it while it was in review: editors too (in `draftEditors`), so another supervisor approves it.',
    }),
    submittedBy: z.nullable(Actor),
    review: z.nullable(
      z.object({
        outcome: z.enum(['approved', 'rejected']),
        by: Actor,
        at: Timestamp,
        comment: z.nullable(z.string()),
      }),
    ),
    filing: z.nullable(Filing),
    filed: z.nullable(
      z.object({
        ncmecReportId: z.string(),
        filedAt: Timestamp,
        preservationDeadline: Timestamp.clone().register(z.globalRegistry, {
          description: 'One calendar year after filing (18 U.S.C. §2258A), at the same UTC time.',
        }),
      }),
    ),
  })
  .register(z.globalRegistry, { id: 'Report' });
export type Report = z.infer<typeof Report>;
