import { z } from '../../lib/zod';
import { Timestamp, hexDigest } from './common';
import { Actor } from './user';

/** The server's run of the CyberTipline filing sequence, as the console follows it. */

export const FilingStepName = z.enum(['submit', 'upload', 'fileinfo', 'finish', 'retract']);
export type FilingStepName = z.infer<typeof FilingStepName>;

export const FilingStep = z
  .object({
    step: FilingStepName,
    sha256: hexDigest(64).nullable().meta({ description: 'The file, for upload and fileinfo.' }),
    state: z.enum(['pending', 'done', 'failed']),
    at: Timestamp.nullable(),
    ncmecCode: z.number().int().nullable(),
    message: z.string().nullable(),
  })
  .meta({ id: 'FilingStep' });
export type FilingStep = z.infer<typeof FilingStep>;

export const Filing = z
  .object({
    state: z.enum(['running', 'failed', 'finished', 'retracted']),
    startedBy: Actor,
    startedAt: Timestamp,
    ncmecReportId: z.string().nullable(),
    steps: z.array(FilingStep),
    error: z
      .object({
        ncmecCode: z
          .number()
          .int()
          .nullable()
          .meta({ description: 'Null when NCMEC was not reached.' }),
        message: z.string(),
      })
      .nullable()
      .meta({ description: 'Why the filing stopped; it can be resumed or retracted.' }),
  })
  .meta({
    id: 'Filing',
    description:
      'The CyberTipline sequence, run by the server: submit, upload and fileinfo per file, finish. A step done is never sent again.',
  });
export type Filing = z.infer<typeof Filing>;
