import { SESSION_COOKIE } from '../../api/headers';

/** The first of a proxy's comma-separated hops: the one the browser connected to. */
const firstHop = (header: string | null) => header?.split(',')[0]?.trim().toLowerCase();

/** `proto` of the first element of a `Forwarded` header (RFC 7239), unquoted. */
function forwardedProto(header: string | null): string | undefined {
  for (const pair of firstHop(header)?.split(';') ?? []) {
    const [name, value] = pair.split('=');
    if (name?.trim() === 'proto') return value?.trim().replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

/**
 * Whether the browser's request came over HTTPS: directly, or to a proxy in front that says so in
 * `X-Forwarded-Proto` or `Forwarded`. Believing a forged header costs nothing: it can only add
 * `Secure`, and a browser on plain HTTP then keeps no cookie at all.
 */
export const cameOverHttps = (request: Request) =>
  new URL(request.url).protocol === 'https:' ||
  firstHop(request.headers.get('x-forwarded-proto')) === 'https' ||
  forwardedProto(request.headers.get('forwarded')) === 'https';

/** The session cookie's `Set-Cookie`: a new session, or `maxAgeSeconds: 0` to clear it. */
export function sessionCookie(request: Request, value: string, maxAgeSeconds?: number) {
  const secure = cameOverHttps(request) ? '; Secure' : '';
  const maxAge = maxAgeSeconds === undefined ? '' : `; Max-Age=${maxAgeSeconds}`;
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict${maxAge}${secure}`;
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
