import { z } from '../../lib/zod';

/** The two kinds of text a report holds: text from third-party data, and text a person writes. */

/**
 * The contract's bound on a text from third-party data, above each of NCMEC's own limits (URLs
 * 2,083 characters, file names 2,056, screen names 256): a value over NCMEC's limit is still saved,
 * as evidence, and the checklist shows it refused by NCMEC; drafts never pre-fill one. See
 * docs/decisions/0011-ncmec-value-rules.md.
 */
export const UNTRUSTED_MAX = 4000;

/** Text that came from third-party data: render as text only, never as HTML or a live link. */
export const untrusted = (description: string, ncmec: string) =>
  z
    .string()
    .check(z.maxLength(UNTRUSTED_MAX))
    .register(z.globalRegistry, {
      description: `${description} Untrusted third-party text. NCMEC: ${ncmec}; the contract keeps up to ${UNTRUSTED_MAX} characters so that a longer value is saved and shown refused, never lost.`,
    });
export const URL_RULE = 'a valid URL of at most 2,083 characters';

/** Free text a person writes into the report. */
export const written = (max: number) => z.string().check(z.maxLength(max));
