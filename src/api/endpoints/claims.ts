import { z } from '../../lib/zod';
import { ClaimResult, HolderChange } from '../schemas/decision';
import { WindowId } from '../schemas/item';
import { ReviewerList } from '../schemas/user';
import { reviewerRoles, type Endpoint } from './endpoint';
import { ItemIdParams } from './items';

/** The window a claim comes from (leases are a person's, held in one of their windows). */
const windowField = z.optional(WindowId).register(z.globalRegistry, {
  description: 'The caller’s window. Without it the lease is taken for no window in particular.',
});
export const ClaimQuery = z
  .object({
    window: windowField,
    takeOver: z.optional(z.enum(['true', 'false'])).register(z.globalRegistry, {
      description:
        '`true`: move the caller’s own lease from another of their windows to this one (a renewal). Without it, such a claim is refused (409 `held_elsewhere`).',
    }),
  })
  .register(z.globalRegistry, { id: 'ClaimQuery' });
export const WindowQuery = z
  .object({ window: windowField })
  .register(z.globalRegistry, { id: 'WindowQuery' });

/**
 * Claims (leases) on items: a reviewer's own, and a supervisor's release or hand-over to one of the
 * reviewers. Query options: `claims.queries.ts`.
 */
export const claimEndpoints = {
  claimItem: {
    operationId: 'claimItem',
    method: 'post',
    path: '/api/items/{itemId}/claim',
    summary: 'Claim an item for decision, or renew the claim',
    description:
      'Takes (or extends) a lease of `leaseSeconds` on the item for the caller, held in the caller’s `window`. 409 while someone else holds a live lease or when the item is decided; 409 `held_elsewhere` while the caller holds it in another of their windows, unless `takeOver=true` moves it here; 403 when the caller may not make the review it waits for (its own second review; an escalation, unless a supervisor).',
    tag: 'items',
    access: reviewerRoles,
    params: ItemIdParams,
    query: ClaimQuery,
    response: ClaimResult,
    errors: [401, 403, 404, 409],
  },
  releaseItem: {
    operationId: 'releaseItem',
    method: 'delete',
    path: '/api/items/{itemId}/claim',
    summary: 'Release the caller’s claim on an item',
    description:
      'Gives up the caller’s lease, unless it is held in another of their windows than `window` (then it stays there).',
    tag: 'items',
    access: reviewerRoles,
    params: ItemIdParams,
    query: WindowQuery,
    response: ClaimResult,
    errors: [401, 403, 404],
  },
  changeHolder: {
    operationId: 'changeHolder',
    method: 'post',
    path: '/api/items/{itemId}/holder',
    summary: 'Release or reassign an item someone holds (supervisors)',
    description:
      '`holderId: null` releases the item; a reviewer’s id hands it to them with a fresh lease. Audited as `item.released` or `item.reassigned`, naming the previous holder.',
    tag: 'items',
    access: ['supervisor'],
    params: ItemIdParams,
    body: HolderChange,
    response: ClaimResult,
    errors: [400, 401, 403, 404, 409],
  },
  listReviewers: {
    operationId: 'listReviewers',
    method: 'get',
    path: '/api/reviewers',
    summary: 'The analysts and supervisors (supervisors)',
    tag: 'items',
    access: ['supervisor'],
    response: ReviewerList,
    errors: [401, 403],
  },
} as const satisfies Record<string, Endpoint>;
