import { http } from 'msw';
import { z } from '../../lib/zod';
import { SESSION_COOKIE } from '../../api/endpoints';
import type { FlaggedItem } from '../../api/schemas/item';
import type { Backend } from '../backend/backend';
import { MockConfigRequest } from '../backend/backend';
import { readCookie } from '../backend/sessions';
import { bodyLimit } from '../body-limit';
import { isJson, parseJson, readBody, readQuery, unsupportedMediaType } from './request-input';
import { HttpError, errorResponse, invalidRequest, jsonResponse } from './responses';

const configLimit = bodyLimit(MockConfigRequest);
const SessionAgeRequest = z.object({ minutes: z.number().int().min(1).max(10_080) }).strict();
const sessionAgeLimit = bodyLimit(SessionAgeRequest);

/** Answers the `HttpError` a malformed request throws. */
const answering =
  (resolve: (request: Request) => Response | Promise<Response>) =>
  async ({ request }: { request: Request }) => {
    try {
      readQuery(new URL(request.url));
      return await resolve(request);
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      throw error;
    }
  };

/**
 * `/__mock/config`: the mock's knobs at run time; `/__mock/session-age`: ages the calling
 * browser's own session by `minutes` (its start and its last use), the demo's way to watch one
 * session expire on a server everyone shares; `/__mock/pending-cluster`: test setup's way to find
 * a pending item whose cluster holds at least `others` free pending items;
 * `/__mock/past-threshold-signal`: test setup's way to show a signal no matcher raises (the demo
 * data has none): moves a free pending item's PDQ match past its list's limit. Exist only on the
 * mock server.
 */
export const mockControlHandlers = (backend: Backend) => [
  http.get(
    '*/__mock/config',
    answering(() => jsonResponse(200, backend.config)),
  ),
  http.post(
    '*/__mock/config',
    answering(async (request) => {
      // JSON only: a cross-site page cannot send application/json without a CORS preflight, which
      // this server never grants, so no other site can reset the demo or inject faults.
      if (!isJson(request.headers.get('content-type'))) {
        throw unsupportedMediaType('Send the knobs as application/json.');
      }
      const parsed = MockConfigRequest.safeParse(parseJson(await readBody(request, configLimit)));
      if (!parsed.success) return errorResponse(invalidRequest(parsed.error, 'body'));
      return jsonResponse(200, backend.configure(parsed.data));
    }),
  ),
  http.post(
    '*/__mock/session-age',
    answering(async (request) => {
      if (!isJson(request.headers.get('content-type'))) {
        throw unsupportedMediaType('Send the age as application/json.');
      }
      const parsed = SessionAgeRequest.safeParse(
        parseJson(await readBody(request, sessionAgeLimit)),
      );
      if (!parsed.success) return errorResponse(invalidRequest(parsed.error, 'body'));
      const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
      if (token === undefined || !backend.state.sessions.age(token, parsed.data.minutes * 60_000))
        return errorResponse(new HttpError(404, 'not_found', 'This browser has no live session.'));
      return jsonResponse(200, { aged: parsed.data.minutes });
    }),
  ),
  http.get(
    '*/__mock/pending-cluster',
    answering((request) => {
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
  ),
  http.post(
    '*/__mock/past-threshold-signal',
    answering((request) => {
      // JSON only, as every change to the demo: no other site can send it without a preflight.
      if (!isJson(request.headers.get('content-type'))) {
        throw unsupportedMediaType('Send an empty JSON object.');
      }
      const found = backend.state.items.find(
        (item) =>
          item.status === 'pending' &&
          item.lease === null &&
          item.signals[0]?.kind === 'hash_match' &&
          item.signals[0].algorithm === 'PDQ',
      );
      const signal = found?.signals[0];
      if (!found || signal?.kind !== 'hash_match')
        return errorResponse(new HttpError(404, 'not_found', 'No free pending PDQ match.'));
      signal.distance = signal.maxDistance + 7;
      backend.state.revision++;
      return jsonResponse(200, { itemId: found.id });
    }),
  ),
];
