import { z } from '../../lib/zod';
import { Id } from './common';

export const Role = z
  .enum(['analyst', 'supervisor', 'auditor'])
  .register(z.globalRegistry, { id: 'Role' });
export type Role = z.infer<typeof Role>;

export const User = z
  .object({
    id: Id,
    name: z.string().check(z.minLength(1)),
    role: Role,
    email: z.email(),
  })
  .register(z.globalRegistry, { id: 'User' });
export type User = z.infer<typeof User>;

/** Who did something, as recorded on decisions, leases and audit events. */
export const Actor = z
  .object({
    id: Id,
    name: z.string(),
    role: z.enum(['analyst', 'supervisor', 'auditor', 'system']),
  })
  .register(z.globalRegistry, { id: 'Actor' });
export type Actor = z.infer<typeof Actor>;

export const ReviewerList = z
  .object({
    reviewers: z.array(z.pick(User, { id: true, name: true, role: true })),
  })
  .register(z.globalRegistry, {
    id: 'ReviewerList',
    description: 'The analysts and supervisors an item may be handed to.',
  });
export type ReviewerList = z.infer<typeof ReviewerList>;
