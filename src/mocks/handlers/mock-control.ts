import { http } from 'msw';
import type { Backend } from '../backend/backend';
import { MockConfigRequest } from '../backend/backend';
import { HttpError, errorResponse, invalidRequest, jsonResponse } from './route';

/** `/__mock/config`: the mock's knobs at run time. Exists only on the mock server. */
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
];
