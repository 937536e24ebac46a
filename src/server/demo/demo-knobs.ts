import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, MiddlewareHandler } from 'hono';
import { allEndpoints } from '../../api/endpoints/all';
import { bodyLimit } from '../http/body-limit';
import {
  decodeParams,
  isJson,
  matchPath,
  parseJson,
  readBody,
  readQuery,
  unsupportedMediaType,
} from '../http/request-input';
import { HttpError, errorResponse, invalidRequest, jsonResponse } from '../http/responses';
import type { ServerContext } from '../server-context';
import { configureDemo, currentConfig } from './configure';
import { answerDemoControl } from './demo-controls';
import { corrupt, matchingFault } from './faults';
import { MockConfigRequest, readDemoKnobs, type MockConfig } from './knobs';

const configLimit = bodyLimit(MockConfigRequest);

/** Whether the request is a call of the contract whose path decodes (else it is answered 4xx). */
function isContractCall(method: string, url: URL): boolean {
  for (const endpoint of allEndpoints) {
    if (endpoint.method.toUpperCase() !== method) continue;
    const raw = matchPath(endpoint.path, url.pathname);
    if (raw === null) continue;
    try {
      decodeParams(raw);
      readQuery(url);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

/** `/__mock/config`: GET answers the knobs; POST (JSON only) sets them. */
async function answerConfig(c: Context, server: ServerContext, start: MockConfig) {
  try {
    readQuery(new URL(c.req.url));
    if (c.req.method === 'GET') return jsonResponse(200, await currentConfig(server, start));
    // JSON only: a cross-site page cannot send application/json without a CORS preflight, which
    // this server never grants, so no other site can reset the demo or inject faults.
    if (!isJson(c.req.header('content-type') ?? null))
      throw unsupportedMediaType('Send the knobs as application/json.');
    const parsed = MockConfigRequest.safeParse(parseJson(await readBody(c.req.raw, configLimit)));
    if (!parsed.success) return errorResponse(invalidRequest(parsed.error, 'body'));
    return jsonResponse(200, await configureDemo(server, start, parsed.data));
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    throw error;
  }
}

/**
 * The demo's knobs, as a middleware of the server in demo mode only: `/__mock/config` reads and
 * sets them (`start` is what a `reset` returns to: the defaults and this start's options), and
 * every call of the contract gets the latency and faults they ask for. The knobs are read from the
 * database on every call, so one set on any instance holds on all of them. The demo's other
 * controls (`demo-controls.ts`) are answered here too.
 */
export function demoKnobs(server: ServerContext, start: MockConfig): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (url.pathname === '/__mock/config' && (c.req.method === 'GET' || c.req.method === 'POST'))
      return answerConfig(c, server, start);
    const control = await answerDemoControl(c, server);
    if (control) return control;
    if (!isContractCall(c.req.method, url)) return next();
    const knobs = await readDemoKnobs(server.database.db);
    server.review.leaseSeconds = knobs.leaseSeconds;
    if (knobs.latency > 0) await sleep(knobs.latency);
    const fault = matchingFault(knobs.faults, url.pathname);
    if (fault === '500')
      return errorResponse(new HttpError(500, 'injected_fault', 'Injected fault: 500.'));
    await next();
    const { res } = c;
    if (fault === 'malformed' && res.status < 400 && isJson(res.headers.get('content-type'))) {
      const body: unknown = await res.json();
      const headers = new Headers(res.headers);
      headers.delete('content-length');
      c.res = new Response(JSON.stringify(corrupt(body)), { status: res.status, headers });
    }
  };
}
