import { http } from 'msw';
import type { FlaggedItem } from '../../api/schemas/item';
import type { Backend } from '../backend/backend';
import { MockConfigRequest } from '../backend/backend';
import { HttpError, errorResponse, invalidRequest, jsonResponse } from './route';

/**
 * `/__mock/config`: the mock's knobs at run time; `/__mock/pending-cluster`: test setup's way to
 * find a pending item whose cluster holds at least `others` free pending items. Exist only on the
 * mock server.
 */
export const mockControlHandlers = (backend: Backend) => [
  http.get('*/__mock/config', () => jsonResponse(200, backend.config)),
  http.post('*/__mock/config', async ({ request }) => {
    // JSON only: a cross-site page cannot send application/json without a CORS preflight, which
    // this server never grants, so no other site can reset the demo or inject faults.
    if (!request.headers.get('content-type')?.startsWith('application/json')) {
      return errorResponse(
        new HttpError(415, 'unsupported_media_type', 'Send the knobs as application/json.'),
      );
    }
    const parsed = MockConfigRequest.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) return errorResponse(invalidRequest(parsed.error, 'body'));
    return jsonResponse(200, backend.configure(parsed.data));
  }),
  http.get('*/__mock/pending-cluster', ({ request }) => {
    const others = Number(new URL(request.url).searchParams.get('others') ?? 1);
    const free = (item: FlaggedItem) => item.status === 'pending' && item.lease === null;
    const found = backend.state.items.find(
      (item) =>
        free(item) &&
        backend.state
          .clusters()
          .clusterOf(item)
          .filter((m) => free(m.item)).length >= others,
    );
    return found
      ? jsonResponse(200, { itemId: found.id })
      : errorResponse(new HttpError(404, 'not_found', `No pending cluster of ${others + 1}.`));
  }),
];
