import { insightsEndpoints } from '../../api/insights-endpoints';
import type { Backend } from '../backend/backend';
import { route } from './route';

export const insightsHandlers = (backend: Backend) => [
  route(backend, insightsEndpoints.getInsights, ({ query }) => ({
    body: backend.state.insights(query, backend.now()),
  })),
];
