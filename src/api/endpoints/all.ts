import type { Endpoint } from './endpoint';
import { filingEndpoints } from './filing';
import { endpoints } from './index';
import { insightsEndpoints } from './insights';
import { reportEndpoints } from './reports';

/**
 * The whole contract: the console's registry and the operations of the lazily loaded screens. The
 * OpenAPI document, the server's check that it serves every operation, and the demo's fault
 * injection read it; its order is the document's.
 */
export const allEndpoints: readonly Endpoint[] = [
  endpoints,
  reportEndpoints,
  filingEndpoints,
  insightsEndpoints,
].flatMap((resource) => Object.values<Endpoint>(resource));
