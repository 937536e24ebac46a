import { endpoints } from '../../api/endpoints';
import type { Backend } from '../backend/backend';
import { blurredPreviewPng } from '../backend/preview-image';
import { HttpError, route } from './route';

export const itemHandlers = (backend: Backend) => [
  route(backend, endpoints.getItem, ({ params, user }) => {
    const item = backend.state.itemsById.get(params.itemId);
    if (!item) throw new HttpError(404, 'not_found', `No item ${params.itemId}.`);
    // Reading an item is an exposure to its metadata: on the record.
    backend.state.audit.append({
      at: backend.now().toISOString(),
      actor: { id: user.id, name: user.name, role: user.role },
      action: 'item.viewed',
      subject: { type: 'item', id: item.id },
      detail: { previewMode: item.preview.mode },
    });
    return { body: { item, decisions: backend.state.decisions.get(item.id) ?? [] } };
  }),

  route(backend, endpoints.getItemPreview, ({ params }) => {
    const item = backend.state.itemsById.get(params.itemId);
    if (!item) throw new HttpError(404, 'not_found', `No item ${params.itemId}.`);
    // Hash-only items have no media endpoint at all: nothing of them is ever served.
    if (item.preview.mode !== 'blurred')
      throw new HttpError(404, 'not_found', `No preview for ${item.id}.`);
    return new Response(new Uint8Array(blurredPreviewPng(item.media.sha256)), {
      headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' },
    });
  }),
];
