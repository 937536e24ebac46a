import { z } from '../../lib/zod';
import { Id, Timestamp, hexDigest } from './common';

export const ItemStatus = z
  .enum(['pending', 'awaiting_second_review', 'escalated', 'confirmed', 'dismissed'])
  .meta({ id: 'ItemStatus' });
export type ItemStatus = z.infer<typeof ItemStatus>;

export const Priority = z.enum(['p0', 'p1', 'p2', 'p3']).meta({ id: 'Priority' });
export type Priority = z.infer<typeof Priority>;

/** Text that came from third-party data: render as text only, never as HTML or a live link. */
const untrusted = (description: string) =>
  z.string().meta({ description: `${description} Untrusted third-party text.` });

/** One browser window (tab) of a person, named by the console: random, kept for the tab's life. */
export const WindowId = z
  .string()
  .regex(/^[\w-]{8,64}$/, 'must be 8–64 letters, digits, - or _')
  .meta({ id: 'WindowId', description: 'An opaque id the console draws for one browser tab.' });

export const Lease = z
  .object({
    holderId: Id,
    holderName: z.string(),
    expiresAt: Timestamp,
    window: WindowId.nullable().meta({
      description:
        'Which of the holder’s windows holds it: only that one renews or releases it, another takes it over deliberately. Null when taken without one (handed over by a supervisor, or by a client that names none): the holder’s next claim from a window takes it there.',
    }),
  })
  .meta({
    id: 'Lease',
    description: 'Who holds the item for decision (a person, in one of their windows), until when.',
  });
export type Lease = z.infer<typeof Lease>;

export const Media = z
  .object({
    kind: z.enum(['image', 'video', 'text', 'archive']),
    mimeType: z.string(),
    byteSize: z.number().int().nonnegative(),
    width: z.number().int().positive().nullable(),
    height: z.number().int().positive().nullable(),
    durationSeconds: z.number().nonnegative().nullable(),
    sha256: hexDigest(64),
    md5: hexDigest(32),
    pdq: hexDigest(64).nullable().meta({ description: 'PDQ perceptual hash (images only).' }),
    originalHash: z
      .object({ algorithm: z.enum(['SHA256', 'MD5', 'SHA1']), value: z.string() })
      .nullable()
      .meta({ description: 'Hash of the bytes as obtained, before any transcoding.' }),
    fileName: untrusted('File name as found.').nullable(),
    exif: z
      .array(z.object({ tag: z.string(), value: untrusted('EXIF value.') }))
      .meta({ description: 'EXIF/metadata fields as found in the file.' }),
  })
  .meta({ id: 'Media' });
export type Media = z.infer<typeof Media>;

export const Preview = z
  .discriminatedUnion('mode', [
    z.object({
      mode: z.literal('blurred'),
      blurredUrl: z
        .string()
        .regex(/^\/api\/items\/[^/]+\/preview$/, 'must be the console API’s own preview path')
        .meta({ description: 'Same-origin URL of the server-blurred derivative.' }),
    }),
    z.object({ mode: z.literal('hash_only') }),
  ])
  .meta({
    id: 'Preview',
    description: 'Hash-only items carry no media URL at all and have no preview endpoint.',
  });
export type Preview = z.infer<typeof Preview>;

const ruleFields = {
  ruleId: Id,
  ruleName: z.string(),
  ruleVersion: z.string(),
};

export const HashList = z.enum(['ncmec', 'industry', 'internal']).meta({ id: 'HashList' });
export type HashList = z.infer<typeof HashList>;

export const Signal = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('hash_match'),
      ...ruleFields,
      hashList: HashList,
      algorithm: z.enum(['PDQ', 'MD5', 'SHA256', 'PhotoDNA']),
      distance: z
        .number()
        .int()
        .min(0)
        .max(256)
        .meta({ description: 'Match distance (PDQ Hamming distance; 0 for exact hashes).' }),
      maxDistance: z.number().int().min(0).max(256),
    }),
    z.object({
      kind: z.literal('classifier'),
      ...ruleFields,
      score: z.number().min(0).max(1),
      threshold: z.number().min(0).max(1),
    }),
    z.object({
      kind: z.literal('text_rule'),
      ...ruleFields,
      field: z.string().meta({ description: 'Where the text was found, e.g. `pageTitle`.' }),
      matchedText: untrusted('The span that matched.'),
    }),
    z.object({
      kind: z.literal('heuristic'),
      ...ruleFields,
      description: z.string(),
    }),
  ])
  .meta({ id: 'Signal' });
export type Signal = z.infer<typeof Signal>;
export type SignalKind = Signal['kind'];

export const AcquisitionMethod = z
  .enum(['web_crawl', 'licensed_corpus', 'purchased', 'user_contributed', 'unknown'])
  .meta({ id: 'AcquisitionMethod' });

