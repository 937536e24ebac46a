import { z } from '../../lib/zod';
import { Id } from '../schemas/common';
import {
  BreakDismissal,
  ExposureShift,
  ExposureShiftQuery,
  OrganisationWellness,
} from '../schemas/wellness';
import { anyRole, type Endpoint } from './endpoint';

const UserIdParams = z.object({ userId: Id });

/**
 * Wellness: the organisation's defaults and a person's exposure this shift. Query options:
 * `wellness.queries.ts`.
 */
export const wellnessEndpoints = {
  getOrganisationWellness: {
    operationId: 'getOrganisationWellness',
    method: 'get',
    path: '/api/settings/organisation',
    summary: 'The organisation’s wellness defaults',
    description:
      'Blur strength, grayscale, auto re-blur, safe mode, exposure budget per shift and idle lock. Each analyst’s own settings live in their browser and may only make viewing safer than these.',
    tag: 'settings',
    access: anyRole,
    response: OrganisationWellness,
    errors: [401],
  },
  getExposureShift: {
    operationId: 'getExposureShift',
    method: 'get',
    path: '/api/users/{userId}/exposure-shift',
    summary: 'A person’s exposure this shift, from every reveal the server recorded',
    description:
      'Revealed seconds and reveals of the running shift, in every browser and session, and whether the break prompt was dismissed in it. Everyone reads their own; supervisors, who look after their reviewers, read anyone’s (403 for others; 404 for an unknown user). See docs/decisions/0010-exposure-shift-on-the-server.md.',
    tag: 'settings',
    access: anyRole,
    params: UserIdParams,
    query: ExposureShiftQuery,
    response: ExposureShift,
    errors: [400, 401, 403, 404],
  },
  dismissBreak: {
    operationId: 'dismissBreak',
    method: 'post',
    path: '/api/users/{userId}/exposure-shift/break-dismissal',
    summary: 'Dismiss the break prompt for the rest of a shift',
    description:
      'Only the person themselves (403 for anyone else). Kept with the shift that started at `shiftStartedAt`: a later shift prompts afresh. Answers the running shift as `getExposureShift` does.',
    tag: 'settings',
    access: ['analyst', 'supervisor'],
    params: UserIdParams,
    body: BreakDismissal,
    response: ExposureShift,
    errors: [400, 401, 403],
  },
} as const satisfies Record<string, Endpoint>;
