import { z } from '../lib/zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
} from 'zod-openapi';
import { isStateChanging, type Endpoint, type ErrorStatus } from './endpoints/endpoint';
import {
  ACTING_USER_HEADER,
  ACTIVITY_HEADER,
  CSRF_HEADER,
  CSRF_VALUE,
  SESSION_COOKIE,
} from './headers';
import { allEndpoints } from './endpoints/all';
import { AuditEvent } from './schemas/audit';
import { ErrorBody, Id } from './schemas/common';

const errorDescriptions: Record<ErrorStatus, string> = {
  400: 'The request failed validation; `error.field` names the first failing field.',
  401: 'No valid session: sign in. `error.code` is `session_expired` when the session ran out (idle timeout or absolute lifetime), `session_ended` when it was signed out everywhere, else `unauthenticated`.',
  403: 'The caller’s role may not do this, or the CSRF header is missing.',
  404: 'No such resource.',
  409: 'The resource changed since it was read (version conflict).',
  503: 'Something the server depends on is not set up or not reachable; `error.message` says what.',
};

function operation(endpoint: Endpoint): ZodOpenApiOperationObject {
  const roles = endpoint.access === 'public' ? 'anyone' : endpoint.access.join(', ');
  const csrf = isStateChanging(endpoint.method);
  const activity = {
    [ACTIVITY_HEADER]: z.optional(z.literal('background')).register(z.globalRegistry, {
      description:
        'Sent on a request the console makes while no one has used it for a minute (polling, lease renewals, retries): it does not count as use of the session, so an unattended console idles out.',
    }),
  };
  const header = csrf
    ? z.object({
        [CSRF_HEADER]: z
          .literal(CSRF_VALUE)
          .register(z.globalRegistry, { description: 'CSRF guard.' }),
        [ACTING_USER_HEADER]: z.optional(Id).register(z.globalRegistry, {
          description:
            'The user this request acts for (the console always sends it): refused with 403 `maker_mismatch` under another user’s session.',
        }),
        ...activity,
      })
    : z.object(activity);
  const success =
    'mediaType' in endpoint.response
      ? {
          [endpoint.response.mediaType]: {
            schema: z.string().register(z.globalRegistry, { format: 'binary' }),
          },
        }
      : { 'application/json': { schema: endpoint.response } };
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: [endpoint.description, `Roles: ${roles}.`].filter(Boolean).join('\n\n'),
    tags: [endpoint.tag],
    ...(endpoint.access === 'public' ? { security: [] } : {}),
    requestParams: {
      ...(endpoint.params ? { path: endpoint.params } : {}),
      ...(endpoint.query ? { query: endpoint.query } : {}),
      header,
    },
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: endpoint.body } },
          },
        }
      : {}),
    responses: {
      '200': { description: 'OK', content: success },
      ...Object.fromEntries(
        endpoint.errors.map((status) => [
          String(status),
          {
            description: errorDescriptions[status],
            content: { 'application/json': { schema: ErrorBody } },
          },
        ]),
      ),
      default: {
        description: 'Unexpected server error.',
        content: { 'application/json': { schema: ErrorBody } },
      },
    },
  };
}

/** The OpenAPI 3.1 document of the contract, generated from the zod schemas and endpoint list. */
export function buildOpenApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const endpoint of allEndpoints) {
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method]: operation(endpoint) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Verity API',
      version: '0.1.0',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      description: [
        'The contract between the Verity console and its backend. Generated from the zod schemas in `src/api/` by `npm run contract`; do not edit by hand.',
        `Sessions: \`POST /api/session\` sets the \`${SESSION_COOKIE}\` cookie (HttpOnly, SameSite=Strict). Every state-changing request must carry \`${CSRF_HEADER}: ${CSRF_VALUE}\`; the server refuses it otherwise (403).`,
        'Errors: every 4xx/5xx carries `{ "error": { "code", "message", "field"? } }`.',
        'Text: no path, query or body text may hold U+0000 (NUL) or a lone UTF-16 surrogate (a JSON escape such as `\\ud800` without its pair), in a value or a key: 400 `invalid_request` naming where. No field needs either, and PostgreSQL cannot store them.',
        'Audit log: see the `AuditEvent` schema. `hash` = lower-case hex SHA-256 of the UTF-8 canonical JSON of the event without `hash` (keys sorted at every level, no whitespace, values as JSON.stringify writes them); `prevHash` of seq 1 is 64 zeros.',
      ].join('\n\n'),
    },
    servers: [
      {
        url: '/',
        description: 'The console’s own origin (the demo: `npm start`, http://localhost:4318).',
      },
    ],
    tags: [
      { name: 'session', description: 'Sign-in and the current user.' },
      { name: 'queues', description: 'Queues and their items.' },
      { name: 'items', description: 'Flagged items and their previews.' },
      { name: 'audit', description: 'The hash-chained audit log (auditors and supervisors).' },
      {
        name: 'reports',
        description:
          'CyberTipline report drafts, their completeness, review and filing (which runs on the server).',
      },
      {
        name: 'insights',
        description:
          'Supervisors’ feedback loops: rule precision, supplier provenance, agreement, flow, exposure.',
      },
      { name: 'settings', description: 'The organisation’s wellness defaults.' },
    ],
    security: [{ sessionCookie: [] }],
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
      },
      schemas: { AuditEvent },
    },
    paths,
  });
}
