import { z } from '../../lib/zod';
import { Id, Timestamp, hexDigest } from './common';
import { FileAnnotation, IndustryClassification } from './decision';
import { URL_RULE, untrusted } from './report-text';
import { Actor } from './user';

/** One file of a report (NCMEC's `fileDetails`), and whether a person at the provider viewed it. */

const ViewEvidence = z
  .object({ seq: z.int().check(z.positive()), at: Timestamp, actor: Actor, itemId: Id })
  .register(z.globalRegistry, {
    id: 'ViewEvidence',
    description: 'The `media.served` event: the whole original file served to a person.',
  });

export const FileViewedByEsp = z
  .object({
    viewed: z.boolean(),
    evidence: z
      .nullable(ViewEvidence)
      .register(z.globalRegistry, { description: 'The serving that proves it.' }),
    sentAt: z.nullable(Timestamp).register(z.globalRegistry, {
      description:
        'When this answer was sent to NCMEC (the file’s fileinfo): from then on it is what NCMEC holds, and it no longer changes.',
    }),
    viewedAfterFiling: z.nullable(ViewEvidence).register(z.globalRegistry, {
      description:
        'The first serving of the original after an answer of false was sent: shown, never sent.',
    }),
  })
  .register(z.globalRegistry, {
    id: 'FileViewedByEsp',
    description:
      'Derived from the audit log, never typed: true only when the whole original file of one of its items was served to a person at the provider after a reveal (a reveal URL never fetched does not count). False is a complete answer.',
  });
export type FileViewedByEsp = z.infer<typeof FileViewedByEsp>;

export const ReportFile = z
  .object({
    sha256: hexDigest(64),
    itemIds: z
      .array(Id)
      .check(z.minLength(1))
      .register(z.globalRegistry, { description: 'Every confirmed item with these bytes.' }),
    fileName: z
      .string()
      .register(z.globalRegistry, { description: 'Name of the file as reported (from the hash).' }),
    originalFileName: z.nullable(untrusted('File name as found.', 'at most 2,056 characters')),
    locationOfFile: z.nullable(untrusted('The file’s primary source URL.', URL_RULE)),
    otherLocations: z
      .array(untrusted('Another URL where the same file was found.', URL_RULE))
      .register(z.globalRegistry, {
        description: 'Reported in `internetDetails` entries and `additionalInfo`.',
      }),
    originalFileHash: z
      .nullable(z.object({ hashType: z.enum(['SHA256', 'MD5', 'SHA1']), value: z.string() }))
      .register(z.globalRegistry, {
        description: 'Hash of the bytes as obtained, before any transcoding.',
      }),
    uploadedToEspTimestamp: z
      .nullable(Timestamp)
      .register(z.globalRegistry, { description: 'Custody: ingestion.' }),
    publiclyAvailable: z.nullable(z.boolean()),
    fileViewedByEsp: FileViewedByEsp,
    exifViewedByEsp: z.boolean(),
    industryClassification: z.nullable(IndustryClassification),
    fileAnnotations: z.array(FileAnnotation).check(z.maxLength(FileAnnotation.options.length)),
    hashDetails: z
      .array(z.object({ name: z.string(), value: z.string() }))
      .register(z.globalRegistry, {
        description: 'HASH details: MD5, PDQ, matched list and distance.',
      }),
    crawledAt: z.array(Timestamp).register(z.globalRegistry, {
      description: 'Every time a crawler fetched these bytes (its items’), earliest first.',
    }),
  })
  .register(z.globalRegistry, {
    id: 'ReportFile',
    description: 'One file: the confirmed items with one SHA-256.',
  });
export type ReportFile = z.infer<typeof ReportFile>;
