import type { Backend } from '../backend/backend';
import { auditHandlers } from './audit';
import { itemHandlers } from './items';
import { mockControlHandlers } from './mock-control';
import { queueHandlers } from './queues';
import { reportHandlers } from './reports';
import { insightsHandlers } from './insights';
import { settingsHandlers } from './settings';
import { sessionHandlers } from './session';
import { urlCopyHandlers } from './url-copies';

/** The one handler set: served by the Node mock server and by msw/node in Vitest. */
export const createHandlers = (backend: Backend) => [
  ...mockControlHandlers(backend),
  ...sessionHandlers(backend),
  ...queueHandlers(backend),
  ...itemHandlers(backend),
  ...auditHandlers(backend),
  ...reportHandlers(backend),
  ...insightsHandlers(backend),
  ...settingsHandlers(backend),
  ...urlCopyHandlers(backend),
];
