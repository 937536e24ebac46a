import { endpoints } from '../../api/endpoints';
import type { Backend } from '../backend/backend';
import { InvalidCursorError, listQueueItems } from '../backend/item-list';
import { summarizeQueues } from '../backend/queue-summaries';
import { HttpError, route } from './route';

export const queueHandlers = (backend: Backend) => [
  route(backend, endpoints.listQueues, ({ user }) => ({
    body: {
      queues: summarizeQueues(backend.state, user.id, backend.now()),
    },
  })),

  route(backend, endpoints.listQueueItems, ({ params, query }) => {
    const queue = backend.state.queues.find((q) => q.id === params.queueId);
    if (!queue) throw new HttpError(404, 'not_found', `No queue ${params.queueId}.`);
    try {
      return { body: listQueueItems(queue, backend.state.items, query) };
    } catch (error) {
      if (error instanceof InvalidCursorError) {
        throw new HttpError(
          400,
          'invalid_request',
          'query.cursor: not a cursor from this server.',
          'query.cursor',
        );
      }
      throw error;
    }
  }),
];
