import { z } from '../../lib/zod';

/**
 * Opaque identifier; never parsed by the console. Safe in a URL path segment, a file name and a
 * log line as it is: letters, digits, `_`, `-`, `.` and `:`, starting with a letter or digit (so
 * never `..`), at most 128 characters.
 */
export const Id = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(128),
    z.regex(
      /^[A-Za-z0-9][\w.:-]*$/,
      'an id is letters, digits, `_`, `-`, `.` or `:`, starting with a letter or digit',
    ),
  );

/** ISO-8601 instant in UTC (`Z`), as every time in the contract is; at most nanoseconds. */
export const Timestamp = z.iso.datetime().check(z.maxLength(30));

/**
 * Free text a person writes that must say something: at least `min` characters besides the spaces
 * around them. Kept exactly as written, never trimmed: what is stored is what was sent.
 */
export const saying = (max: number, min: number, message: string) =>
  z.string().check(
    z.minLength(min, message),
    z.maxLength(max),
    z.refine((text) => text.trim().length >= min, message),
  );

/** Lower-case hexadecimal digest of a fixed length. */
export const hexDigest = (length: number) =>
  z
    .string()
    .check(
      z.regex(new RegExp(`^[0-9a-f]{${length}}$`), `expected ${length} lower-case hex digits`),
      z.length(length),
    );

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().register(z.globalRegistry, {
        description: 'Machine-readable error code, e.g. `invalid_request`.',
      }),
      message: z.string(),
      field: z.optional(z.string()).register(z.globalRegistry, {
        description: 'Path of the request field that failed validation, when one did.',
      }),
    }),
  })
  .register(z.globalRegistry, {
    id: 'Error',
    description: 'Every 4xx and 5xx response carries this body.',
  });
export type ErrorBody = z.infer<typeof ErrorBody>;
