import type { Hono } from 'hono';
import { endpoints } from '../../api/endpoints';
import { mountEndpoint } from '../http/mount-endpoint';
import type { ServerContext } from '../server-context';
import { claimItem, releaseItem } from './claims';
import { changeHolder } from './holder-change';
import { NextClaimRefused, startReviewing } from './next-item';

const itemSubject = (itemId: string) => ({ type: 'item' as const, id: itemId });

/** Who holds what: "Start reviewing", claims and their release, a supervisor's hand-over. */
export function mountClaimRoutes(app: Hono, server: ServerContext) {
  mountEndpoint(
    app,
    server,
    endpoints.startReviewing,
    async ({ trx, params, query, user }) => ({
      body: {
        item: await startReviewing(
          trx,
          params.queueId,
          user,
          server.now(),
          server.review,
          query.window ?? null,
        ),
      },
    }),
    {
      // The claim of the next item was refused (the hold limit): on the record like any claim.
      refused: ({ error }) =>
        error instanceof NextClaimRefused
          ? { action: 'item.claim_refused', subject: itemSubject(error.itemId) }
          : null,
    },
  );

  mountEndpoint(
    app,
    server,
    endpoints.claimItem,
    async ({ trx, params, query, user }) => {
      const origin = { window: query.window ?? null, takeOver: query.takeOver === 'true' };
      return {
        body: {
          item: await claimItem(trx, params.itemId, user, server.now(), server.review, origin),
        },
      };
    },
    {
      refused: ({ params }) => ({
        action: 'item.claim_refused',
        subject: itemSubject(params.itemId),
      }),
    },
  );

  mountEndpoint(app, server, endpoints.releaseItem, async ({ trx, params, query, user }) => ({
    body: {
      item: await releaseItem(trx, params.itemId, user, server.now(), query.window ?? null),
    },
  }));

  mountEndpoint(app, server, endpoints.changeHolder, async ({ trx, params, body, user }) => ({
    body: {
      item: await changeHolder(
        trx,
        params.itemId,
        user,
        body.holderId,
        server.now(),
        server.review,
      ),
    },
  }));
}
