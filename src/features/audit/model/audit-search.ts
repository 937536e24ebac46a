import { z } from '../../../lib/zod';
import { AuditAction } from '../../../api/schemas/audit';
import { Id, Timestamp } from '../../../api/schemas/common';
import { Actor } from '../../../api/schemas/user';

const optional = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

/**
 * The audit log's view lives in the URL: actor, role, action, subject and time range, and the
 * event shown in full (`event`, its seq). A link reproduces it; anything invalid in it is
 * dropped, not obeyed.
 */
export const AuditSearch = z.object({
  actorId: optional(Id),
  role: optional(Actor.shape.role),
  action: optional(AuditAction),
  subjectId: optional(Id),
  from: optional(Timestamp),
  to: optional(Timestamp),
  event: optional(z.coerce.number().check(z.int(), z.positive())),
});
export type AuditSearch = z.infer<typeof AuditSearch>;

/** The filters of the view: everything in it but the event shown in full. */
export function filterOf(search: AuditSearch) {
  const { event, ...filter } = search;
  return filter;
}
