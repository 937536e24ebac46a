import { UrlCopyRecorded, UrlCopyRequest } from '../schemas/url-copy';
import { anyRole, type Endpoint } from './endpoint';

/** Copying a third-party URL, recorded before the clipboard holds it. */
export const urlCopyEndpoints = {
  recordUrlCopy: {
    operationId: 'recordUrlCopy',
    method: 'post',
    path: '/api/url-copies',
    summary: 'Record that a third-party URL is about to be copied',
    description:
      'Sent before the console puts the URL on the clipboard, which it does only once this is recorded. Appends a `url.copied` audit event holding the URL in its defanged form (never the live one), which field of the subject held it, and the form copied. The URL must be one the subject holds (404 otherwise); the `live` form is for reviewers only (403 for auditors).',
    tag: 'items',
    access: anyRole,
    body: UrlCopyRequest,
    response: UrlCopyRecorded,
    errors: [400, 401, 403, 404],
  },
} as const satisfies Record<string, Endpoint>;
