import { Role } from './schemas/user';
import { OrganisationWellness } from './schemas/wellness';
import type { Endpoint } from './endpoints';

/** The wellness settings operations (issue 7), part of the one registry in `endpoints.ts`. */
export const settingsEndpoints = {
  getOrganisationWellness: {
    operationId: 'getOrganisationWellness',
    method: 'get',
    path: '/api/settings/organisation',
    summary: 'The organisation’s wellness defaults',
    description:
      'Blur strength, grayscale, auto re-blur, safe mode, exposure budget per shift and idle lock. Each analyst’s own settings live in their browser and may only make viewing safer than these.',
    tag: 'settings',
    access: Role.options,
    response: OrganisationWellness,
    errors: [401],
  },
} as const satisfies Record<string, Endpoint>;
