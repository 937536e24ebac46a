import { endpoints } from '../../api/endpoints';
import type { Backend } from '../backend/backend';
import { route } from './route';

export const auditHandlers = (backend: Backend) => [
  route(backend, endpoints.listAudit, ({ query }) => ({ body: backend.state.queryAudit(query) })),
];
