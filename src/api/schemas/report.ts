import { z } from '../../lib/zod';
import { Id, Timestamp, hexDigest } from './common';
import { FileAnnotation, IndustryClassification } from './decision';
import { Filing } from './filing';
import { Actor } from './user';

/** Text that came from third-party data: render as text only, never as HTML or a live link. */
const untrusted = (description: string) =>
  z
    .string()
    .max(4000)
    .meta({ description: `${description} Untrusted third-party text.` });

/** Free text a person writes into the report. */
const written = (max: number) => z.string().max(max);

export const IncidentType = z
  .enum([
    'Child Pornography (possession, manufacture, and distribution)',
    'Child Sex Trafficking',
    'Child Sex Tourism',
    'Child Sexual Molestation',
    'Misleading Domain Name',
    'Misleading Words or Digital Images on the Internet',
    'Online Enticement of Children for Sexual Acts',
    'Unsolicited Obscene Material Sent to a Child',
  ])
  .meta({ id: 'IncidentType', description: 'NCMEC’s `incidentType` values, as spelled there.' });
export type IncidentType = z.infer<typeof IncidentType>;

export const ReportAnnotation = z
  .enum([
    'sextortion',
    'csamSolicitation',
    'minorToMinorInteraction',
    'spam',
    'sadisticOnlineExploitation',
  ])
  .meta({ id: 'ReportAnnotation' });
export type ReportAnnotation = z.infer<typeof ReportAnnotation>;

export const IpEventName = z
  .enum(['Login', 'Registration', 'Purchase', 'Upload', 'Other', 'Unknown'])
  .meta({ id: 'IpEventName' });
export type IpEventName = z.infer<typeof IpEventName>;

