import type { Hono } from 'hono';
import { endpoints } from '../../api/endpoints';
import { mountEndpoint } from '../http/mount-endpoint';
import { Refusal } from '../refusal';
import type { ServerContext } from '../server-context';
import { pngResponse } from './png-response';

/**
 * The blurred derivative of an item, as the media store holds it. Hash-only items have no media
 * at all: refused before the store is asked, whatever files other items with the same bytes have.
 */
export function mountMediaRoutes(app: Hono, server: ServerContext) {
  mountEndpoint(app, server, endpoints.getItemPreview, async ({ trx, params }) => {
    const item = await trx
      .selectFrom('items')
      .select(['id', 'hash_only', 'sha256'])
      .where('id', '=', params.itemId)
      .executeTakeFirst();
    if (!item) throw new Refusal('not_found', 'not_found', `No item ${params.itemId}.`);
    const noPreview = new Refusal('not_found', 'not_found', `No preview for ${item.id}.`);
    if (item.hash_only) throw noPreview;
    const blurred = await server.media.blurred(item.sha256);
    if (!blurred) throw noPreview;
    return pngResponse(blurred);
  });
}
