import { endpoints } from '../../api/endpoints';
import type { User } from '../../api/schemas/user';
import type { Backend } from '../backend/backend';
import { exposureShift, shiftLength } from '../backend/exposure-shift';
import { organisationWellness } from '../backend/organisation-wellness';
import { HttpError } from '../../server/http/responses';
import { route } from './route';

/** One person's running shift, from every reveal of theirs the server recorded. */
function shiftOf(backend: Backend, userId: string, chosenHours: number | undefined) {
  const reveals = [...backend.state.reveals.values()].filter((r) => r.userId === userId);
  return exposureShift({
    userId,
    reveals,
    now: backend.now().getTime(),
    shiftHours: shiftLength(organisationWellness, chosenHours),
    org: organisationWellness,
    dismissedShift: backend.state.breakDismissals.get(userId),
  });
}

/** Everyone reads their own shift; supervisors, who look after their reviewers, anyone's. */
function assertMayRead(backend: Backend, reader: User, userId: string) {
  if (reader.id !== userId && reader.role !== 'supervisor')
    throw new HttpError(403, 'forbidden', 'Only supervisors read another person’s exposure.');
  if (!backend.state.users.has(userId)) throw new HttpError(404, 'not_found', `No user ${userId}.`);
}

export const settingsHandlers = (backend: Backend) => [
  route(backend, endpoints.getOrganisationWellness, () => ({ body: organisationWellness })),

  route(backend, endpoints.getExposureShift, ({ params, query, user }) => {
    assertMayRead(backend, user, params.userId);
    return { body: shiftOf(backend, params.userId, query.shiftHours) };
  }),

  route(backend, endpoints.dismissBreak, ({ params, body, user }) => {
    if (user.id !== params.userId)
      throw new HttpError(403, 'forbidden', 'Only the person themselves dismisses their break.');
    backend.state.breakDismissals.set(user.id, Date.parse(body.shiftStartedAt));
    return { body: shiftOf(backend, user.id, body.shiftHours) };
  }),
];
