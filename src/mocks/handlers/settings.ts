import { endpoints } from '../../api/endpoints';
import type { Backend } from '../backend/backend';
import { organisationWellness } from '../backend/organisation-wellness';
import { route } from './route';

export const settingsHandlers = (backend: Backend) => [
  route(backend, endpoints.getOrganisationWellness, () => ({ body: organisationWellness })),
];
