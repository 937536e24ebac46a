import { z } from '../../lib/zod';
import { Id, hexDigest } from './common';

/** A value of the supplier's data NCMEC's rules refuse: set aside as evidence, never pre-filled. */

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
    xsdPath: z.string().register(z.globalRegistry, {
      description: 'Where it would have gone, e.g. `fileDetails/locationOfFile`.',
    }),
    itemId: Id.clone().register(z.globalRegistry, {
      description: 'The item whose provenance holds it.',
    }),
    fileSha256: z.nullable(hexDigest(64)).register(z.globalRegistry, {
      description: 'The file it is about: sent in that file’s `additionalInfo`.',
    }),
    rule: z.string().register(z.globalRegistry, {
      description: 'The NCMEC rule it breaks, in its documentation’s words.',
    }),
    length: z
      .int()
      .check(z.nonnegative())
      .register(z.globalRegistry, { description: 'Its length in characters.' }),
    sha256: hexDigest(64).register(z.globalRegistry, {
      description: 'SHA-256 of the whole value (UTF-8).',
    }),
    excerpt: z
      .string()
      .check(z.maxLength(REFUSED_EXCERPT_MAX))
      .register(z.globalRegistry, {
        description: `The value escaped (\\ as \\\\, every character outside printable ASCII as \\u{hex}) and cut to ${REFUSED_EXCERPT_MAX} characters, ending in … when cut.`,
      }),
  })
  .register(z.globalRegistry, {
    id: 'RefusedSourceValue',
    description:
      'A value of the supplier’s data that NCMEC’s rules refuse (a `javascript:` “URL”, an 8,000-character URL): never pre-filled into the report, kept as evidence and sent in the additional information.',
  });
export type RefusedSourceValue = z.infer<typeof RefusedSourceValue>;
