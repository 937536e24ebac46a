import { endpoints, type Endpoint } from './endpoints';
import { insightsEndpoints } from './insights-endpoints';
import { reportEndpoints } from './report-endpoints';

/** The whole contract: the core operations and those of the lazily loaded screens. */
export const allEndpoints: readonly Endpoint[] = [
  ...Object.values<Endpoint>(endpoints),
  ...Object.values<Endpoint>(reportEndpoints),
  ...Object.values<Endpoint>(insightsEndpoints),
];
