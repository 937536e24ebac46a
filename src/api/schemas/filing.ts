import { z } from '../../lib/zod';
import { Id, Timestamp, hexDigest } from './common';
import { Actor } from './user';

/** The server's run of the CyberTipline filing sequence, as the console follows it. */

export const FilingStepName = z.enum(['submit', 'upload', 'fileinfo', 'finish', 'retract']);
export type FilingStepName = z.infer<typeof FilingStepName>;

export const FilingStep = z
  .object({
    step: FilingStepName,
    sha256: z
      .nullable(hexDigest(64))
      .register(z.globalRegistry, { description: 'The file, for upload and fileinfo.' }),
    state: z.enum(['pending', 'done', 'failed']),
    at: z.nullable(Timestamp),
    ncmecCode: z.nullable(z.int()),
    message: z.nullable(z.string()),
  })
  .register(z.globalRegistry, { id: 'FilingStep' });
export type FilingStep = z.infer<typeof FilingStep>;

export const Filing = z
  .object({
    state: z.enum(['running', 'failed', 'finished', 'retracted']),
    startedBy: Actor,
    startedAt: Timestamp,
    ncmecReportId: z.nullable(z.string()),
    steps: z.array(FilingStep),
    error: z
      .nullable(
        z.object({
          ncmecCode: z
            .nullable(z.int())
            .register(z.globalRegistry, { description: 'Null when NCMEC was not reached.' }),
          message: z.string(),
        }),
      )
      .register(z.globalRegistry, {
        description: 'Why the filing stopped; it can be resumed or retracted.',
      }),
    retraction: z
      .nullable(z.object({ reason: z.string(), by: Actor, at: Timestamp }))
      .register(z.globalRegistry, {
        description:
          'Why the filing is being (or was) retracted, by whom and when: a person’s choice after it stopped, or the server’s when an item was no longer confirmed before NCMEC’s finish.',
      }),
  })
  .register(z.globalRegistry, {
    id: 'Filing',
    description:
      'The CyberTipline sequence, run by the server: submit, upload and fileinfo per file, finish. A step done is never sent again. Before each step, and atomically with recording its answer, the server checks that every item is still confirmed; if one is not, it retracts what was submitted instead of finishing.',
  });
export type Filing = z.infer<typeof Filing>;

export const FilingDocument = z
  .object({
    id: Id,
    step: FilingStepName,
    fileSha256: z
      .nullable(hexDigest(64))
      .register(z.globalRegistry, { description: 'The file, for upload and fileinfo.' }),
    direction: z.enum(['sent', 'answer']).register(z.globalRegistry, {
      description:
        '`sent`: a document sent to NCMEC (the `<report>` of submit, the `<fileDetails>` of fileinfo); `answer`: NCMEC’s response, as received. Forms (upload, finish, retract) are recorded by their fields in the audit event; the file’s bytes are never kept here.',
    }),
    at: Timestamp,
    ncmecReportId: z.nullable(z.string()),
    mediaType: z.literal('application/xml'),
    bytes: z.int().check(z.nonnegative()),
    sha256: hexDigest(64).register(z.globalRegistry, {
      description: 'Of the exact bytes kept, as in the audit event.',
    }),
    auditSeq: z.int().check(z.positive()).register(z.globalRegistry, {
      description: 'The `report.filing_step` event that records it and its hash.',
    }),
  })
  .register(z.globalRegistry, {
    id: 'FilingDocument',
    description: 'A document exchanged with NCMEC while filing, kept with the report as sent.',
  });
export type FilingDocument = z.infer<typeof FilingDocument>;

export const FilingDocumentList = z
  .object({ reportId: Id, documents: z.array(FilingDocument) })
  .register(z.globalRegistry, {
    id: 'FilingDocumentList',
    description: 'Every filing attempt’s documents, in the order they were exchanged.',
  });
export type FilingDocumentList = z.infer<typeof FilingDocumentList>;
