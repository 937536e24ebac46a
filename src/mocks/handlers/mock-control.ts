import { http } from 'msw';
import { z } from '../../lib/zod';
import { SESSION_COOKIE } from '../../api/endpoints';
import { Id } from '../../api/schemas/common';
import { preservationDeadline } from '../../domain/preservation';
import type { FlaggedItem } from '../../api/schemas/item';
import type { Backend } from '../backend/backend';
import { MockConfigRequest } from '../backend/backend';
import { readCookie } from '../../server/http/session-cookie';
import { bodyLimit } from '../../server/http/body-limit';
import {
  isJson,
  parseJson,
  readBody,
  readQuery,
  unsupportedMediaType,
} from '../../server/http/request-input';
import {
  HttpError,
  errorResponse,
  invalidRequest,
  jsonResponse,
} from '../../server/http/responses';

const configLimit = bodyLimit(MockConfigRequest);
const SessionAgeRequest = z.object({ minutes: z.number().int().min(1).max(10_080) }).strict();
const sessionAgeLimit = bodyLimit(SessionAgeRequest);
const ReportAgeRequest = z
  .object({ reportId: Id, days: z.number().int().min(1).max(3660) })
  .strict();
const reportAgeLimit = bodyLimit(ReportAgeRequest);

/** A filed report, as if filed `days` earlier: its filing's times and its deadline move back. */
function ageFiledReport(backend: Backend, reportId: string, days: number) {
  const report = backend.state.reports.list().find((r) => r.id === reportId);
  if (!report?.filed || !report.filing) return false;
  const back = (iso: string) => new Date(Date.parse(iso) - days * 86_400_000).toISOString();
  const filedAt = back(report.filed.filedAt);
  report.filed = { ...report.filed, filedAt, preservationDeadline: preservationDeadline(filedAt) };
  report.filing.startedAt = back(report.filing.startedAt);
  for (const step of report.filing.steps) if (step.at) step.at = back(step.at);
  return true;
}
const RevealAgeRequest = z.object({ seconds: z.number().int().min(1).max(86_400) }).strict();
const revealAgeLimit = bodyLimit(RevealAgeRequest);

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
 * session expire on a server everyone shares; `/__mock/report-age`: moves a filed report's filing
 * `days` back (its deadline with it; the audit log keeps the real times), the demo's way to see a
 * preservation deadline come due; `/__mock/pending-cluster`: test setup's way to find
 * a pending item whose cluster holds at least `others` free pending items; `/__mock/reveal-age`:
 * moves the start of the calling user's reveals still showing back by `seconds`, the demo's way to
 * watch an exposure budget fill up without staring at media for minutes;
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
  http.post(
    '*/__mock/report-age',
    answering(async (request) => {
      if (!isJson(request.headers.get('content-type'))) {
        throw unsupportedMediaType('Send the report and days as application/json.');
      }
      const parsed = ReportAgeRequest.safeParse(parseJson(await readBody(request, reportAgeLimit)));
      if (!parsed.success) return errorResponse(invalidRequest(parsed.error, 'body'));
      const { reportId, days } = parsed.data;
      if (!ageFiledReport(backend, reportId, days))
        return errorResponse(new HttpError(404, 'not_found', `No filed report ${reportId}.`));
      return jsonResponse(200, { reportId, aged: days });
    }),
  ),
  http.post(
    '*/__mock/reveal-age',
    answering(async (request) => {
      if (!isJson(request.headers.get('content-type'))) {
        throw unsupportedMediaType('Send the age as application/json.');
      }
      const parsed = RevealAgeRequest.safeParse(parseJson(await readBody(request, revealAgeLimit)));
      if (!parsed.success) return errorResponse(invalidRequest(parsed.error, 'body'));
      const session = backend.state.sessions.peek(
        readCookie(request.headers.get('cookie'), SESSION_COOKIE),
      );
      if (!session)
        return errorResponse(new HttpError(404, 'not_found', 'This browser has no live session.'));
      let aged = 0;
      for (const reveal of backend.state.reveals.values()) {
        if (reveal.userId !== session.user.id || reveal.endedAt !== null) continue;
        reveal.startedAt -= parsed.data.seconds * 1000;
        aged++;
      }
      return jsonResponse(200, { aged });
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
