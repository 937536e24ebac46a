import { z } from '../../lib/zod';
import { Id, Timestamp, hexDigest } from './common';

export const ItemStatus = z
  .enum(['pending', 'awaiting_second_review', 'escalated', 'confirmed', 'dismissed'])
  .register(z.globalRegistry, { id: 'ItemStatus' });
export type ItemStatus = z.infer<typeof ItemStatus>;

export const Priority = z
  .enum(['p0', 'p1', 'p2', 'p3'])
  .register(z.globalRegistry, { id: 'Priority' });
export type Priority = z.infer<typeof Priority>;

/** Text that came from third-party data: render as text only, never as HTML or a live link. */
const untrusted = (description: string) =>
  z
    .string()
    .register(z.globalRegistry, { description: `${description} Untrusted third-party text.` });

/** One browser window (tab) of a person, named by the console: random, kept for the tab's life. */
export const WindowId = z
  .string()
  .check(z.regex(/^[\w-]{8,64}$/, 'must be 8–64 letters, digits, - or _'))
  .register(z.globalRegistry, {
    id: 'WindowId',
    description: 'An opaque id the console draws for one browser tab.',
  });

export const Lease = z
  .object({
    holderId: Id,
    holderName: z.string(),
    expiresAt: Timestamp,
    window: z.nullable(WindowId).register(z.globalRegistry, {
      description:
        'Which of the holder’s windows holds it: only that one renews or releases it, another takes it over deliberately. Null when taken without one (handed over by a supervisor, or by a client that names none): the holder’s next claim from a window takes it there.',
    }),
  })
  .register(z.globalRegistry, {
    id: 'Lease',
    description: 'Who holds the item for decision (a person, in one of their windows), until when.',
  });
export type Lease = z.infer<typeof Lease>;

export const Media = z
  .object({
    kind: z.enum(['image', 'video', 'text', 'archive']),
    mimeType: z.string(),
    byteSize: z.int().check(z.nonnegative()),
    width: z.nullable(z.int().check(z.positive())),
    height: z.nullable(z.int().check(z.positive())),
    durationSeconds: z.nullable(z.number().check(z.nonnegative())),
    sha256: hexDigest(64),
    md5: hexDigest(32),
    pdq: z
      .nullable(hexDigest(64))
      .register(z.globalRegistry, { description: 'PDQ perceptual hash (images only).' }),
    originalHash: z
      .nullable(z.object({ algorithm: z.enum(['SHA256', 'MD5', 'SHA1']), value: z.string() }))
      .register(z.globalRegistry, {
        description: 'Hash of the bytes as obtained, before any transcoding.',
      }),
    fileName: z.nullable(untrusted('File name as found.')),
    exif: z
      .array(z.object({ tag: z.string(), value: untrusted('EXIF value.') }))
      .register(z.globalRegistry, { description: 'EXIF/metadata fields as found in the file.' }),
  })
  .register(z.globalRegistry, { id: 'Media' });
export type Media = z.infer<typeof Media>;

export const Preview = z
  .discriminatedUnion('mode', [
    z.object({
      mode: z.literal('blurred'),
      blurredUrl: z
        .string()
        .check(
          z.regex(/^\/api\/items\/[^/]+\/preview$/, 'must be the console API’s own preview path'),
        )
        .register(z.globalRegistry, {
          description: 'Same-origin URL of the server-blurred derivative.',
        }),
    }),
    z.object({ mode: z.literal('hash_only') }),
  ])
  .register(z.globalRegistry, {
    id: 'Preview',
    description: 'Hash-only items carry no media URL at all and have no preview endpoint.',
  });
export type Preview = z.infer<typeof Preview>;

const ruleFields = {
  ruleId: Id,
  ruleName: z.string(),
  ruleVersion: z.string(),
};

export const HashList = z
  .enum(['ncmec', 'industry', 'internal'])
  .register(z.globalRegistry, { id: 'HashList' });
export type HashList = z.infer<typeof HashList>;

export const Signal = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('hash_match'),
      ...ruleFields,
      hashList: HashList,
      algorithm: z.enum(['PDQ', 'MD5', 'SHA256', 'PhotoDNA']),
      distance: z.int().check(z.gte(0), z.lte(256)).register(z.globalRegistry, {
        description: 'Match distance (PDQ Hamming distance; 0 for exact hashes).',
      }),
      maxDistance: z.int().check(z.gte(0), z.lte(256)),
    }),
    z.object({
      kind: z.literal('classifier'),
      ...ruleFields,
      score: z.number().check(z.gte(0), z.lte(1)),
      threshold: z.number().check(z.gte(0), z.lte(1)),
    }),
    z.object({
      kind: z.literal('text_rule'),
      ...ruleFields,
      field: z
        .string()
        .register(z.globalRegistry, { description: 'Where the text was found, e.g. `pageTitle`.' }),
      matchedText: untrusted('The span that matched.'),
    }),
    z.object({
      kind: z.literal('heuristic'),
      ...ruleFields,
      description: z.string(),
    }),
  ])
  .register(z.globalRegistry, { id: 'Signal' });
export type Signal = z.infer<typeof Signal>;
export type SignalKind = Signal['kind'];

export const AcquisitionMethod = z
  .enum(['web_crawl', 'licensed_corpus', 'purchased', 'user_contributed', 'unknown'])
  .register(z.globalRegistry, { id: 'AcquisitionMethod' });