export const ReportStatus = z
  .enum(['draft', 'in_review', 'approved', 'filing', 'filed', 'rejected', 'retracted'])
  .meta({
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
  .meta({ id: 'ActionabilityField' });
export type ActionabilityField = z.infer<typeof ActionabilityField>;

/** The shortest reason that counts as one. */
export const NOT_AVAILABLE_REASON_MIN = 10;

export const NotAvailable = z
  .object({
    field: ActionabilityField,
    reason: written(2000)
      .trim()
      .min(NOT_AVAILABLE_REASON_MIN, `say why in at least ${NOT_AVAILABLE_REASON_MIN} characters`)
      .meta({ description: 'Why the supplier’s data cannot give it. Kept per supplier.' }),
  })
  .meta({ id: 'NotAvailable' });
export type NotAvailable = z.infer<typeof NotAvailable>;

export const IncidentSummary = z
  .object({
    incidentType: IncidentType.nullable(),
    escalateToHighPriority: written(2000)
      .nullable()
      .meta({ description: 'Why NCMEC should treat it first (signs of new or ongoing abuse).' }),
    reportAnnotations: z.array(ReportAnnotation).max(ReportAnnotation.options.length),
    incidentDateTime: Timestamp.nullable(),
    incidentDateTimeDescription: written(500)
      .nullable()
      .meta({ description: 'What that time is: crawl time, supplier delivery or ingestion.' }),
  })
  .meta({ id: 'IncidentSummary' });
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const WebPageIncident = z
  .object({
    url: untrusted('Web page or file URL.'),
    thirdPartyHostedContent: z.boolean().nullable(),
    additionalInfo: written(100).meta({
      description:
        'Supplier, dataset and version, batch, record id, server IP, in short: NCMEC accepts at most 100 characters here; the report’s `additionalInfo` holds them in full.',
    }),
  })
  .meta({ id: 'WebPageIncident', description: 'One `internetDetails/webPageIncident`.' });
export type WebPageIncident = z.infer<typeof WebPageIncident>;

export const IpCaptureEvent = z
  .object({
    ipAddress: z.string().min(1).max(100),
    eventName: IpEventName,
    dateTime: Timestamp.nullable(),
  })
  .meta({ id: 'IpCaptureEvent' });
export type IpCaptureEvent = z.infer<typeof IpCaptureEvent>;

export const ReportedPerson = z
  .object({
    screenName: untrusted('Uploader account name in the dataset.').nullable(),
    profileUrl: untrusted('Uploader profile URL.').nullable(),
    ipCaptureEvents: z.array(IpCaptureEvent).max(50),
  })
  .meta({
    id: 'ReportedPerson',
    description:
      'The uploader the data holds, always `thirdPartyUserReported`. The supplier is never the suspect.',
  });
export type ReportedPerson = z.infer<typeof ReportedPerson>;

const ViewEvidence = z
  .object({ seq: z.number().int().positive(), at: Timestamp, actor: Actor, itemId: Id })
  .meta({
    id: 'ViewEvidence',
    description: 'The `media.served` event: the whole original file served to a person.',
  });

export const FileViewedByEsp = z
  .object({
    viewed: z.boolean(),
    evidence: ViewEvidence.nullable().meta({ description: 'The serving that proves it.' }),
    sentAt: Timestamp.nullable().meta({
      description:
        'When this answer was sent to NCMEC (the file’s fileinfo): from then on it is what NCMEC holds, and it no longer changes.',
    }),
    viewedAfterFiling: ViewEvidence.nullable().meta({
      description:
        'The first serving of the original after an answer of false was sent: shown, never sent.',
    }),
  })
  .meta({
    id: 'FileViewedByEsp',
    description:
      'Derived from the audit log, never typed: true only when the whole original file of one of its items was served to a person at the provider after a reveal (a reveal URL never fetched does not count). False is a complete answer.',
  });
export type FileViewedByEsp = z.infer<typeof FileViewedByEsp>;

export const ReportFile = z
  .object({
    sha256: hexDigest(64),
    itemIds: z.array(Id).min(1).meta({ description: 'Every confirmed item with these bytes.' }),
    fileName: z.string().meta({ description: 'Name of the file as reported (from the hash).' }),
    originalFileName: untrusted('File name as found.').nullable(),
    locationOfFile: untrusted('The file’s primary source URL.').nullable(),
    otherLocations: z
      .array(untrusted('Another URL where the same file was found.'))
      .meta({ description: 'Reported in `internetDetails` entries and `additionalInfo`.' }),
    originalFileHash: z
      .object({ hashType: z.enum(['SHA256', 'MD5', 'SHA1']), value: z.string() })
      .nullable()
      .meta({ description: 'Hash of the bytes as obtained, before any transcoding.' }),
    uploadedToEspTimestamp: Timestamp.nullable().meta({ description: 'Custody: ingestion.' }),
    publiclyAvailable: z.boolean().nullable(),
    fileViewedByEsp: FileViewedByEsp,
    exifViewedByEsp: z.boolean(),
    industryClassification: IndustryClassification.nullable(),
    fileAnnotations: z.array(FileAnnotation).max(FileAnnotation.options.length),
    hashDetails: z
      .array(z.object({ name: z.string(), value: z.string() }))
      .meta({ description: 'HASH details: MD5, PDQ, matched list and distance.' }),
  })
  .meta({ id: 'ReportFile', description: 'One file: the confirmed items with one SHA-256.' });
export type ReportFile = z.infer<typeof ReportFile>;

export const Incident = z
  .object({
    supplier: z.object({ id: Id, name: z.string() }),
    dataset: z.object({ id: Id, name: z.string(), version: z.string().nullable() }).nullable(),
    batchId: z.string().nullable(),
  })
  .meta({ id: 'Incident', description: 'What groups items into one report.' });
export type Incident = z.infer<typeof Incident>;

export const ReportEditable = z
  .object({
    incidentSummary: IncidentSummary,
    webPages: z.array(WebPageIncident).max(200),
    reportedPerson: ReportedPerson.nullable(),
    additionalInfo: written(20_000),
    files: z
      .array(
        ReportFile.pick({
          sha256: true,
          originalFileName: true,
          locationOfFile: true,
          publiclyAvailable: true,
          exifViewedByEsp: true,
          industryClassification: true,
          fileAnnotations: true,
        }),
      )
      .max(5000),
    notAvailable: z
      .array(NotAvailable)
      .max(ActionabilityField.options.length)
      .refine(
        (entries) => new Set(entries.map((e) => e.field)).size === entries.length,
        'each field at most once',
      ),
  })
  .meta({ id: 'ReportEditable', description: 'What a person may change on a report.' });
export type ReportEditable = z.infer<typeof ReportEditable>;

export const Report = ReportEditable.extend({
  id: Id,
  version: z.number().int().positive(),
  status: ReportStatus,
  incident: Incident,
  files: z.array(ReportFile),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  reporter: z
    .object({ userId: Id, name: z.string(), email: z.string() })
    .nullable()
    .meta({ description: 'The filing supervisor: set when a supervisor approves.' }),
  priorReport: z
    .object({ id: Id, ncmecReportId: z.string().regex(/^\d{1,18}$/) })
    .nullable()
    .meta({ description: 'A supplemental report’s filed original (`priorCTReports`).' }),
  draftEditors: z.array(Actor).meta({
    description:
      'Who changed its content: edited it as a draft, moved a file out of it or into it (with a file come the editors of the report it left), or amended it in review. None of them, nor its submitter, may approve it.',
  }),
  amendedBy: z.array(Actor).meta({
    description:
      'The supervisors who amended it while it was in review: editors too (in `draftEditors`), so another supervisor approves it.',
  }),
  submittedBy: Actor.nullable(),
  review: z
    .object({
      outcome: z.enum(['approved', 'rejected']),
      by: Actor,
      at: Timestamp,
      comment: z.string().nullable(),
    })
    .nullable(),
  filing: Filing.nullable(),
  filed: z
    .object({
      ncmecReportId: z.string(),
      filedAt: Timestamp,
      preservationDeadline: Timestamp.meta({
        description: 'One calendar year after filing (18 U.S.C. §2258A), at the same UTC time.',
      }),
    })
    .nullable(),
}).meta({ id: 'Report' });
export type Report = z.infer<typeof Report>;
