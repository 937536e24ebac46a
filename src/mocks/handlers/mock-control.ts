import { http } from 'msw';
import type { Backend } from '../backend/backend';
import { MockConfigRequest } from '../backend/backend';
import { errorResponse, invalidRequest, jsonResponse } from './route';

/** `/__mock/config`: the mock's knobs at run time. Exists only on the mock server. */
export const mockControlHandlers = (backend: Backend) => [
  http.get('*/__mock/config', () => jsonResponse(200, backend.config)),
  http.post('*/__mock/config', async ({ request }) => {
    const parsed = MockConfigRequest.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) return errorResponse(invalidRequest(parsed.error, 'body'));
    return jsonResponse(200, backend.configure(parsed.data));
  }),
];
