import type { Endpoint } from './endpoints';

/** The insights operations (issue 7), part of the one registry in `endpoints.ts`. */
export const insightsEndpoints = {} as const satisfies Record<string, Endpoint>;
