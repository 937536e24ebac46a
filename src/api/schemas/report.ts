import { z } from '../../lib/zod';
import { Id, Timestamp, hexDigest } from './common';
import { FileAnnotation, IndustryClassification } from './decision';
import { Filing } from './filing';
import { Actor } from './user';

/**
 * The contract's bound on a text from third-party data, above each of NCMEC's own limits (URLs
 * 2,083 characters, file names 2,056, screen names 256): a value over NCMEC's limit is still saved,
 * as evidence, and the checklist shows it refused by NCMEC; drafts never pre-fill one. See
 * docs/decisions/0011-ncmec-value-rules.md.
 */
export const UNTRUSTED_MAX = 4000;

/** Text that came from third-party data: render as text only, never as HTML or a live link. */
const untrusted = (description: string, ncmec: string) =>
  z
    .string()
    .max(UNTRUSTED_MAX)
    .meta({
      description: `${description} Untrusted third-party text. NCMEC: ${ncmec}; the contract keeps up to ${UNTRUSTED_MAX} characters so that a longer value is saved and shown refused, never lost.`,
    });
const URL_RULE = 'a valid URL of at most 2,083 characters';

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
    escalateToHighPriority: written(2000).nullable().meta({
      description:
        'Why NCMEC should treat it first (signs of new or ongoing abuse); giving one escalates the report, so null when there is none. NCMEC: not blank when supplied, at most 3,000 characters; the console keeps it to 2,000.',
    }),
    reportAnnotations: z.array(ReportAnnotation).max(ReportAnnotation.options.length),
    incidentDateTime: Timestamp.nullable(),
    incidentDateTimeDescription: written(500).nullable().meta({
      description:
        'What that time is: crawl time, supplier delivery or ingestion. NCMEC accepts 3,000 characters; the console keeps it to 500.',
    }),
  })
  .meta({ id: 'IncidentSummary' });
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const WebPageIncident = z
  .object({
    url: untrusted('Web page or file URL.', URL_RULE),
    thirdPartyHostedContent: z.boolean().nullable().meta({
      description:
        'NCMEC: the URL is hosted on another company’s server and the reporter has no further information. Only a person says so: drafts leave it null (not sent).',
    }),
    additionalInfo: written(100).meta({
      description:
        'Supplier, dataset and version, batch, record id, server IP, in short: the console’s limit of 100 characters (NCMEC’s documentation states none here); the report’s `additionalInfo` holds them in full.',
    }),
  })
  .meta({ id: 'WebPageIncident', description: 'One `internetDetails/webPageIncident`.' });
export type WebPageIncident = z.infer<typeof WebPageIncident>;

export const IpCaptureEvent = z
  .object({
    ipAddress: z.string().min(1).max(100).meta({
      description:
        'NCMEC: a valid IPv4, IPv6 or IPv4-mapped IPv6 address (the checklist shows another value refused).',
    }),
    eventName: IpEventName,
    dateTime: Timestamp.nullable(),
  })
  .meta({ id: 'IpCaptureEvent' });
export type IpCaptureEvent = z.infer<typeof IpCaptureEvent>;

export const ReportedPerson = z
  .object({
    screenName: untrusted(
      'Uploader account name in the dataset.',
      'at most 256 characters',
    ).nullable(),
    profileUrl: untrusted('Uploader profile URL.', URL_RULE).nullable(),
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

/** How much of a refused source value is kept: escaped, then cut to this many characters. */
export const REFUSED_EXCERPT_MAX = 200;

export const RefusedSourceValue = z
  .object({
    field: z.enum([
      'web_page_url',
      'location_of_file',
      'original_file_name',
      'screen_name',
      'profile_url',
      'ip_address',
      'ip_capture_time',
      'incident_date',
      'uploaded_to_esp',
    ]),
    xsdPath: z
      .string()
      .meta({ description: 'Where it would have gone, e.g. `fileDetails/locationOfFile`.' }),
    itemId: Id.meta({ description: 'The item whose provenance holds it.' }),
    fileSha256: hexDigest(64)
      .nullable()
      .meta({ description: 'The file it is about: sent in that file’s `additionalInfo`.' }),
    rule: z
      .string()
      .meta({ description: 'The NCMEC rule it breaks, in its documentation’s words.' }),
    length: z.number().int().nonnegative().meta({ description: 'Its length in characters.' }),
    sha256: hexDigest(64).meta({ description: 'SHA-256 of the whole value (UTF-8).' }),
    excerpt: z
      .string()
      .max(REFUSED_EXCERPT_MAX)
      .meta({
        description: `The value escaped (\\ as \\\\, every character outside printable ASCII as \\u{hex}) and cut to ${REFUSED_EXCERPT_MAX} characters, ending in … when cut.`,
      }),
  })
  .meta({
    id: 'RefusedSourceValue',
    description:
      'A value of the supplier’s data that NCMEC’s rules refuse (a `javascript:` “URL”, an 8,000-character URL): never pre-filled into the report, kept as evidence and sent in the additional information.',
  });
export type RefusedSourceValue = z.infer<typeof RefusedSourceValue>;

export const ReportFile = z
  .object({
    sha256: hexDigest(64),
    itemIds: z.array(Id).min(1).meta({ description: 'Every confirmed item with these bytes.' }),
    fileName: z.string().meta({ description: 'Name of the file as reported (from the hash).' }),
    originalFileName: untrusted('File name as found.', 'at most 2,056 characters').nullable(),
    locationOfFile: untrusted('The file’s primary source URL.', URL_RULE).nullable(),
    otherLocations: z
      .array(untrusted('Another URL where the same file was found.', URL_RULE))
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
    crawledAt: z.array(Timestamp).meta({
      description: 'Every time a crawler fetched these bytes (its items’), earliest first.',
    }),
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
    excludedFromTraining: z.boolean().nullable().meta({
      description:
        'Whether the files were kept out of training. Only a person can say (the data records quarantine, not what training used): null until one does, and nothing is sent about it.',
    }),
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
  refusedSourceValues: z.array(RefusedSourceValue).meta({
    description: 'Values of its items’ provenance that NCMEC’s rules refuse, set aside.',
  }),
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
