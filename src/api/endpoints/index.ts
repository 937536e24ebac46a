import { auditEndpoints } from './audit';
import { claimEndpoints } from './claims';
import { clusterEndpoints } from './clusters';
import { decisionEndpoints } from './decisions';
import type { Endpoint } from './endpoint';
import { itemEndpoints } from './items';
import { mediaEndpoints } from './media';
import { queueEndpoints } from './queues';
import { sessionEndpoints } from './session';
import { urlCopyEndpoints } from './url-copies';
import { wellnessEndpoints } from './wellness';

/**
 * The operations the console's first screens call, by name: `apiRequest(endpoints.getItem, …)`.
 * Assembled from the resources beside this file, each of which holds its operations' definitions
 * (and, in `<resource>.queries.ts`, their query options and what to read again after a change).
 * Reports, filing and insights are called only from lazily loaded screens, which import those
 * resources themselves, so the first screen's JavaScript does not carry them; `all.ts` lists the
 * whole contract.
 */
export const endpoints = {
  ...auditEndpoints,
  ...sessionEndpoints,
  ...queueEndpoints,
  ...itemEndpoints,
  ...claimEndpoints,
  ...decisionEndpoints,
  ...clusterEndpoints,
  ...mediaEndpoints,
  ...wellnessEndpoints,
  ...urlCopyEndpoints,
} as const satisfies Record<string, Endpoint>;
