import type { z } from 'zod/mini';
import { Role } from '../schemas/user';

/**
 * What one operation of the contract says, once: method, path, roles, the schemas of its path,
 * query, body and answer, and its error statuses. The typed client, the server's routes and the
 * OpenAPI document all read it. Each resource's operations live in a file of their own beside
 * this one, with their query options next to them (`<resource>.queries.ts`).
 */
export type HttpMethod = 'get' | 'post' | 'put' | 'delete';
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 503;

export interface Endpoint {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI-style path: `/api/items/{itemId}`. */
  path: string;
  summary: string;
  description?: string;
  tag: 'session' | 'queues' | 'items' | 'audit' | 'reports' | 'insights' | 'settings';
  /** Roles allowed to call; `public` needs no session. */
  access: 'public' | readonly Role[];
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** JSON response schema, or the media type of a binary response. */
  response:
    | z.ZodMiniType
    | { mediaType: 'image/png' | 'text/csv' | 'application/x-ndjson' | 'application/xml' };
  errors: readonly ErrorStatus[];
}

/** Every role: any signed-in user. */
export const anyRole = Role.options;
/** The roles that work queues and may see (blurred) media; auditors never do (docs/roles.md). */
export const reviewerRoles = ['analyst', 'supervisor'] as const satisfies readonly Role[];

export const isStateChanging = (method: HttpMethod) => method !== 'get';
