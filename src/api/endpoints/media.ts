import { z } from '../../lib/zod';
import { Id } from '../schemas/common';
import { RevealEnd, RevealEnded, RevealGrant } from '../schemas/decision';
import { reviewerRoles, type Endpoint } from './endpoint';
import { ItemIdParams } from './items';

/**
 * An item's media: the blurred preview and the revealed original, binary answers read by `<img>`,
 * and the audited reveal that grants the original. Nothing here is cached as a query; a reveal's
 * end has the exposure shift read again (`exposureShiftKey` in `wellness.queries.ts`).
 */
export const mediaEndpoints = {
  revealItem: {
    operationId: 'revealItem',
    method: 'post',
    path: '/api/items/{itemId}/reveal',
    summary: 'Reveal an item’s unblurred media (audited)',
    description:
      'A deliberate act, recorded as `media.revealed`. Returns a same-origin URL that works once, for 30 seconds. Blurred items only: hash-only items have no media (404).',
    tag: 'items',
    access: reviewerRoles,
    params: ItemIdParams,
    response: RevealGrant,
    errors: [401, 403, 404],
  },
  endReveal: {
    operationId: 'endReveal',
    method: 'post',
    path: '/api/items/{itemId}/reveal/{revealId}/end',
    summary: 'Report that revealed media was blurred again',
    description:
      'Records `media.reblurred` with the reveal’s duration. The next reveal is a new one.',
    tag: 'items',
    access: reviewerRoles,
    params: z.object({ itemId: Id, revealId: Id }),
    body: RevealEnd,
    response: RevealEnded,
    errors: [400, 401, 403, 404],
  },
  getRevealedMedia: {
    operationId: 'getRevealedMedia',
    method: 'get',
    path: '/api/media/reveal/{token}',
    summary: 'The unblurred media of one reveal',
    description:
      'Single-use and short-lived: a second request, or one after `expiresAt`, is a 404. `Cache-Control: no-store`. Serving it is recorded as `media.served`: only that makes a report’s `fileViewedByEsp` true.',
    tag: 'items',
    access: reviewerRoles,
    params: z.object({ token: z.string().check(z.regex(/^[\w-]+$/)) }),
    response: { mediaType: 'image/png' },
    errors: [401, 403, 404],
  },
  getItemPreview: {
    operationId: 'getItemPreview',
    method: 'get',
    path: '/api/items/{itemId}/preview',
    summary: 'The server-blurred derivative of an item',
    description:
      'Blurred items only: hash-only items have no preview (404). Served with `Cache-Control: no-store`. Auditors never receive media (403).',
    tag: 'items',
    access: reviewerRoles,
    params: ItemIdParams,
    response: { mediaType: 'image/png' },
    errors: [401, 403, 404],
  },
} as const satisfies Record<string, Endpoint>;
