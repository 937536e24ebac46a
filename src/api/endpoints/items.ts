import { z } from '../../lib/zod';
import { FilterCatalog } from '../schemas/catalog';
import { Id } from '../schemas/common';
import { ItemDetail, ViewRecorded } from '../schemas/decision';
import { AllItemsQuery, ItemPage } from '../schemas/item';
import { anyRole, type Endpoint } from './endpoint';

/** The path of every operation on one item. */
export const ItemIdParams = z.object({ itemId: Id });

/**
 * Flagged items: lists across every queue, one item, its views, and the filters the lists offer.
 * Query options, and the key every item query starts with: `items.queries.ts`.
 */
export const itemEndpoints = {
  getFilterCatalog: {
    operationId: 'getFilterCatalog',
    method: 'get',
    path: '/api/filters',
    summary: 'The suppliers and rules the item filters offer',
    tag: 'items',
    access: anyRole,
    response: FilterCatalog,
    errors: [401],
  },
  listItems: {
    operationId: 'listItems',
    method: 'get',
    path: '/api/items',
    summary: 'Items across every queue, filtered, sorted and searched',
    description:
      'The same filters and paging as a queue’s items, plus `q`: an item id or any of its hashes.',
    tag: 'items',
    access: anyRole,
    query: AllItemsQuery,
    response: ItemPage,
    errors: [400, 401],
  },
  getItem: {
    operationId: 'getItem',
    method: 'get',
    path: '/api/items/{itemId}',
    summary: 'One flagged item with its decisions',
    description:
      'Reading has no side effect, so the console may prefetch; showing the item to a person is recorded with `recordItemView`. While the item awaits a second review, its decisions are left out for everyone but the first reviewer and auditors (`blindSecondReview`).',
    tag: 'items',
    access: anyRole,
    params: ItemIdParams,
    response: ItemDetail,
    errors: [401, 404],
  },
  recordItemView: {
    operationId: 'recordItemView',
    method: 'post',
    path: '/api/items/{itemId}/views',
    summary: 'Record that the item was shown to the caller',
    description: 'Appends an `item.viewed` audit event: who saw which item’s metadata, when.',
    tag: 'items',
    access: anyRole,
    params: ItemIdParams,
    response: ViewRecorded,
    errors: [401, 403, 404],
  },
} as const satisfies Record<string, Endpoint>;
