import type { Context } from 'hono';
import { SESSION_COOKIE } from '../../api/headers';
import { Id } from '../../api/schemas/common';
import { z } from '../../lib/zod';
import { bodyLimit } from '../http/body-limit';
import {
  isJson,
  parseJson,
  readBody,
  readQuery,
  unsupportedMediaType,
} from '../http/request-input';
import { HttpError, errorResponse, invalidRequest, jsonResponse } from '../http/responses';
import { readCookie } from '../http/session-cookie';
import type { ServerContext } from '../server-context';
import { findSession } from '../sessions/session-store';
import { ageFiledReport, ageSession, ageShowingReveals } from './demo-aging';
import { pastThresholdSignal, pendingCluster } from './demo-finds';

/**
 * The demo's controls besides its knobs, for demos and browser tests, in demo mode only:
 * - `POST /__mock/session-age` `{minutes}` ages the calling browser's own session (its start and
 *   its last use), the demo's way to watch one session expire on a server everyone shares;
 * - `POST /__mock/report-age` `{reportId, days}` moves a filed report's filing `days` back (its
 *   preservation deadline with it; the audit log keeps the real times), to see a deadline come due;
 * - `POST /__mock/reveal-age` `{seconds}` moves the start of the calling user's reveals still
 *   showing back, to watch an exposure budget fill up without staring at media for minutes;
 * - `GET /__mock/pending-cluster?others=N` finds a free pending item whose cluster holds at least N
 *   (default 1) other free pending items;
 * - `POST /__mock/past-threshold-signal` `{}` shows a signal no matcher raises (the demo data has
 *   none): a free pending item's PDQ match moved past its list's limit.
 * Every POST takes JSON only: a cross-site page cannot send it without a CORS preflight, which
 * this server never grants.
 */

const SessionAgeRequest = z.strictObject({ minutes: z.int().check(z.gte(1), z.lte(10_080)) });
const ReportAgeRequest = z.strictObject({
  reportId: Id,
  days: z.int().check(z.gte(1), z.lte(3660)),
});
const RevealAgeRequest = z.strictObject({ seconds: z.int().check(z.gte(1), z.lte(86_400)) });
const EmptyRequest = z.strictObject({});
const PendingClusterQuery = z.object({
  others: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(10_000)), 1),
});

/** The body, JSON only, as `schema` reads it; the caller's error (4xx) otherwise. */
async function jsonBody<T>(c: Context, schema: z.ZodMiniType<T>, what: string): Promise<T> {
  if (!isJson(c.req.header('content-type') ?? null))
    throw unsupportedMediaType(`Send ${what} as application/json.`);
  const parsed = schema.safeParse(parseJson(await readBody(c.req.raw, bodyLimit(schema))));
  if (!parsed.success) throw invalidRequest(parsed.error, 'body');
  return parsed.data;
}

const notFound = (message: string) => errorResponse(new HttpError(404, 'not_found', message));
const noSession = () => notFound('This browser has no live session.');
const tokenOf = (c: Context) => readCookie(c.req.header('cookie') ?? null, SESSION_COOKIE);

type Control = (c: Context, server: ServerContext) => Promise<Response>;

const controls: Record<string, { method: 'GET' | 'POST'; answer: Control }> = {
  '/__mock/session-age': {
    method: 'POST',
    answer: async (c, server) => {
      const { minutes } = await jsonBody(c, SessionAgeRequest, 'the age');
      const token = tokenOf(c);
      if (token === undefined) return noSession();
      const aged = await server.transactions.run((trx) => ageSession(trx, token, minutes * 60_000));
      return aged ? jsonResponse(200, { aged: minutes }) : noSession();
    },
  },
  '/__mock/report-age': {
    method: 'POST',
    answer: async (c, server) => {
      const { reportId, days } = await jsonBody(c, ReportAgeRequest, 'the report and days');
      const aged = await server.transactions.run((trx) => ageFiledReport(trx, reportId, days));
      return aged
        ? jsonResponse(200, { reportId, aged: days })
        : notFound(`No filed report ${reportId}.`);
    },
  },
  '/__mock/reveal-age': {
    method: 'POST',
    answer: async (c, server) => {
      const { seconds } = await jsonBody(c, RevealAgeRequest, 'the age');
      const token = tokenOf(c);
      const aged = await server.transactions.run(async (trx) => {
        const session = await findSession(trx, token, server.now(), server.sessionLimits, {
          use: false,
        });
        return session ? ageShowingReveals(trx, session.user.id, seconds) : null;
      });
      return aged === null ? noSession() : jsonResponse(200, { aged });
    },
  },
  '/__mock/pending-cluster': {
    method: 'GET',
    answer: async (c, server) => {
      const parsed = PendingClusterQuery.safeParse(readQuery(new URL(c.req.url)));
      if (!parsed.success) throw invalidRequest(parsed.error, 'query');
      const { others } = parsed.data;
      const itemId = await pendingCluster(server.database.db, others, server.now());
      return itemId === null
        ? notFound(`No pending cluster of ${others + 1}.`)
        : jsonResponse(200, { itemId });
    },
  },
  '/__mock/past-threshold-signal': {
    method: 'POST',
    answer: async (c, server) => {
      await jsonBody(c, EmptyRequest, 'an empty JSON object');
      const itemId = await server.transactions.run((trx) => pastThresholdSignal(trx, server.now()));
      return itemId === null
        ? notFound('No free pending PDQ match.')
        : jsonResponse(200, { itemId });
    },
  },
};

/** The answer of the demo control at the request's path and method, or null when there is none. */
export async function answerDemoControl(
  c: Context,
  server: ServerContext,
): Promise<Response | null> {
  const url = new URL(c.req.url);
  const control = Object.hasOwn(controls, url.pathname) ? controls[url.pathname] : undefined;
  if (control?.method !== c.req.method) return null;
  try {
    readQuery(url);
    return await control.answer(c, server);
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    throw error;
  }
}
