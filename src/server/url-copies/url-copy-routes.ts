import type { Hono } from 'hono';
import { endpoints } from '../../api/endpoints';
import { mayCopyLive } from '../../api/schemas/url-copy';
import { wholeDefanged } from '../../lib/defang';
import { appendAuditEvents } from '../audit/audit-chain';
import { mountEndpoint } from '../http/mount-endpoint';
import { Refusal } from '../refusal';
import type { ServerContext } from '../server-context';
import { heldUrl } from './held-urls';

/**
 * A copy of a third-party URL, recorded before the console copies it: `url.copied` with the URL
 * in its whole defanged form (the live form never enters the log, which auditors read and
 * export), the field that held it, and the form copied.
 */
export function mountUrlCopyRoutes(app: Hono, server: ServerContext) {
  mountEndpoint(app, server, endpoints.recordUrlCopy, async ({ trx, body, user }) => {
    if (body.form === 'live' && !mayCopyLive(user.role))
      throw new Refusal(
        'forbidden',
        'forbidden',
        `The ${user.role} role copies third-party URLs in their defanged form only.`,
      );
    const held = await heldUrl(trx, body);
    if (!held)
      throw new Refusal(
        'not_found',
        'not_found',
        `${body.subject.id} holds no such URL: only a URL it holds is copied.`,
      );
    const [event] = await appendAuditEvents(trx, [
      {
        at: server.now().toISOString(),
        actor: { id: user.id, name: user.name, role: user.role },
        action: 'url.copied',
        subject: body.subject,
        detail: { url: wholeDefanged(body.url), field: held.field, form: body.form },
      },
    ]);
    if (!event) throw new Error('The audit chain appended nothing.');
    return { body: { seq: event.seq, at: event.at, form: body.form } };
  });
}