export const CustodyEvent = z
  .object({
    kind: z.enum(['ingested', 'scanned', 'quarantined', 'hashed', 'exported']),
    at: Timestamp,
    by: z.string(),
    location: z.string(),
  })
  .register(z.globalRegistry, { id: 'CustodyEvent' });
export type CustodyEvent = z.infer<typeof CustodyEvent>;

export const Provenance = z
  .object({
    supplier: z.object({
      id: Id,
      name: z.string(),
      contractRef: z.nullable(z.string()),
    }),
    dataset: z.nullable(z.object({ id: Id, name: z.string(), version: z.nullable(z.string()) })),
    acquisition: z.object({
      method: AcquisitionMethod,
      acquiredAt: z.nullable(Timestamp),
      batchId: z.nullable(z.string()),
      manifestRef: z.nullable(z.string()),
      recordId: z.nullable(z.string()),
      crawlSnapshot: z.nullable(z.string()),
    }),
    origin: z.object({
      sourceUrls: z.array(untrusted('URL the file was fetched from.')),
      pageUrl: z.nullable(untrusted('Page that embedded the file.')),
      pageTitle: z.nullable(untrusted('Title of that page.')),
      crawledAt: z.nullable(Timestamp),
      httpStatus: z.nullable(z.int().check(z.gte(100), z.lte(599))),
      hostIp: z.nullable(z.string()),
      uploader: z.nullable(
        z.object({
          accountName: untrusted('Uploader account name.'),
          profileUrl: z.nullable(untrusted('Uploader profile URL.')),
          ipAddress: z.nullable(z.string()).register(z.globalRegistry, {
            description: 'The IP address the uploader used, when the source logged it.',
          }),
          uploadedAt: z
            .nullable(Timestamp)
            .register(z.globalRegistry, { description: 'When they uploaded it there.' }),
        }),
      ),
      license: z.nullable(untrusted('License as declared by the source.')),
    }),
    custody: z.array(CustodyEvent),
  })
  .register(z.globalRegistry, { id: 'Provenance' });
export type Provenance = z.infer<typeof Provenance>;

export const FlaggedItem = z
  .object({
    id: Id,
    version: z
      .int()
      .check(z.positive())
      .register(z.globalRegistry, { description: 'Bumped on every change.' }),
    queueId: Id,
    status: ItemStatus,
    priority: Priority,
    flaggedAt: Timestamp,
    slaDueAt: Timestamp,
    lease: z.nullable(Lease),
    media: Media,
    preview: Preview,
    signals: z.array(Signal).check(z.minLength(1)),
    provenance: Provenance,
  })
  .register(z.globalRegistry, { id: 'FlaggedItem' });
export type FlaggedItem = z.infer<typeof FlaggedItem>;

/** The slim row the list endpoints return. */
export const ItemRow = z
  .extend(
    z.pick(FlaggedItem, {
      id: true,
      version: true,
      queueId: true,
      status: true,
      priority: true,
      flaggedAt: true,
      slaDueAt: true,
      lease: true,
    }),
    {
      previewMode: z.enum(['blurred', 'hash_only']),
      topSignal: Signal,
      supplier: z.object({ id: Id, name: z.string() }),
      completeness: z
        .object({ present: z.int().check(z.nonnegative()), total: z.int().check(z.positive()) })
        .register(z.globalRegistry, {
          description:
            'Report fields of the provenance present, out of those that make a report actionable.',
        }),
    },
  )
  .register(z.globalRegistry, { id: 'ItemRow' });
export type ItemRow = z.infer<typeof ItemRow>;

export const ItemSort = z
  .enum(['priority', 'sla', 'flagged'])
  .register(z.globalRegistry, { id: 'ItemSort' });
export type ItemSort = z.infer<typeof ItemSort>;

export const ItemListQuery = z
  .object({
    cursor: z.optional(z.string().check(z.maxLength(200))).register(z.globalRegistry, {
      description: 'Opaque cursor from `nextCursor`: the next page after one read.',
    }),
    offset: z.optional(z.coerce.number().check(z.int(), z.gte(0))).register(z.globalRegistry, {
      description: 'Position of the first row wanted: any page, directly. Not with `cursor`.',
    }),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
    status: z.optional(ItemStatus),
    priority: z.optional(Priority),
    signalKind: z.optional(z.enum(['hash_match', 'classifier', 'text_rule', 'heuristic'])),
    ruleId: z.optional(Id),
    supplierId: z.optional(Id),
    sort: z._default(ItemSort, 'priority'),
  })
  .register(z.globalRegistry, { id: 'ItemListQuery' });
export type ItemListQuery = z.infer<typeof ItemListQuery>;

export const AllItemsQuery = z
  .extend(ItemListQuery, {
    q: z
      .optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)))
      .register(z.globalRegistry, {
        description: 'An item id, or any of its hashes (SHA-256, MD5, PDQ, hash as obtained).',
      }),
    queueId: z.optional(Id),
  })
  .register(z.globalRegistry, { id: 'AllItemsQuery' });
export type AllItemsQuery = z.infer<typeof AllItemsQuery>;

export const ItemPage = z
  .object({
    items: z.array(ItemRow),
    total: z
      .int()
      .check(z.nonnegative())
      .register(z.globalRegistry, { description: 'Items matching the filters.' }),
    offset: z
      .int()
      .check(z.nonnegative())
      .register(z.globalRegistry, { description: 'Position of the first row.' }),
    nextCursor: z.nullable(z.string()),
  })
  .register(z.globalRegistry, { id: 'ItemPage' });
export type ItemPage = z.infer<typeof ItemPage>;
