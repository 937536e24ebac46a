import { z } from '../../lib/zod';
import { Id, Timestamp, hexDigest } from './common';
import { ActionabilityField, Report, ReportEditable, ReportStatus } from './report';

/** The checklist as the report list shows it: settled out of counted, and what blocks approval. */
export const ReportCompleteness = z
  .object({
    settled: z.number().int().nonnegative(),
    total: z.number().int().positive(),
    blockers: z.array(z.object({ id: z.string(), label: z.string() })).meta({
      description: 'Entries missing without a reason: approval is refused while any remain.',
    }),
  })
  .meta({ id: 'ReportCompleteness' });
export type ReportCompleteness = z.infer<typeof ReportCompleteness>;

export const ReportSummary = Report.pick({
  id: true,
  version: true,
  status: true,
  incident: true,
  updatedAt: true,
  priorReport: true,
  filed: true,
})
  .extend({
    fileCount: z.number().int().nonnegative(),
    itemCount: z.number().int().nonnegative(),
    completeness: ReportCompleteness,
  })
  .meta({ id: 'ReportSummary' });
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ReportListQuery = z
  .object({
    status: ReportStatus.optional(),
    supplierId: Id.optional(),
    itemId: Id.optional().meta({ description: 'Only the reports that hold this item.' }),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .meta({ id: 'ReportListQuery' });
export type ReportListQuery = z.infer<typeof ReportListQuery>;

export const ReportList = z
  .object({
    reports: z.array(ReportSummary).meta({
      description:
        'Filed reports whose preservation deadline is within 30 days (or past) first, by deadline; then work to do, least complete first (most blockers), then oldest change first; then retracted reports; then the other filed reports, by deadline.',
    }),
    total: z.number().int().nonnegative(),
    offset: z.number().int().nonnegative(),
  })
  .meta({ id: 'ReportList' });
export type ReportList = z.infer<typeof ReportList>;

const versioned = { version: z.number().int().positive().meta({ description: 'As last read.' }) };

export const ReportUpdate = z
  .object({ ...versioned, fields: ReportEditable })
  .meta({ id: 'ReportUpdate' });
export type ReportUpdate = z.infer<typeof ReportUpdate>;

export const ReportFileMove = z
  .object({
    ...versioned,
    sha256: hexDigest(64),
    to: Id.nullable().meta({
      description: 'Another open draft of the same supplier; null: a new one.',
    }),
  })
  .meta({ id: 'ReportFileMove' });
export type ReportFileMove = z.infer<typeof ReportFileMove>;

export const ReportFileMoved = z
  .object({ from: Report, to: Report })
  .meta({ id: 'ReportFileMoved' });

export const ReportTransition = z
  .object({
    ...versioned,
    to: z.enum(['in_review', 'approved', 'rejected', 'draft']).meta({
      description:
        '`in_review`: submit a draft; `approved` / `rejected`: a supervisor’s review; `draft`: reopen a retracted report.',
    }),
    comment: z.string().trim().max(2000).nullable().meta({ description: 'Required to reject.' }),
  })
  .meta({ id: 'ReportTransition' });
export type ReportTransition = z.infer<typeof ReportTransition>;

export const FilingAction = z
  .object({
    ...versioned,
    action: z.enum(['start', 'resume', 'retract']).meta({
      description:
        '`start` an approved report; `resume` a stopped filing from its first step not done; `retract` it at NCMEC.',
    }),
  })
  .meta({ id: 'FilingAction' });
export type FilingAction = z.infer<typeof FilingAction>;

export const SupplierReasons = z
  .object({
    supplierId: Id,
    reasons: z.array(
      z.object({
        field: ActionabilityField,
        reason: z.string(),
        reports: z.number().int().positive(),
        lastGivenAt: Timestamp,
      }),
    ),
  })
  .meta({
    id: 'SupplierReasons',
    description: 'The reasons given for missing actionability fields in this supplier’s reports.',
  });
export type SupplierReasons = z.infer<typeof SupplierReasons>;
