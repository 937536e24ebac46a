import type { Hono } from 'hono';
import { endpoints } from '../../api/endpoints';
import { mountEndpoint } from '../http/mount-endpoint';
import { pngResponse } from '../media/png-response';
import { Refusal } from '../refusal';
import type { ServerContext } from '../server-context';
import { endReveal, redeemReveal, startReveal } from './reveal-rules';

/** Reveals: an audited grant of a single-use URL, the original served once, the reveal's end. */
export function mountRevealRoutes(app: Hono, server: ServerContext) {
  mountEndpoint(
    app,
    server,
    endpoints.revealItem,
    async ({ trx, params, user }) => ({
      body: await startReveal(trx, params.itemId, user, server.now()),
    }),
    {
      refused: ({ params }) => ({
        action: 'media.reveal_refused',
        subject: { type: 'item', id: params.itemId },
      }),
    },
  );

  mountEndpoint(app, server, endpoints.endReveal, async ({ trx, params, user, body }) => ({
    body: await endReveal(trx, params.revealId, params.itemId, user, body.reason, server.now()),
  }));

  mountEndpoint(app, server, endpoints.getRevealedMedia, ({ trx, params, user }) =>
    redeemReveal(trx, params.token, user, server.now(), async (sha256) => {
      const original = await server.media.original(sha256);
      if (!original)
        throw new Refusal(
          'not_found',
          'not_found',
          'This item’s original is not in the media store.',
        );
      return pngResponse(original);
    }),
  );
}
