import { randomBytes } from 'node:crypto';
import type { User } from '../../api/schemas/user';

/** Server-side sessions: an unguessable token (the cookie's value) → the signed-in user. */
export interface Sessions {
  start(user: User): string;
  lookup(token: string | undefined): User | null;
  end(token: string): void;
}

export function createSessions(): Sessions {
  const byToken = new Map<string, User>();
  return {
    start(user) {
      const token = randomBytes(32).toString('base64url');
      byToken.set(token, user);
      return token;
    },
    lookup: (token) => (token === undefined ? null : (byToken.get(token) ?? null)),
    end: (token) => void byToken.delete(token),
  };
}

/** The value of one cookie in a `Cookie` request header. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined; // a malformed cookie is no session, not a server error
      }
    }
  }
  return undefined;
}
