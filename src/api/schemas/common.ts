import { z } from '../../lib/zod';

/** Opaque identifier; never parsed by the console. */
export const Id = z.string().min(1).max(200);

/** ISO-8601 instant in UTC (`Z`), as every time in the contract is. */
export const Timestamp = z.iso.datetime();

/** Lower-case hexadecimal digest of a fixed length. */
export const hexDigest = (length: number) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`), `expected ${length} lower-case hex digits`);

export const ErrorBody = z
  .object({
    error: z.object({
      code: z
        .string()
        .meta({ description: 'Machine-readable error code, e.g. `invalid_request`.' }),
      message: z.string(),
      field: z
        .string()
        .optional()
        .meta({ description: 'Path of the request field that failed validation, when one did.' }),
    }),
  })
  .meta({ id: 'Error', description: 'Every 4xx and 5xx response carries this body.' });
export type ErrorBody = z.infer<typeof ErrorBody>;
