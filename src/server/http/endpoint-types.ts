import type { z } from 'zod/mini';
import type { WithJsonText } from './write-json';
import type { Endpoint } from '../../api/endpoints/endpoint';
import { invalidRequest } from './responses';

/** What a schema of an endpoint parses to; undefined where the endpoint has none. */
export type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/**
 * What a handler answers: a JSON body in the contract's shape (a field may be its JSON text,
 * written already), or a whole Response for media.
 */
export type Reply<E extends Endpoint> = E['response'] extends z.ZodMiniType
  ? {
      body: WithJsonText<z.input<E['response']>>;
      status?: number;
      headers?: Record<string, string>;
    }
  : Response;

/** The input parsed by the contract's schema, or a 400 naming the first failing field. */
export function parseOrThrow<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  where: 'path' | 'query' | 'body',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidRequest(result.error, where);
}