export const CustodyEvent = z
  .object({
    kind: z.enum(['ingested', 'scanned', 'quarantined', 'hashed', 'exported']),
    at: Timestamp,
    by: z.string(),
    location: z.string(),
  })
  .meta({ id: 'CustodyEvent' });
export type CustodyEvent = z.infer<typeof CustodyEvent>;

export const Provenance = z
  .object({
    supplier: z.object({
      id: Id,
      name: z.string(),
      contractRef: z.string().nullable(),
    }),
    dataset: z.object({ id: Id, name: z.string(), version: z.string().nullable() }).nullable(),
    acquisition: z.object({
      method: AcquisitionMethod,
      acquiredAt: Timestamp.nullable(),
      batchId: z.string().nullable(),
      manifestRef: z.string().nullable(),
      recordId: z.string().nullable(),
      crawlSnapshot: z.string().nullable(),
    }),
    origin: z.object({
      sourceUrls: z.array(untrusted('URL the file was fetched from.')),
      pageUrl: untrusted('Page that embedded the file.').nullable(),
      pageTitle: untrusted('Title of that page.').nullable(),
      crawledAt: Timestamp.nullable(),
      httpStatus: z.number().int().min(100).max(599).nullable(),
      hostIp: z.string().nullable(),
      uploader: z
        .object({
          accountName: untrusted('Uploader account name.'),
          profileUrl: untrusted('Uploader profile URL.').nullable(),
          ipAddress: z
            .string()
            .nullable()
            .meta({ description: 'The IP address the uploader used, when the source logged it.' }),
          uploadedAt: Timestamp.nullable().meta({ description: 'When they uploaded it there.' }),
        })
        .nullable(),
      license: untrusted('License as declared by the source.').nullable(),
    }),
    custody: z.array(CustodyEvent),
  })
  .meta({ id: 'Provenance' });
export type Provenance = z.infer<typeof Provenance>;

export const FlaggedItem = z
  .object({
    id: Id,
    version: z.number().int().positive().meta({ description: 'Bumped on every change.' }),
    queueId: Id,
    status: ItemStatus,
    priority: Priority,
    flaggedAt: Timestamp,
    slaDueAt: Timestamp,
    lease: Lease.nullable(),
    media: Media,
    preview: Preview,
    signals: z.array(Signal).min(1),
    provenance: Provenance,
  })
  .meta({ id: 'FlaggedItem' });
export type FlaggedItem = z.infer<typeof FlaggedItem>;

/** The slim row the list endpoints return. */
export const ItemRow = FlaggedItem.pick({
  id: true,
  version: true,
  queueId: true,
  status: true,
  priority: true,
  flaggedAt: true,
  slaDueAt: true,
  lease: true,
})
  .extend({
    previewMode: z.enum(['blurred', 'hash_only']),
    topSignal: Signal,
    supplier: z.object({ id: Id, name: z.string() }),
    completeness: z
      .object({ present: z.number().int().nonnegative(), total: z.number().int().positive() })
      .meta({
        description:
          'Report fields of the provenance present, out of those that make a report actionable.',
      }),
  })
  .meta({ id: 'ItemRow' });
export type ItemRow = z.infer<typeof ItemRow>;

export const ItemSort = z.enum(['priority', 'sla', 'flagged']).meta({ id: 'ItemSort' });
export type ItemSort = z.infer<typeof ItemSort>;

export const ItemListQuery = z
  .object({
    cursor: z
      .string()
      .max(200)
      .optional()
      .meta({ description: 'Opaque cursor from `nextCursor`: the next page after one read.' }),
    offset: z.coerce.number().int().min(0).optional().meta({
      description: 'Position of the first row wanted: any page, directly. Not with `cursor`.',
    }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    status: ItemStatus.optional(),
    priority: Priority.optional(),
    signalKind: z.enum(['hash_match', 'classifier', 'text_rule', 'heuristic']).optional(),
    ruleId: Id.optional(),
    supplierId: Id.optional(),
    sort: ItemSort.default('priority'),
  })
  .meta({ id: 'ItemListQuery' });
export type ItemListQuery = z.infer<typeof ItemListQuery>;

export const AllItemsQuery = ItemListQuery.extend({
  q: z.string().trim().min(1).max(200).optional().meta({
    description: 'An item id, or any of its hashes (SHA-256, MD5, PDQ, hash as obtained).',
  }),
  queueId: Id.optional(),
}).meta({ id: 'AllItemsQuery' });
export type AllItemsQuery = z.infer<typeof AllItemsQuery>;

export const ItemPage = z
  .object({
    items: z.array(ItemRow),
    total: z.number().int().nonnegative().meta({ description: 'Items matching the filters.' }),
    offset: z.number().int().nonnegative().meta({ description: 'Position of the first row.' }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ItemPage' });
export type ItemPage = z.infer<typeof ItemPage>;
