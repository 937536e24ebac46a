import { z } from '../../lib/zod';
import { Id } from './common';
import { User } from './user';

const minutes = z.int().check(z.positive());

export const SessionEnded = z
  .discriminatedUnion('reason', [
    z.object({
      reason: z.literal('idle_timeout'),
      idleMinutes: minutes
        .clone()
        .register(z.globalRegistry, { description: 'The idle timeout the session ran out of.' }),
    }),
    z.object({
      reason: z.literal('expired'),
      maxHours: z.number().check(z.positive()).register(z.globalRegistry, {
        description: 'The absolute lifetime the session reached, however active.',
      }),
    }),
    z.object({ reason: z.literal('signed_out_everywhere') }),
  ])
  .register(z.globalRegistry, {
    id: 'SessionEnded',
    description:
      'Why the session this browser’s cookie names ended without this browser signing out: idle for the idle timeout, at the end of its absolute lifetime, or signed out everywhere from another browser.',
  });
export type SessionEnded = z.infer<typeof SessionEnded>;

export const SessionState = z
  .object({
    user: z.nullable(User).register(z.globalRegistry, {
      description: 'The signed-in user, or null without a session.',
    }),
    demoUsers: z.array(User).register(z.globalRegistry, {
      description:
        'Users a demo deployment lets anyone sign in as. Empty on a real deployment, which signs in through its identity provider.',
    }),
    ended: z.optional(SessionEnded),
  })
  .register(z.globalRegistry, { id: 'SessionState' });
export type SessionState = z.infer<typeof SessionState>;

export const SignInRequest = z
  .object({ userId: Id })
  .register(z.globalRegistry, { id: 'SignInRequest' });
export type SignInRequest = z.infer<typeof SignInRequest>;
