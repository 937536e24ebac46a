import { endpoints } from '../../api/endpoints';
import type { Backend } from '../backend/backend';
import { InvalidPageError, type ListScope } from '../backend/item-list';
import type { ItemListQuery, Signal } from '../../api/schemas/item';
import { suppliers } from '../../server/demo/generate/catalog';
import { claimItem } from '../backend/claims';
import { escalationsBy } from '../backend/escalations';
import { nextReviewable } from '../backend/queue-summaries';
import { summarizeQueues } from '../backend/queue-summaries';
import { asHttp } from './item-errors';
import { HttpError } from '../../server/http/responses';
import { isRecordedRefusal, recordRefusal } from './refusals';
import { route } from './route';

export const queueHandlers = (backend: Backend) => [
  route(backend, endpoints.listQueues, ({ user }) => ({
    body: {
      queues: summarizeQueues(backend.state, user.id, backend.now()),
    },
  })),

  route(backend, endpoints.startReviewing, ({ params, query, user }) => {
    const queue = backend.state.queues.find((q) => q.id === params.queueId);
    if (!queue) throw new HttpError(404, 'not_found', `No queue ${params.queueId}.`);
    const now = backend.now();
    const item = nextReviewable(backend.state, queue, user, now);
    if (!item) return { body: { item: null } };
    const origin = { window: query.window ?? null, takeOver: false };
    try {
      return {
        body: {
          item: asHttp(() => claimItem(backend.state, item, user, now, backend.config, origin)),
        },
      };
    } catch (error) {
      // The claim of the next item was refused (the hold limit): on the record like any claim.
      if (error instanceof HttpError && isRecordedRefusal(error))
        recordRefusal(
          backend,
          user,
          { action: 'item.claim_refused', subject: { type: 'item', id: item.id } },
          error,
        );
      throw error;
    }
  }),

  route(backend, endpoints.listMyEscalations, ({ user }) => ({
    body: { escalations: escalationsBy(backend.state, user.id) },
  })),

  route(backend, endpoints.listQueueItems, ({ params, query }) => {
    const queue = backend.state.queues.find((q) => q.id === params.queueId);
    if (!queue) throw new HttpError(404, 'not_found', `No queue ${params.queueId}.`);
    return { body: listPage(backend, { queue }, query) };
  }),

  route(backend, endpoints.getFilterCatalog, () => {
    const rules = new Map<string, { id: string; name: string; kind: Signal['kind'] }>();
    for (const item of backend.state.items) {
      for (const s of item.signals)
        rules.set(s.ruleId, { id: s.ruleId, name: s.ruleName, kind: s.kind });
    }
    return {
      body: {
        suppliers: suppliers.map(({ id, name }) => ({ id, name })),
        rules: [...rules.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      },
    };
  }),

  route(backend, endpoints.listItems, ({ query }) => {
    const queue =
      query.queueId === undefined
        ? undefined
        : backend.state.queues.find((q) => q.id === query.queueId);
    if (query.queueId !== undefined && !queue) {
      throw new HttpError(
        400,
        'invalid_request',
        `query.queueId: no queue ${query.queueId}.`,
        'query.queueId',
      );
    }
    return { body: listPage(backend, queue ? { queue } : { queue: null, q: query.q }, query) };
  }),
];

/** One page of a list, with a bad cursor or offset answered as a 400 naming it. */
function listPage(backend: Backend, scope: ListScope, query: ItemListQuery) {
  try {
    const { state } = backend;
    return state.listItems(state.items, state.revision, scope, query);
  } catch (error) {
    if (error instanceof InvalidPageError) {
      throw new HttpError(400, 'invalid_request', `${error.field}: ${error.message}.`, error.field);
    }
    throw error;
  }
}
