import { expect, test } from 'vitest';
import { allEndpoints } from './all';
import type { Endpoint } from './endpoint';
import { auditEndpoints } from './audit';
import { claimEndpoints } from './claims';
import { clusterEndpoints } from './clusters';
import { decisionEndpoints } from './decisions';
import { filingEndpoints } from './filing';
import { endpoints } from './index';
import { insightsEndpoints } from './insights';
import { itemEndpoints } from './items';
import { mediaEndpoints } from './media';
import { queueEndpoints } from './queues';
import { reportEndpoints } from './reports';
import { sessionEndpoints } from './session';
import { urlCopyEndpoints } from './url-copies';
import { wellnessEndpoints } from './wellness';

const eager: readonly Record<string, Endpoint>[] = [
  auditEndpoints,
  sessionEndpoints,
  queueEndpoints,
  itemEndpoints,
  claimEndpoints,
  decisionEndpoints,
  clusterEndpoints,
  mediaEndpoints,
  wellnessEndpoints,
  urlCopyEndpoints,
];
const lazy: readonly Record<string, Endpoint>[] = [
  reportEndpoints,
  filingEndpoints,
  insightsEndpoints,
];
const names = (resources: readonly Record<string, Endpoint>[]) =>
  resources.flatMap((r) => Object.keys(r));

test('each operation is defined once, under its own operationId, and the registries lose none', () => {
  // Spreading resources into one registry would silently drop an operation whose name repeats.
  expect(new Set(names([...eager, ...lazy])).size).toBe(names([...eager, ...lazy]).length);
  for (const resource of [...eager, ...lazy])
    for (const [name, endpoint] of Object.entries(resource))
      expect(endpoint.operationId).toBe(name);
  expect(Object.keys(endpoints)).toEqual(names(eager));
  expect(allEndpoints.map((e) => e.operationId)).toEqual(names([...eager, ...lazy]));
  const routes = allEndpoints.map((e) => `${e.method} ${e.path}`);
  expect(new Set(routes).size).toBe(routes.length);
});
