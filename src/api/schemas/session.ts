import { z } from '../../lib/zod';
import { Id } from './common';
import { User } from './user';

export const SessionState = z
  .object({
    user: User.nullable().meta({ description: 'The signed-in user, or null without a session.' }),
    demoUsers: z.array(User).meta({
      description:
        'Users a demo deployment lets anyone sign in as. Empty on a real deployment, which signs in through its identity provider.',
    }),
  })
  .meta({ id: 'SessionState' });
export type SessionState = z.infer<typeof SessionState>;

export const SignInRequest = z.object({ userId: Id }).meta({ id: 'SignInRequest' });
export type SignInRequest = z.infer<typeof SignInRequest>;
