import { endpoints } from '../../api/endpoints';
import { mayCopyLive } from '../../api/schemas/url-copy';
import type { Backend } from '../backend/backend';
import { heldUrl, recordUrlCopy } from '../backend/url-copies';
import { HttpError } from '../../server/http/responses';
import { route } from './route';

export const urlCopyHandlers = (backend: Backend) => [
  route(backend, endpoints.recordUrlCopy, ({ body, user }) => {
    if (body.form === 'live' && !mayCopyLive(user.role))
      throw new HttpError(
        403,
        'forbidden',
        `The ${user.role} role copies third-party URLs in their defanged form only.`,
      );
    const held = heldUrl(backend.state, body);
    if (!held)
      throw new HttpError(
        404,
        'not_found',
        `${body.subject.id} holds no such URL: only a URL it holds is copied.`,
      );
    const event = recordUrlCopy(backend.state, user, body, held.field, backend.now());
    return { body: { seq: event.seq, at: event.at, form: body.form } };
  }),
];
