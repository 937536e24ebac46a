import { z } from '../../lib/zod';
import { Id, Timestamp } from './common';
import type { Role } from './user';

/**
 * The form of a third-party URL put on the clipboard: `defanged` (`hxxps://host[.]example/…`, what
 * the console shows, which no browser bar or linkifier turns into a request) unless the person
 * deliberately asks for the `live` URL to open it in an isolated environment.
 */
export const UrlCopyForm = z
  .enum(['defanged', 'live'])
  .register(z.globalRegistry, { id: 'UrlCopyForm' });
export type UrlCopyForm = z.infer<typeof UrlCopyForm>;

/** Who may copy the live form: the reviewers, who may need to open a source elsewhere. */
const liveCopyRoles: readonly Role[] = ['analyst', 'supervisor'];
export const mayCopyLive = (role: Role) => liveCopyRoles.includes(role);

/**
 * The longest URL a copy names. The data's URLs have no bound of their own (a source may hold an
 * 8,000-character one), so this is far above any: a URL an item holds can always be copied.
 */
export const COPIED_URL_MAX = 65_536;

export const UrlCopyRequest = z
  .object({
    subject: z.object({ type: z.enum(['item', 'report']), id: Id }).register(z.globalRegistry, {
      description: 'The item whose provenance holds the URL, or the report that lists it.',
    }),
    url: z.string().check(z.minLength(1), z.maxLength(COPIED_URL_MAX)).register(z.globalRegistry, {
      description: 'The URL as the subject holds it (live). Untrusted third-party text.',
    }),
    form: UrlCopyForm,
  })
  .register(z.globalRegistry, { id: 'UrlCopyRequest' });
export type UrlCopyRequest = z.infer<typeof UrlCopyRequest>;

export const UrlCopyRecorded = z
  .object({ seq: z.int().check(z.positive()), at: Timestamp, form: UrlCopyForm })
  .register(z.globalRegistry, {
    id: 'UrlCopyRecorded',
    description: 'The `url.copied` audit event appended.',
  });
export type UrlCopyRecorded = z.infer<typeof UrlCopyRecorded>;
