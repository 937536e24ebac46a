import { z } from '../../lib/zod';
import { Id, Timestamp, hexDigest } from './common';
import { ActionabilityField, Report, ReportEditable, ReportStatus } from './report';

/** The checklist as the report list shows it: settled out of counted, and what blocks approval. */
export const ReportCompleteness = z
  .object({
    settled: z.int().check(z.nonnegative()),
    total: z.int().check(z.positive()),
    blockers: z.array(z.object({ id: z.string(), label: z.string() })).register(z.globalRegistry, {
      description: 'Entries missing without a reason: approval is refused while any remain.',
    }),
  })
  .register(z.globalRegistry, { id: 'ReportCompleteness' });
export type ReportCompleteness = z.infer<typeof ReportCompleteness>;

export const ReportSummary = z
  .extend(
    z.pick(Report, {
      id: true,
      version: true,
      status: true,
      incident: true,
      updatedAt: true,
      priorReport: true,
      filed: true,
    }),
    {
      fileCount: z.int().check(z.nonnegative()),
      itemCount: z.int().check(z.nonnegative()),
      completeness: ReportCompleteness,
    },
  )
  .register(z.globalRegistry, { id: 'ReportSummary' });
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ReportListQuery = z
  .object({
    status: z.optional(ReportStatus),
    supplierId: z.optional(Id),
    itemId: z
      .optional(Id)
      .register(z.globalRegistry, { description: 'Only the reports that hold this item.' }),
    offset: z._default(z.coerce.number().check(z.int(), z.gte(0)), 0),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 200),
  })
  .register(z.globalRegistry, { id: 'ReportListQuery' });
export type ReportListQuery = z.infer<typeof ReportListQuery>;

export const ReportList = z
  .object({
    reports: z.array(ReportSummary).register(z.globalRegistry, {
      description:
        'Filed reports whose preservation deadline is within 30 days (or past) first, by deadline; then work to do, least complete first (most blockers), then oldest change first; then retracted reports; then the other filed reports, by deadline.',
    }),
    total: z.int().check(z.nonnegative()),
    offset: z.int().check(z.nonnegative()),
  })
  .register(z.globalRegistry, { id: 'ReportList' });
export type ReportList = z.infer<typeof ReportList>;

const versioned = {
  version: z.int().check(z.positive()).register(z.globalRegistry, { description: 'As last read.' }),
};

export const ReportUpdate = z
  .object({ ...versioned, fields: ReportEditable })
  .register(z.globalRegistry, { id: 'ReportUpdate' });
export type ReportUpdate = z.infer<typeof ReportUpdate>;

export const ReportFileMove = z
  .object({
    ...versioned,
    sha256: hexDigest(64),
    to: z.nullable(Id).register(z.globalRegistry, {
      description: 'Another open draft of the same supplier; null: a new one.',
    }),
  })
  .register(z.globalRegistry, { id: 'ReportFileMove' });
export type ReportFileMove = z.infer<typeof ReportFileMove>;

export const ReportFileMoved = z
  .object({ from: Report, to: Report })
  .register(z.globalRegistry, { id: 'ReportFileMoved' });

export const ReportTransition = z
  .object({
    ...versioned,
    to: z.enum(['in_review', 'approved', 'rejected', 'draft']).register(z.globalRegistry, {
      description:
        '`in_review`: submit a draft; `approved` / `rejected`: a supervisor’s review; `draft`: reopen a retracted report.',
    }),
    comment: z
      .nullable(z.string().check(z.maxLength(2000)))
      .register(z.globalRegistry, { description: 'Required to reject.' }),
  })
  .register(z.globalRegistry, { id: 'ReportTransition' });
export type ReportTransition = z.infer<typeof ReportTransition>;

export const FilingAction = z
  .object({
    ...versioned,
    action: z.enum(['start', 'resume', 'retract']).register(z.globalRegistry, {
      description:
        '`start` an approved report; `resume` a stopped filing from its first step not done; `retract` it at NCMEC.',
    }),
  })
  .register(z.globalRegistry, { id: 'FilingAction' });
export type FilingAction = z.infer<typeof FilingAction>;

export const SupplierReasons = z
  .object({
    supplierId: Id,
    reasons: z.array(
      z.object({
        field: ActionabilityField,
        reason: z.string(),
        reports: z.int().check(z.positive()),
        lastGivenAt: Timestamp,
      }),
    ),
  })
  .register(z.globalRegistry, {
    id: 'SupplierReasons',
    description: 'The reasons given for missing actionability fields in this supplier’s reports.',
  });
export type SupplierReasons = z.infer<typeof SupplierReasons>;
