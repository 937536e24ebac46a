import { z } from '../../../lib/zod';
import { AuditAction } from '../../../api/schemas/audit';
import { Id, Timestamp } from '../../../api/schemas/common';
import { Actor } from '../../../api/schemas/user';

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * The audit log's view lives in the URL: actor, role, action, subject and time range. A link
 * reproduces it; anything invalid in it is dropped, not obeyed.
 */
export const AuditSearch = z.object({
  actorId: optional(Id),
  role: optional(Actor.shape.role),
  action: optional(AuditAction),
  subjectId: optional(Id),
  from: optional(Timestamp),
  to: optional(Timestamp),
});
export type AuditSearch = z.infer<typeof AuditSearch>;
